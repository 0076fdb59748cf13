package io.faxgate.directory.boundary;

import io.faxgate.platform.boundary.PagedLazyModel;

/**
 * One page of users at a time from {@link DirectoryUserFacade#search}: the database pages (offset/limit) and counts,
 * so a tenant with 10,000 users costs the same per page as one with 10.
 */
public class DirectoryUserLazyModel extends PagedLazyModel<DirectoryUserView> {

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
    protected Slice<DirectoryUserView> slice(int first, int max) {
        UserPage page = users.search(slug, search, first / max, max);
        return new Slice<>(page.items(), page.total());
    }

    @Override
    protected int maxPageSize() {
        return DirectoryUserFacade.MAX_PAGE_SIZE;
    }

    @Override
    protected long idOf(DirectoryUserView user) {
        return user.id();
    }
}
