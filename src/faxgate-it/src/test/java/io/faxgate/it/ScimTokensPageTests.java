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

/** The SCIM tokens page (/admin/scim-tokens.xhtml). */
interface ScimTokensPageTests extends AdminPageTests {

    @Test
    default void scimTokensAreShownOnceWorkRotateAndRevoke() throws Exception {
        TenantAdmin t = AdminPages.tenantWithAdmin("scim-ui", false);
        signIn(browser(), t.username(), t.password());
        open(browser(), "/admin/scim-tokens.xhtml");
        assertThat(waitForText(browser(), By.id("scimBase"), "/scim/v2/" + t.slug())).endsWith("/scim/v2/" + t.slug());
        browser().type(By.id("newToken:label"), "Entra provisioning");
        browser().click(By.id("newToken:create"));
        String token = waitForText(browser(), By.id("createdToken"), "fgs_").strip();
        waitForText(browser(), By.id("tokens:table"), "Entra provisioning");
        assertNoConsoleErrors(browser());
        ((org.openqa.selenium.JavascriptExecutor) browser().driver()).executeScript(
                "document.getElementById('createdToken').textContent = arguments[0];", token.substring(0, 12) + "…(masked for the docs)");
        screenshot(browser(), "admin-scim-tokens");
        assertThat(scimUsers(t.slug(), token)).as("the shown token works").isEqualTo(200);

        open(browser(), "/admin/scim-tokens.xhtml");
        assertThat(browser().pageSource()).as("shown only once").doesNotContain(token);
        browser().click(By.xpath("//button[starts-with(@aria-label, 'Rotate token')]"));
        String rotated = waitForText(browser(), By.id("createdToken"), "fgs_").strip();
        assertThat(rotated).isNotEqualTo(token);
        assertThat(scimUsers(t.slug(), token)).as("the rotated-out token is refused at once").isEqualTo(401);
        assertThat(scimUsers(t.slug(), rotated)).isEqualTo(200);

        browser().click(By.xpath("//button[starts-with(@aria-label, 'Revoke token')]"));
        waitForText(browser(), By.id("messages"), "revoked");
        assertThat(scimUsers(t.slug(), rotated)).as("revoked: refused at once").isEqualTo(401);
        assertThat(waitForText(browser(), By.id("tokens:table"), "revoked")).doesNotContain(rotated).doesNotContain(token);
    }

    private static int scimUsers(String slug, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(FaxgateApi.BASE_URL + "/scim/v2/" + slug + "/Users")).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
