package io.faxgate.it;

import io.faxgate.it.browser.Browser;

/**
 * What every admin page test shares: the browser of the running test (opened and closed by {@link AdminPanelPageIT},
 * which deploys Faxgate once for all pages) and small database reads. One {@code …PageTests} type per admin page
 * holds that page's tests as default methods; a class per page with its own deployment would add about half a
 * minute per page to the suite.
 */
interface AdminPageTests {

    /** The browser of the current test. */
    Browser browser();

    static int auditCount(String slug, String type) {
        return TestData.count("SELECT count(*) FROM audit_event WHERE tenant_id = (SELECT id FROM tenant WHERE slug = ?)"
                + " AND type = ?", slug, type);
    }

    /** Reads a user's state straight from the database. */
    static final class TestDataQueries {
        static boolean active(long userId) {
            try (var c = TestDatabase.connection(); var s = c.prepareStatement("SELECT active FROM directory_user WHERE id = ?")) {
                s.setLong(1, userId);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getBoolean(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
