package io.faxgate.directory.boundary;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * One page of users at a time from {@link DirectoryUserFacade#search}: the database pages (offset/limit) and counts,
 * so a tenant with 10,000 users costs the same per page as one with 10.
 */
public class DirectoryUserLazyModel extends LazyDataModel<DirectoryUserView> {

    private static final long serialVersionUID = 1L;

    private final DirectoryUserFacade users;
    private final String slug;
    private String search;

    public DirectoryUserLazyModel(DirectoryUserFacade users, String slug) {
        this.users = users;
        this.slug = slug;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, users.search(slug, search, 0, 1).total());
    }

    @Override
    public List<DirectoryUserView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.max(1, Math.min(pageSize, DirectoryUserFacade.MAX_PAGE_SIZE));
        UserPage page = users.search(slug, search, first / size, size);
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.items();
    }

    @Override
    public String getRowKey(DirectoryUserView user) {
        return Long.toString(user.id());
    }

    @Override
    public DirectoryUserView getRowData(String rowKey) {
        List<DirectoryUserView> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(u -> Long.toString(u.id()).equals(rowKey)).findFirst().orElse(null);
    }
}
