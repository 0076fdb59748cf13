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

/** The admin panel's start page (/admin/index.xhtml) and what guards every Faces page: sign-in, permissions, CSP. */
interface AdminStartPageTests extends AdminPageTests {

    @Test
    default void facesPagesSendANonceCspAndTheAdminPanelNeedsSignInAndPermissions() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/admin/sso.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login.xhtml");

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> policies = login.headers().allValues("Content-Security-Policy");
        assertThat(policies).as("one policy per Faces page, PrimeFaces' with a nonce").hasSize(1);
        String scriptSrc = policies.get(0).substring(policies.get(0).indexOf("script-src"));
        assertThat(scriptSrc).startsWith("script-src 'self' 'nonce-").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(policies.get(0)).contains("frame-ancestors 'none'").contains("default-src 'self'");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/static/autosubmit.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().allValues("Content-Security-Policy")).containsExactly(
                "default-src 'self'; frame-ancestors 'none'; form-action 'self' https:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'");

        TenantAdmin t = AdminPages.tenantWithAdmin("guard-ui", false);
        signIn(browser(), t.username(), t.password());
        browser().get(FaxgateApi.BASE_URL + "/operator/tenants.xhtml");
        assertThat(browser().title()).as("a tenant admin is not an operator").isEqualTo("Not allowed · Faxgate");
        open(browser(), "/admin/index.xhtml");
        assertThat(browser().title()).isEqualTo("Admin panel · Faxgate admin");
        assertThat(browser().pageSource()).contains("/admin/scim-tokens.xhtml").doesNotContain("coming with directory sync");
        assertNoConsoleErrors(browser());
    }
}
