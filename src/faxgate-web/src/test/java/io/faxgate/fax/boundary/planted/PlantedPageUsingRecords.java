package io.faxgate.fax.boundary.planted;

import io.faxgate.audit.control.AuditQuery;
import io.faxgate.fax.boundary.FaxFacade;

/** Planted counter-example for PagesCallFacadesTest: a page with a facade and a control record is fine. */
public class PlantedPageUsingRecords {

    FaxFacade facade;

    AuditQuery query;
}
