package io.faxgate.it;

import static io.faxgate.it.AdminPageTests.auditCount;
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

/** One user's page (/admin/user.xhtml), reached from User Maintenance: permissions and their sources, deactivation. */
interface UserPageTests extends AdminPageTests {

    @Test
    default void permissionsAreEditableInAuthenticationOnlyAndRefusedAndReadOnlyOtherwise() {
        TenantAdmin t = AdminPages.tenantWithAdmin("perm-ui", false);
        for (int i = 0; i < 30; i++) {
            TestData.user(t.slug(), String.format("user%02d@%s.example", i, t.slug()), "Person " + i);
        }
        long userId = TestData.user(t.slug(), "zoe@" + t.slug() + ".example", "Zoe Sender");

        signIn(browser(), t.username(), t.password());
        open(browser(), "/admin/users.xhtml");
        assertThat(waitForText(browser(), By.id("users:table"), "of 31")).contains("user00@");
        browser().type(By.id("users:search"), "zoe");
        waitForText(browser(), By.id("users:table"), "1-1 of 1");
        screenshot(browser(), "admin-users");
        browser().click(By.linkText("zoe@" + t.slug() + ".example"));
        browser().waitFor(By.id("user:permissions"));
        assertThat(browser().title()).startsWith("User zoe@");

        browser().click(By.cssSelector("button[aria-label='Grant SEND_FAXES']"));
        waitForText(browser(), By.id("user:messages"), "Granted SEND_FAXES.");
        browser().waitFor(By.cssSelector("button[aria-label='Revoke SEND_FAXES']"));
        assertThat(t.api().get("/api/v1/tenants/" + t.slug() + "/users/" + userId + "/permissions").json().toString())
                .contains("SEND_FAXES");
        screenshot(browser(), "admin-user");

        // Someone switches the tenant to "Entra decides" while this page is open: the facade refuses the next change.
        JsonNode sso = t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json();
        var switched = t.api().put("/api/v1/tenants/" + t.slug() + "/sso", body("enabled", false, "mode", "AUTHENTICATION_AND_PERMISSIONS",
                "scope", "BOTH", "version", sso.get("version").asLong()));
        assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
        browser().click(By.cssSelector("button[aria-label='Grant VIEW_FAXES']"));
        assertThat(waitForText(browser(), By.id("user:messages"), "Permissions:")).contains("Entra app roles");
        assertThat(browser().waitFor(By.id("user:readOnly")).getText()).contains("Read-only.");
        assertThat(browser().driver().findElements(By.cssSelector("button[aria-label^='Grant ']"))).as("no edit buttons").isEmpty();
        assertThat(auditCount(t.slug(), "PERMISSION_CHANGE_REFUSED")).isEqualTo(1);

        open(browser(), "/admin/user.xhtml?id=" + userId);
        assertThat(browser().waitFor(By.id("user:readOnly")).getText()).contains("Read-only.");
        assertThat(browser().driver().findElements(By.cssSelector("button[aria-label^='Revoke ']"))).isEmpty();
        assertNoConsoleErrors(browser());
        screenshot(browser(), "admin-user-read-only");

        browser().click(By.id("user:toggleActive"));
        browser().click(By.cssSelector(".ui-confirmdialog-yes"));
        waitForText(browser(), By.id("status"), "deactivated");
        assertThat(TestDataQueries.active(userId)).isFalse();
    }
}
