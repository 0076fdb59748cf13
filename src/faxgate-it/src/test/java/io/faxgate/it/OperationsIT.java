package io.faxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.sso.saml.fixture.EntraIdp;
import io.faxgate.sso.saml.fixture.EntraIdp.ResponseBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Metrics move with real sign-ins and refusals; a refused SAML response becomes one SIEM line without the assertion. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    static final String METRICS_PASSWORD = System.getProperty("faxgate.it.metrics-password", "it-metrics-password-0123456789");

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    /** The value of one Prometheus sample whose labels include all of {@code labels}; 0 when there is none yet. */
    static double metric(String name, Map<String, String> labels) {
        FaxgateApi.Answer answer = FaxgateApi.as("metrics", METRICS_PASSWORD)
                .sendRaw("GET", "/metrics", java.net.http.HttpRequest.BodyPublishers.noBody(), Map.of("Accept", "text/plain"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        double total = 0;
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$");
        for (String line : answer.raw().body().split("\n")) {
            Matcher m = sample.matcher(line);
            if (m.matches() && labels.entrySet().stream().allMatch(l -> m.group(1).contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    @Test
    void metricsNeedTheirPassword() {
        assertThat(FaxgateApi.anonymous().get("/metrics").status()).isEqualTo(401);
        assertThat(FaxgateApi.as("operator", FaxgateApi.OPERATOR_PASSWORD).get("/metrics").status()).isEqualTo(401);
    }

    @Test
    void signInCountersMoveWithRealSignInsAndRefusals() {
        Map<String, String> wrongPassword = Map.of("tenant", "platform", "method", "local", "outcome", "FAILURE",
                "reason", "WRONG_CREDENTIALS");
        double before = metric("faxgate_sign_in_total", wrongPassword);
        for (int i = 0; i < 3; i++) {
            assertThat(FaxgateApi.as("nobody-" + UUID.randomUUID(), "wrong").get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(metric("faxgate_sign_in_total", wrongPassword)).isEqualTo(before + 3);

        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of());
        SamlFlows.signIn(new SamlBrowser(), tenant, r -> r.signingKey = EntraIdp.ATTACKER);
        SamlFlows.signIn(new SamlBrowser(), tenant, r -> { });
        assertThat(metric("faxgate_sign_in_total", Map.of("tenant", tenant.slug(), "method", "saml", "outcome", "FAILURE",
                "reason", "SIGNATURE_INVALID"))).isEqualTo(1);
        assertThat(metric("faxgate_sign_in_total", Map.of("tenant", tenant.slug(), "method", "saml", "outcome", "SUCCESS")))
                .isEqualTo(1);
        assertThat(metric("faxgate_audit_events_total", Map.of("type", "SAML_SIGN_IN"))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRefusedSamlResponseIsOneSiemLineWithoutTheAssertion() throws Exception {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of());
        SamlBrowser browser = new SamlBrowser();
        HttpResponse<String> toIdp = browser.get("/sso/" + tenant.slug() + "/login");
        String requestId = SamlBrowser.authnRequestId(toIdp.headers().firstValue("Location").orElseThrow());
        ResponseBuilder forged = SamlFlows.response(tenant, requestId).set(r -> r.signingKey = EntraIdp.ATTACKER);
        String samlResponse = forged.encoded();
        SamlFlows.post(browser, tenant, samlResponse);

        List<JsonNode> lines = awaitLines(tenant.slug(), 1);
        JsonNode refusal = lines.stream().filter(l -> "SAML_SIGN_IN".equals(l.path("type").asText())).findFirst().orElseThrow();
        assertThat(refusal.get("schema").asText()).isEqualTo("faxgate.security-event/1");
        assertThat(refusal.get("outcome").asText()).isEqualTo("FAILURE");
        assertThat(refusal.get("reason").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(refusal.get("tenantId").asLong()).isEqualTo(TestData.tenantId(tenant.slug()));
        assertThat(refusal.get("requestId").asText()).isNotBlank();
        assertThat(refusal.get("sourceAddress").asText()).isNotBlank();
        assertThat(refusal.get("time").asText()).isNotBlank();
        String raw = refusal.toString();
        String decoded = new String(java.util.Base64.getDecoder().decode(samlResponse), StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain(samlResponse.substring(0, 40)).doesNotContain("Assertion").doesNotContain("<")
                .doesNotContain("SignatureValue");
        Matcher signature = Pattern.compile("SignatureValue>([^<]{20})").matcher(decoded);
        if (signature.find()) {
            assertThat(raw).doesNotContain(signature.group(1));
        }
    }

    /** The SIEM lines about a tenant, from the test domain's security-event files (written after commit). */
    static List<JsonNode> awaitLines(String slug, int atLeast) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        List<JsonNode> found = new ArrayList<>();
        while (System.currentTimeMillis() < until) {
            found.clear();
            try (Stream<Path> files = Files.find(Path.of("target", "payara6", "glassfish", "domains"), 3,
                    (p, a) -> p.getFileName().toString().startsWith("faxgate-security-events."))) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (line.contains("\"tenant\":\"" + slug + "\"")) {
                            found.add(FaxgateApi.JSON.readTree(line));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (found.size() >= atLeast) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no security event line for tenant " + slug + " in target/payara6/glassfish/domains/*/logs");
    }
}
