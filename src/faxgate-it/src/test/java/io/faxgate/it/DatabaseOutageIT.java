package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.AdminPages.TenantAdmin;
import io.faxgate.it.FaxgateApi.Answer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real PostgreSQL restart under the running server: requests caught in it answer 503 + Retry-After in each
 * caller's language, readiness says the database is down, and Faxgate serves again afterwards without a restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    private final FaxgateApi operator = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @Test
    void requestsCaughtInARestartAnswer503WithRetryAfterAndServiceResumes() {
        TenantAdmin admin = AdminPages.tenantWithAdmin("outage", false);
        Answer token = operator.post("/api/v1/tenants/" + admin.slug() + "/scim-tokens", body("label", "outage"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        FaxgateApi scim = FaxgateApi.anonymous();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token.json().get("token").asText(),
                "Accept", "application/scim+json");
        String users = "/scim/v2/" + admin.slug() + "/Users";
        assertThat(scim.sendRaw("GET", users, HttpRequest.BodyPublishers.noBody(), bearer).status()).isEqualTo(200);

        List<Answer> during = new ArrayList<>();
        // The four callers at once, as they would come: a request that needs the database is held ~10 s by
        // EclipseLink's query retries (3 attempts, 5 s apart) before it gives up; one after the other they took 30 s.
        TestDatabase.restart(Duration.ofSeconds(10), () -> during.addAll(atOnce(List.of(
                () -> operator.get("/api/v1/tenants/" + admin.slug()),
                () -> scim.sendRaw("GET", users, HttpRequest.BodyPublishers.noBody(), bearer),
                () -> FaxgateApi.anonymous().sendRaw("GET", "/sso/" + admin.slug() + "/login",
                        HttpRequest.BodyPublishers.noBody(), Map.of("Accept", "text/html")),
                () -> FaxgateApi.anonymous().get("/health/ready")))));

        Answer api = during.get(0);
        assertThat(api.status()).as(api.toString()).isEqualTo(503);
        assertThat(api.header("Retry-After")).isEqualTo("5");
        assertThat(api.json().get("status").asInt()).isEqualTo(503);
        Answer scimAnswer = during.get(1);
        assertThat(scimAnswer.status()).as(scimAnswer.toString()).isEqualTo(503);
        assertThat(scimAnswer.header("Retry-After")).isEqualTo("5");
        assertThat(scimAnswer.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        Answer page = during.get(2);
        assertThat(page.status()).as(page.toString()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("5");
        assertThat(page.raw().body()).contains("briefly unavailable").doesNotContain("Exception");
        Answer ready = during.get(3);
        assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
        assertThat(ready.raw().body()).contains("DOWN");

        awaitReady();
        assertThat(operator.get("/api/v1/tenants/" + admin.slug()).status()).isEqualTo(200);
        assertThat(scim.sendRaw("GET", users, HttpRequest.BodyPublishers.noBody(), bearer).status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/tenants/" + admin.slug() + "/audit-events/verification").json()
                .get("intact").asBoolean()).isTrue();
    }

    /** The answers, in the order of the calls, all made at the same time. */
    private static List<Answer> atOnce(List<Callable<Answer>> calls) {
        ExecutorService callers = Executors.newFixedThreadPool(calls.size());
        try {
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : callers.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request during the outage failed", e.getCause());
        } finally {
            callers.shutdownNow();
        }
    }

    /** Later test classes share this server and database: leave only when it serves again. */
    private static void awaitReady() {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            if (FaxgateApi.anonymous().get("/health/ready").status() == 200) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Faxgate did not become ready within 60 s after the database restart");
    }
}
