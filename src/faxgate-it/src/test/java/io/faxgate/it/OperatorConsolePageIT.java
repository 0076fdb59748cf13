package io.faxgate.it;

import static io.faxgate.it.AdminPages.assertNoConsoleErrors;
import static io.faxgate.it.AdminPages.open;
import static io.faxgate.it.AdminPages.screenshot;
import static io.faxgate.it.AdminPages.signIn;
import static io.faxgate.it.AdminPages.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.browser.Browser;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The platform operator's console in a real headless Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorConsolePageIT {

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @Test
    void operatorCreatesATenantAllowsSsoAndCreatesItsFirstAdminWithAPasswordShownOnce() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String slug = "op-" + id;
        String admin = "first-admin-" + id;
        try (Browser browser = Browser.open()) {
            try {
                signIn(browser, "operator", FaxgateApi.OPERATOR_PASSWORD);
                assertThat(browser.currentUrl()).startsWith(FaxgateApi.BASE_URL + "/operator/overview.xhtml");
                assertThat(browser.waitFor(By.id("navTenants")).getText()).isEqualTo("Tenants");
                open(browser, "/operator/tenants.xhtml");
                assertThat(browser.title()).isEqualTo("Tenants · Faxgate operator console");

                browser.type(By.id("newTenant:slug"), "Not A Slug");
                browser.type(By.id("newTenant:name"), "Company " + id);
                browser.click(By.id("newTenant:create"));
                assertThat(waitForText(browser, By.id("newTenant"), "Slug:")).contains("lower-case");

                browser.type(By.id("newTenant:slug"), slug);
                browser.click(By.id("newTenant:create"));
                waitForText(browser, By.id("messages"), "Tenant " + slug + " created.");
                waitForText(browser, By.id("tenantHeading"), slug);
                assertThat(browser.waitFor(By.id("ssoEnabled")).getText()).isEqualTo("no");

                browser.click(By.cssSelector("[id='tenant:ssoAllowed'] .ui-chkbox-box"));
                browser.click(By.id("tenant:save"));
                waitForText(browser, By.id("messages"), "SSO is allowed.");

                browser.type(By.id("admin:username"), admin);
                browser.click(By.id("admin:create"));
                String password = browser.waitFor(By.id("generatedPassword")).getText();
                assertThat(password).hasSizeGreaterThanOrEqualTo(20);
                assertNoConsoleErrors(browser);
                // the documentation's picture must not carry a real-looking secret
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById('generatedPassword').textContent = 'xxxxxxxxxxxxxxxxxxxx';");
                screenshot(browser, "operator-tenants");

                browser.click(By.id("admin:dismiss"));
                browser.waitUntil(d -> d.findElements(By.id("generatedPassword")).isEmpty());
                assertThat(browser.pageSource()).as("shown once").doesNotContain(password);

                // a refused SAML sign-in of this tenant shows with its reason in the tenant's SSO status
                TestData.execute("INSERT INTO audit_event (id, tenant_id, occurred_at, actor, type, outcome, target, detail)"
                        + " VALUES (?, ?, now() AT TIME ZONE 'UTC', 'anonymous', 'SAML_SIGN_IN', 'FAILURE', 'SIGNATURE_INVALID', 'no configured certificate verifies the signature')",
                        700_000_000L + (System.nanoTime() % 90_000_000L), TestData.tenantId(slug));
                browser.click(By.cssSelector("button.open-" + slug));
                assertThat(waitForText(browser, By.id("signInErrors"), "SIGNATURE_INVALID")).contains("FAILURE");

                JsonNode me = FaxgateApi.as(admin, password).get("/api/v1/me").json();
                assertThat(me.get("tenant").asText()).isEqualTo(slug);
                assertThat(me.get("kind").asText()).isEqualTo("TENANT_ADMIN");
                assertThat(FaxgateApi.operator().get("/api/v1/tenants/" + slug).json().get("ssoAllowed").asBoolean()).isTrue();
            } catch (RuntimeException | AssertionError e) {
                browser.saveArtifacts(AdminPages.ARTIFACTS, "OperatorConsolePageIT");
                throw e;
            }
        }
    }
}
