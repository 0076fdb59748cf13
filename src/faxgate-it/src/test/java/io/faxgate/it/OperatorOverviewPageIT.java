package io.faxgate.it;

import static io.faxgate.it.AdminPages.assertNoConsoleErrors;
import static io.faxgate.it.AdminPages.open;
import static io.faxgate.it.AdminPages.screenshot;
import static io.faxgate.it.AdminPages.signIn;
import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.browser.Browser;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The operator lands on an overview that names what needs attention, in a real headless Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorOverviewPageIT {

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @Test
    void theOverviewNamesRefusalsExpiringCertificatesSilentScimClientsAndTheQueue() {
        // a tenant whose IdP certificate runs out in ten days, and whose sign-ins are refused
        String expiring = TestData.certificatePem("Overview Expiring IdP", Instant.now().plus(10, ChronoUnit.DAYS));
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of("certificates", List.of(expiring)));
        long tenantId = TestData.tenantId(tenant.slug());
        for (int i = 0; i < 3; i++) {
            TestData.execute("INSERT INTO audit_event (id, tenant_id, occurred_at, actor, type, outcome, target, detail)"
                    + " VALUES (?, ?, ?, 'anonymous', 'SAML_SIGN_IN', 'FAILURE', 'AUDIENCE_MISMATCH', 'audience api://other')",
                    680_000_000L + (System.nanoTime() % 10_000_000L) * 10 + i, tenantId,
                    Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
        }
        // a SCIM token that has not called for seven hours
        FaxgateApi.Answer token = FaxgateApi.operator().post("/api/v1/tenants/" + tenant.slug() + "/scim-tokens",
                body("label", "Entra overview check"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        TestData.execute("UPDATE scim_token SET created_at = ? WHERE tenant_id = ?",
                Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusHours(7)), tenantId);

        try (Browser browser = Browser.open()) {
            try {
                signIn(browser, "operator", FaxgateApi.OPERATOR_PASSWORD);
                assertThat(browser.currentUrl()).as("the operator lands on the overview, not on a page of links")
                        .startsWith(FaxgateApi.BASE_URL + "/operator/overview.xhtml");
                browser.waitFor(By.id("ssoHeading"));
                assertThat(browser.title()).isEqualTo("Platform overview · Faxgate operator console");
                String problems = browser.waitFor(By.id("ssoProblems")).getText();
                assertThat(problems).contains(tenant.slug()).contains("AUDIENCE_MISMATCH").contains("3");
                String certificates = browser.waitFor(By.id("certificates")).getText();
                assertThat(certificates).contains(tenant.slug()).contains("Overview Expiring IdP");
                String scim = browser.waitFor(By.id("scimClients")).getText();
                assertThat(scim).contains(tenant.slug()).contains("Entra overview check").contains("never");
                assertThat(browser.waitFor(By.id("queued")).getText()).matches("\\d+");
                assertNoConsoleErrors(browser);
                screenshot(browser, "operator-overview");
            } catch (RuntimeException | AssertionError e) {
                browser.saveArtifacts(AdminPages.ARTIFACTS, "OperatorOverviewPageIT");
                throw e;
            }
        }
    }
}
