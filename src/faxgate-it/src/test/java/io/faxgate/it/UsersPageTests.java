package io.faxgate.it;

import static io.faxgate.it.AdminPages.assertNoConsoleErrors;
import static io.faxgate.it.AdminPages.open;
import static io.faxgate.it.AdminPages.screenshot;
import static io.faxgate.it.AdminPages.setValue;
import static io.faxgate.it.AdminPages.signIn;
import static io.faxgate.it.AdminPages.waitForText;
import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.AdminPages.TenantAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** User Maintenance (/admin/users.xhtml): search and lazy paging. */
interface UsersPageTests extends AdminPageTests {

    @Test
    default void userMaintenancePagesLazilyThroughTenThousandUsers() throws Exception {
        TenantAdmin t = AdminPages.tenantWithAdmin("many-ui", false);
        long tenantId = TestData.tenantId(t.slug());
        long firstId = 800_000_000L + ThreadLocalRandom.current().nextLong(0, 50_000_000L) * 10;
        try (var c = TestDatabase.connection(); var s = c.prepareStatement("INSERT INTO directory_user (id, version, tenant_id,"
                + " external_id, user_name, user_name_key, email, display_name, active, source, created_at, updated_at)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, TRUE, 'SCIM', now(), now())")) {
            for (int i = 0; i < 10_000; i++) {
                String name = String.format("person%05d@%s.example", i, t.slug());
                s.setLong(1, firstId + i);
                s.setLong(2, tenantId);
                s.setString(3, "oid-" + (firstId + i));
                s.setString(4, name);
                s.setString(5, name);
                s.setString(6, name);
                s.setString(7, "Person " + i);
                s.addBatch();
            }
            s.executeBatch();
        }
        signIn(browser(), t.username(), t.password());
        long start = System.nanoTime();
        open(browser(), "/admin/users.xhtml");
        waitForText(browser(), By.id("users:table"), "1-25 of 10000");
        long firstPageMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        browser().click(By.cssSelector("[id='users:table'] .ui-paginator-last"));
        waitForText(browser(), By.id("users:table"), "9976-10000 of 10000");
        assertThat(browser().waitFor(By.id("users:table")).getText()).contains("person09999@");
        long lastPageMillis = (System.nanoTime() - start) / 1_000_000;
        browser().type(By.id("users:search"), "person0424");
        waitForText(browser(), By.id("users:table"), "1-10 of 10");
        assertThat(firstPageMillis).as("first page with 10,000 users, ms").isLessThan(5_000);
        assertThat(lastPageMillis).as("last page, ms").isLessThan(3_000);
        System.out.printf("User Maintenance with 10,000 users: first page %d ms, last page %d ms%n", firstPageMillis, lastPageMillis);
    }
}
