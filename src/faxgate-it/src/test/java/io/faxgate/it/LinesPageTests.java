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

/** The fax lines page (/admin/lines.xhtml): binding groups to lines, who reaches which line. */
interface LinesPageTests extends AdminPageTests {

    @Test
    default void bindingAGroupToALineShowsWhoReachesIt() {
        TenantAdmin t = AdminPages.tenantWithAdmin("lines-ui", false);
        String number = "+4930" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        long lineId = t.api().post("/api/v1/tenants/" + t.slug() + "/fax-lines", body("number", number, "label", "Dispatch fax")).json().get("id").asLong();
        long groupId = t.api().post("/api/v1/tenants/" + t.slug() + "/security-groups",
                body("externalId", "grp-" + number, "displayName", "Dispatch team")).json().get("id").asLong();
        long userId = TestData.user(t.slug(), "dora@" + t.slug() + ".example", "Dora Dispatcher");
        TestData.membership(t.slug(), groupId, userId);

        signIn(browser(), t.username(), t.password());
        open(browser(), "/admin/lines.xhtml");
        assertThat(browser().waitFor(By.id("reach:matrix")).getText()).contains("Nobody reaches a line yet.");
        browser().click(By.cssSelector("button[aria-label='Bind group Dispatch team to line " + number + "']"));
        waitForText(browser(), By.id("messages"), "now reaches " + number);
        assertThat(waitForText(browser(), By.id("reach:matrix"), "dora@")).contains("Dispatch team").contains(number);
        assertThat(browser().waitFor(By.cssSelector("button[aria-label='Unbind group Dispatch team from line " + number + "']"))
                .getAttribute("aria-pressed")).isEqualTo("true");
        assertNoConsoleErrors(browser());
        screenshot(browser(), "admin-lines");

        JsonNode line = t.api().get("/api/v1/tenants/" + t.slug() + "/fax-lines/" + lineId).json();
        assertThat(line.get("boundGroupIds").toString()).isEqualTo("[" + groupId + "]");
    }
}
