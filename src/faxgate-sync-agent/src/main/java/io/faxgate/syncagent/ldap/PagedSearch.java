package io.faxgate.syncagent.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

import java.util.function.Consumer;

/**
 * A subtree search read page by page with the Simple Paged Results control (RFC 2696), as AD requires for more
 * than MaxPageSize (1000) entries. The control is marked critical: a server that cannot page must fail the
 * search instead of silently returning a truncated list (which would look like deleted users).
 */
final class PagedSearch {

    private final LDAPConnection connection;
    private final int pageSize;
    private int pages;

    PagedSearch(LDAPConnection connection, int pageSize) {
        this.connection = connection;
        this.pageSize = pageSize;
    }

    void run(String baseDn, Filter filter, String[] attributes, Consumer<SearchResultEntry> each) throws LDAPException {
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, filter, attributes);
            request.addControl(new SimplePagedResultsControl(pageSize, cookie, true));
            SearchResult result = connection.search(request);
            pages++;
            result.getSearchEntries().forEach(each);
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            cookie = response == null ? null : response.getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
    }

    int pagesRead() {
        return pages;
    }
}
