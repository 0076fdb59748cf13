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

/** The role mappings page (/admin/role-mappings.xhtml). */
interface RoleMappingsPageTests extends AdminPageTests {

    @Test
    default void aRoleMappingNeedsAPermissionAndKeepsAFormulaLikeValueAsText() {
        TenantAdmin t = AdminPages.tenantWithAdmin("audit-ui", false);
        signIn(browser(), t.username(), t.password());
        open(browser(), "/admin/role-mappings.xhtml");
        browser().type(By.id("newMapping:claimValue"), "=HYPERLINK(\"http://evil.example\",\"x\")");
        browser().click(By.id("newMapping:create"));
        assertThat(waitForText(browser(), By.id("newMapping"), "Permission:")).as("permission is required").isNotBlank();
        AdminPages.selectOne(browser(), "newMapping:permission", "VIEW_AUDIT_LOG");
        browser().click(By.id("newMapping:create"));
        waitForText(browser(), By.id("messages"), "now grants VIEW_AUDIT_LOG");
        waitForText(browser(), By.id("mappings:table"), "=HYPERLINK");
        screenshot(browser(), "admin-role-mappings");

    }
}
