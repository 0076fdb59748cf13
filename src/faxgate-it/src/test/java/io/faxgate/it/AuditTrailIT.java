package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.AdminPages.TenantAdmin;
import io.faxgate.it.FaxgateApi.Answer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail proves itself: someone with SQL access changes, deletes or reorders audit rows, and the
 * verification names the first event concerned; retention removes old events and the rest still verifies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {

    private final FaxgateApi operator = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    /** A tenant with at least {@code n} audit events of its own, made through the API. */
    private TenantAdmin tenantWithEvents(int n) {
        TenantAdmin admin = AdminPages.tenantWithAdmin("audit", false);
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            Answer created = operator.post("/api/v1/tenants/" + admin.slug() + "/admins",
                    body("username", "extra-" + id, "password", "extra-password-" + id));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        return admin;
    }

    private static JsonNode verification(FaxgateApi caller, String slug) {
        Answer answer = caller.get("/api/v1/tenants/" + slug + "/audit-events/verification");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** Ids of the tenant's sealed events in chain order. */
    private static List<Long> chain(String slug) {
        return TestData.strings("SELECT id FROM audit_event WHERE tenant_id = ? AND chain_position IS NOT NULL"
                + " ORDER BY chain_position", TestData.tenantId(slug)).stream().map(Long::valueOf).toList();
    }

    @Test
    void anUntouchedTrailIsIntactForTheTenantsAuditorAndTheOperator() {
        TenantAdmin admin = tenantWithEvents(3);
        JsonNode v = verification(admin.api(), admin.slug());
        assertThat(v.get("intact").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("events").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(v.has("firstBroken")).isTrue();
        assertThat(v.get("firstBroken").isNull()).isTrue();
        assertThat(verification(operator, admin.slug()).get("intact").asBoolean()).isTrue();
        assertThat(chain(admin.slug())).hasSize(v.get("events").asInt());
    }

    @Test
    void aChangedRowIsNamed() {
        TenantAdmin admin = tenantWithEvents(3);
        verification(operator, admin.slug()); // seals
        List<Long> ids = chain(admin.slug());
        long victim = ids.get(2);

        TestData.execute("UPDATE audit_event SET actor = 'local:nobody' WHERE id = ?", victim);

        JsonNode v = verification(admin.api(), admin.slug());
        assertThat(v.get("intact").asBoolean()).as(v.toString()).isFalse();
        assertThat(v.get("firstBroken").get("eventId").asLong()).isEqualTo(victim);
        assertThat(v.get("firstBroken").get("position").asLong()).isEqualTo(3);
        assertThat(v.get("firstBroken").get("problem").asText()).isEqualTo("CHANGED");
    }

    @Test
    void aDeletedRowIsNamedByItsPlace() {
        TenantAdmin admin = tenantWithEvents(3);
        verification(operator, admin.slug());
        List<Long> ids = chain(admin.slug());

        TestData.execute("DELETE FROM audit_event WHERE id = ?", ids.get(1));

        JsonNode v = verification(operator, admin.slug());
        assertThat(v.get("intact").asBoolean()).as(v.toString()).isFalse();
        assertThat(v.get("firstBroken").get("position").asLong()).isEqualTo(2);
        assertThat(v.get("firstBroken").get("problem").asText()).isEqualTo("REMOVED");
        assertThat(v.get("firstBroken").get("eventId").asLong()).as("the next event still there").isEqualTo(ids.get(2));
    }

    @Test
    void theNewestRowDeletedIsNamedToo() {
        TenantAdmin admin = tenantWithEvents(2);
        verification(operator, admin.slug());
        List<Long> ids = chain(admin.slug());

        TestData.execute("DELETE FROM audit_event WHERE id = ?", ids.get(ids.size() - 1));

        JsonNode v = verification(operator, admin.slug());
        assertThat(v.get("intact").asBoolean()).as(v.toString()).isFalse();
        assertThat(v.get("firstBroken").get("position").asLong()).isEqualTo(ids.size());
        assertThat(v.get("firstBroken").get("problem").asText()).isEqualTo("REMOVED");
    }

    @Test
    void twoRowsReorderedAreNamed() {
        TenantAdmin admin = tenantWithEvents(3);
        verification(operator, admin.slug());
        List<Long> ids = chain(admin.slug());
        long tenantId = TestData.tenantId(admin.slug());

        TestData.execute("UPDATE audit_event SET chain_position = CASE chain_position WHEN 2 THEN 3 ELSE 2 END"
                + " WHERE tenant_id = ? AND chain_position IN (2, 3)", tenantId);

        JsonNode v = verification(operator, admin.slug());
        assertThat(v.get("intact").asBoolean()).as(v.toString()).isFalse();
        assertThat(v.get("firstBroken").get("position").asLong()).isEqualTo(2);
        assertThat(v.get("firstBroken").get("eventId").asLong()).isEqualTo(ids.get(2));
        assertThat(v.get("firstBroken").get("problem").asText()).isEqualTo("REORDERED");
    }

    @Test
    void anotherTenantsTrailIsNotFoundAndPlatformEventsAreForOperators() {
        TenantAdmin mine = tenantWithEvents(0);
        TenantAdmin theirs = tenantWithEvents(0);
        assertThat(mine.api().get("/api/v1/tenants/" + theirs.slug() + "/audit-events/verification").status()).isEqualTo(404);
        assertThat(mine.api().get("/api/v1/tenants/" + theirs.slug() + "/audit-events").status()).isEqualTo(404);
        assertThat(mine.api().get("/api/v1/audit-events").status()).isEqualTo(403);
        assertThat(mine.api().get("/api/v1/audit-events/verification").status()).isEqualTo(403);
        assertThat(FaxgateApi.anonymous().get("/api/v1/tenants/" + mine.slug() + "/audit-events").status()).isEqualTo(401);
    }

    @Test
    void aTenantsEventsAreListedWithFilters() {
        TenantAdmin admin = tenantWithEvents(2);
        Answer all = admin.api().get("/api/v1/tenants/" + admin.slug() + "/audit-events?size=2");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().get("items")).hasSize(2);
        assertThat(all.json().get("total").asLong()).isGreaterThanOrEqualTo(4);
        Answer created = admin.api().get("/api/v1/tenants/" + admin.slug() + "/audit-events?type=TENANT_CREATED&outcome=SUCCESS");
        assertThat(created.json().get("items")).hasSize(1);
        String from = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        assertThat(admin.api().get("/api/v1/tenants/" + admin.slug() + "/audit-events?from=" + from).json().get("total").asLong()).isZero();
        Answer bad = admin.api().get("/api/v1/tenants/" + admin.slug() + "/audit-events?from=yesterday&outcome=MAYBE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("fieldErrors").findValuesAsText("field")).contains("from");
    }

    @Test
    void aSignInWithAnUnknownUsernameIsAPlatformEventInAnIntactPlatformChain() {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(FaxgateApi.as(nobody, "wrong-password").get("/api/v1/me").status()).isEqualTo(401);

        Answer events = operator.get("/api/v1/audit-events?type=LOCAL_SIGN_IN&outcome=FAILURE&size=200");
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        assertThat(events.json().get("items").findValuesAsText("target")).contains(nobody);
        Answer v = operator.get("/api/v1/audit-events/verification");
        assertThat(v.status()).isEqualTo(200);
        assertThat(v.json().get("intact").asBoolean()).as(v.toString()).isTrue();
    }

    @Test
    void retentionRemovesOldEventsAndTheRestStillVerifies() {
        // a tenant whose first events are older than any retention period (rows as an old installation has them)
        String slug = "old-" + UUID.randomUUID().toString().substring(0, 8);
        long tenantId = 950_000_000L + (System.nanoTime() % 1_000_000) * 100;
        Timestamp longAgo = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(1000));
        TestData.execute("INSERT INTO tenant (id, version, slug, name, sso_allowed, created_at, updated_at)"
                + " VALUES (?, 1, ?, ?, FALSE, ?, ?)", tenantId, slug, "Old " + slug, longAgo, longAgo);
        for (int i = 1; i <= 5; i++) {
            TestData.execute("INSERT INTO audit_event (id, tenant_id, occurred_at, actor, type, outcome, target, detail)"
                    + " VALUES (?, ?, ?, 'local:operator', 'FAX_LINE_CREATED', 'SUCCESS', ?, 'long ago')",
                    tenantId + i, tenantId, Timestamp.valueOf(longAgo.toLocalDateTime().plusMinutes(i)), "+4930000000" + i);
        }
        assertThat(verification(operator, slug).get("events").asLong()).isEqualTo(5); // sealed at 1..5
        String id = UUID.randomUUID().toString().substring(0, 8);
        assertThat(operator.post("/api/v1/tenants/" + slug + "/admins", body("username", "new-" + id, "password",
                "new-password-" + id)).status()).isEqualTo(201);
        long recent = verification(operator, slug).get("events").asLong() - 5;
        assertThat(recent).isPositive();

        Answer policy = operator.get("/api/v1/retention");
        assertThat(policy.json().get("auditEventsDays").asInt()).isEqualTo(400);
        Answer run = operator.post("/api/v1/retention/runs", null);
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("auditEventsRemoved").asLong()).isGreaterThanOrEqualTo(5);

        assertThat(TestData.count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND detail = 'long ago'", tenantId)).isZero();
        JsonNode v = verification(operator, slug);
        assertThat(v.get("intact").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("events").asLong()).isEqualTo(recent);
        assertThat(v.get("anchorPosition").asLong()).isEqualTo(5);
        assertThat(v.get("purgedEvents").asLong()).isEqualTo(5);

        // the anchor keeps proving: the first event after it, changed, is still caught
        long first = chain(slug).get(0);
        TestData.execute("UPDATE audit_event SET detail = 'rewritten' WHERE id = ?", first);
        JsonNode broken = verification(operator, slug);
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBroken").get("eventId").asLong()).isEqualTo(first);
        assertThat(broken.get("firstBroken").get("position").asLong()).isEqualTo(6);

        Answer platform = operator.get("/api/v1/audit-events?type=RETENTION_PURGED");
        assertThat(platform.json().get("total").asLong()).isPositive();
    }
}
