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

/** The security groups page (/admin/groups.xhtml). */
interface GroupsPageTests extends AdminPageTests {

    @Test
    default void aGroupIsCreatedAndRenamedOnTheGroupsPage() {
        TenantAdmin t = AdminPages.tenantWithAdmin("groups-ui", false);
        String number = "+4930" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        t.api().post("/api/v1/tenants/" + t.slug() + "/fax-lines", body("number", number, "label", "Dispatch fax"));
        long groupId = t.api().post("/api/v1/tenants/" + t.slug() + "/security-groups",
                body("externalId", "grp-" + number, "displayName", "Dispatch team")).json().get("id").asLong();
        long userId = TestData.user(t.slug(), "dora@" + t.slug() + ".example", "Dora Dispatcher");
        TestData.membership(t.slug(), groupId, userId);

        signIn(browser(), t.username(), t.password());
        open(browser(), "/admin/groups.xhtml");
        assertThat(browser().title()).startsWith("Security groups");
        waitForText(browser(), By.id("groups:table"), "Dispatch team");
        browser().type(By.id("newGroup:externalId"), "grp-night-" + number);
        browser().type(By.id("newGroup:displayName"), "Night shift");
        browser().click(By.id("newGroup:create"));
        waitForText(browser(), By.id("messages"), "Group Night shift created.");
        browser().click(By.cssSelector("button[aria-label='Rename Night shift']"));
        browser().type(By.cssSelector("[id$=':editName']"), "Night crew");
        browser().click(By.xpath("//button[.//span[text()='Save']]"));
        waitForText(browser(), By.id("messages"), "Group renamed to Night crew.");
        assertThat(waitForText(browser(), By.id("groups:table"), "Night crew")).doesNotContain("Night shift");
        assertThat(auditCount(t.slug(), "GROUP_UPDATED")).isEqualTo(1);
        screenshot(browser(), "admin-groups");
    }
}
