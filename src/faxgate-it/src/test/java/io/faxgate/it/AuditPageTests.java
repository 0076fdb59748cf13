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

/** The audit log page (/admin/audit.xhtml): filters and the formula-safe CSV export. */
interface AuditPageTests extends AdminPageTests {

    @Test
    default void theAuditLogFiltersAndExportsAsFormulaSafeCsv() throws Exception {
        TenantAdmin t = AdminPages.tenantWithAdmin("audit-ui", false);
        var mapping = t.api().post("/api/v1/tenants/" + t.slug() + "/role-mappings",
                body("claimValue", "=HYPERLINK(\"http://evil.example\",\"x\")", "permission", "VIEW_AUDIT_LOG"));
        assertThat(mapping.status()).as(mapping.toString()).isEqualTo(201);
        signIn(browser(), t.username(), t.password());
        open(browser(), "/admin/audit.xhtml");
        waitForText(browser(), By.id("filter:events"), "ROLE_MAPPING_CREATED");
        browser().type(By.id("filter:actor"), "nobody-has-this-name");
        browser().click(By.id("filter:apply"));
        waitForText(browser(), By.id("filter:events"), "No events match.");
        browser().type(By.id("filter:actor"), t.username());
        browser().click(By.id("filter:apply"));
        waitForText(browser(), By.id("filter:events"), "ROLE_MAPPING_CREATED");
        assertNoConsoleErrors(browser());
        screenshot(browser(), "admin-audit");

        browser().click(By.id("filter:export"));
        Path csv = browser().waitUntil(d -> {
            try (Stream<Path> files = Files.exists(browser().downloads()) ? Files.list(browser().downloads()) : Stream.empty()) {
                return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(csv.getFileName().toString()).startsWith("faxgate-audit-" + t.slug());
        assertThat(text).contains("occurredAt,actor,type,outcome,target,detail,sourceIp");
        assertThat(text).contains("local:" + t.username() + ",ROLE_MAPPING_CREATED,SUCCESS,\"'=HYPERLINK(");
        assertThat(text.lines().skip(1)).as("only the filtered actor").allMatch(l -> l.contains("local:" + t.username()));
        assertThat(text.lines().skip(1).map(l -> l.split(",", -1)).filter(c -> c.length > 4).map(c -> c[4]))
                .as("no cell starts a formula").noneMatch(c -> c.startsWith("=") || c.startsWith("\"="));
    }
}
