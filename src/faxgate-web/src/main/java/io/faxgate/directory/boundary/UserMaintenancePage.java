package io.faxgate.directory.boundary;

import io.faxgate.access.boundary.AdminTenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** User Maintenance: a searchable, lazily paged list of the tenant's users. */
@Named
@ViewScoped
public class UserMaintenancePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    DirectoryUserFacade users;

    @Inject
    AdminTenant admin;

    private DirectoryUserLazyModel model;
    private String search;

    @PostConstruct
    void load() {
        model = new DirectoryUserLazyModel(users, admin.getSlug());
    }

    /** A new search starts on the first page. */
    public void searchChanged() {
        var table = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().findComponent("users:table");
        if (table instanceof org.primefaces.component.datatable.DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    public DirectoryUserLazyModel getUsers() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
        model.setSearch(search);
    }
}
