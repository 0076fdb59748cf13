package io.faxgate.tenant.boundary;

import io.faxgate.operator.boundary.OperatorOverview;
import io.faxgate.operator.boundary.OperatorOverviewFacade;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The operator's landing page (operator/overview.xhtml): read once per request, nothing to post. */
@Named
@RequestScoped
public class OperatorOverviewPage {

    @EJB
    OperatorOverviewFacade facade;

    private OperatorOverview overview;

    @PostConstruct
    void load() {
        overview = facade.overview();
    }

    public OperatorOverview getOverview() {
        return overview;
    }
}
