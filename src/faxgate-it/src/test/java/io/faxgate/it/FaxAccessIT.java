package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.sso.saml.EntraClaims;
import io.faxgate.sso.saml.fixture.EntraIdp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fax access over the staff REST API, in SAML sessions: which lines a person reaches (their groups, right now),
 * sending through the loopback carrier, 404 for everything out of reach, instant revocation, validation, the send
 * limit and the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaxAccessIT {

    private static final String GROUP_1 = "8d0b6f8e-aaaa-4bbb-8ccc-000000000001";
    private static final String GROUP_2 = "8d0b6f8e-aaaa-4bbb-8ccc-000000000002";
    private static final String GROUP_3 = "8d0b6f8e-aaaa-4bbb-8ccc-000000000003";

    private static final FaxgateApi OPERATOR = FaxgateApi.operator();
    private static World shared;

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    /**
     * A tenant signed in through the Entra-shaped IdP. Group 1 reaches line A and grants VIEW_FAXES + SEND_FAXES,
     * group 2 reaches line B, group 3 grants VIEW_FAXES only; line C is in no group. Alice is in groups 1, 2 and 3
     * (the IdP's default claims); Bob only in group 3.
     */
    record World(SamlFlows.SsoTenant tenant, long group2, long lineA, String numberA, long lineB, String numberB,
                 long lineC, String numberC, SamlBrowser alice, long aliceId, SamlBrowser bob) {
        String base() {
            return "/api/v1/tenants/" + tenant.slug();
        }
    }

    static synchronized World shared() {
        if (shared == null) {
            shared = newWorld();
        }
        return shared;
    }

    static World newWorld() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of());
        String base = "/api/v1/tenants/" + tenant.slug();
        long g1 = group(base, GROUP_1, "Dispatch");
        long g2 = group(base, GROUP_2, "Billing");
        group(base, GROUP_3, "Readers");
        String numberA = number();
        String numberB = number();
        String numberC = number();
        long lineA = line(base, numberA, "A");
        long lineB = line(base, numberB, "B");
        long lineC = line(base, numberC, "C");
        assertThat(OPERATOR.put(base + "/security-groups/" + g1 + "/fax-lines/" + lineA, null).status()).isEqualTo(200);
        assertThat(OPERATOR.put(base + "/security-groups/" + g2 + "/fax-lines/" + lineB, null).status()).isEqualTo(200);
        for (String[] mapping : new String[][] {{GROUP_1, "VIEW_FAXES"}, {GROUP_1, "SEND_FAXES"}, {GROUP_3, "VIEW_FAXES"}}) {
            Answer mapped = OPERATOR.post(base + "/role-mappings", body("claimValue", mapping[0], "permission", mapping[1]));
            assertThat(mapped.status()).as(mapped.toString()).isEqualTo(201);
        }
        SamlBrowser alice = new SamlBrowser();
        alice.followLocal(SamlFlows.signIn(alice, tenant, r -> { }));
        long aliceId = SamlFlows.me(alice).get("userId").asLong();
        SamlBrowser bob = new SamlBrowser();
        bob.followLocal(SamlFlows.signIn(bob, tenant, r -> {
            Map<String, List<String>> claims = new LinkedHashMap<>(EntraIdp.entraClaims());
            claims.put(EntraClaims.OBJECT_ID, List.of(UUID.randomUUID().toString()));
            claims.put(EntraClaims.EMAIL, List.of("bob@contoso.test"));
            claims.put(EntraClaims.NAME, List.of("bob@contoso.test"));
            claims.put(EntraClaims.GROUPS, List.of(GROUP_3));
            r.attributes = claims;
            r.nameId = "bob@contoso.test";
        }));
        assertThat(SamlFlows.me(bob).get("permissions").toString()).contains("VIEW_FAXES").doesNotContain("SEND_FAXES");
        return new World(tenant, g2, lineA, numberA, lineB, numberB, lineC, numberC, alice, aliceId, bob);
    }

    private static long group(String base, String externalId, String name) {
        Answer created = OPERATOR.post(base + "/security-groups", body("externalId", externalId, "displayName", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static long line(String base, String number, String label) {
        Answer created = OPERATOR.post(base + "/fax-lines", body("number", number, "label", label));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static String number() {
        return "+4930" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return FaxgateApi.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (status " + response.statusCode() + "): " + response.body());
        }
    }

    static String sendBody(long lineId, String to, String note, byte[] pdf) {
        Map<String, Object> fax = new LinkedHashMap<>();
        fax.put("lineId", lineId);
        fax.put("to", to);
        if (note != null) {
            fax.put("coverNote", note);
        }
        fax.put("document", pdf == null ? null : Base64.getEncoder().encodeToString(pdf));
        try {
            return FaxgateApi.JSON.writeValueAsString(fax);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode send(SamlBrowser browser, long lineId, String to, String note, byte[] pdf) {
        HttpResponse<String> sent = browser.postJson("/api/v1/me/faxes", sendBody(lineId, to, note, pdf));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode fax = json(sent);
        assertThat(fax.get("status").asText()).isEqualTo("QUEUED");
        return fax;
    }

    /** Polls the fax until it is no longer QUEUED or SENDING. */
    static JsonNode settled(SamlBrowser browser, long faxId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (true) {
            HttpResponse<String> fax = browser.get("/api/v1/me/faxes/" + faxId);
            assertThat(fax.statusCode()).as(fax.body()).isEqualTo(200);
            JsonNode node = json(fax);
            String status = node.get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("SENDING")) {
                return node;
            }
            assertThat(Instant.now()).as("fax " + faxId + " still " + status).isBefore(deadline);
            pause(200);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest inbound fax on a line from a number, waiting for it to arrive. */
    static JsonNode inbound(SamlBrowser browser, long lineId, String from) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (true) {
            HttpResponse<String> page = browser.get("/api/v1/me/fax-lines/" + lineId + "/faxes?first=0&max=100");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            for (JsonNode fax : json(page).get("faxes")) {
                if (fax.get("direction").asText().equals("INBOUND") && fax.get("remoteNumber").asText().equals(from)) {
                    return fax;
                }
            }
            assertThat(Instant.now()).as("no inbound fax from " + from + " on line " + lineId).isBefore(deadline);
            pause(200);
        }
    }

    static long faxIdOnLine(long lineId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (true) {
            try (var c = TestDatabase.connection(); var s = c.prepareStatement(
                    "SELECT id FROM fax WHERE fax_line_id = ? ORDER BY id DESC")) {
                s.setLong(1, lineId);
                try (var r = s.executeQuery()) {
                    if (r.next()) {
                        return r.getLong(1);
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(Instant.now()).as("no fax on line " + lineId).isBefore(deadline);
            pause(200);
        }
    }

    private static int count(String sql, Object... parameters) {
        return TestData.count(sql, parameters);
    }

    private static List<Long> lineIds(SamlBrowser browser) {
        HttpResponse<String> lines = browser.get("/api/v1/me/fax-lines");
        assertThat(lines.statusCode()).as(lines.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json(lines).forEach(l -> ids.add(l.get("id").asLong()));
        return ids;
    }

    @Test
    void aUserInTwoGroupsSeesTheUnionOfTheirLines() {
        World w = shared();
        assertThat(lineIds(w.alice())).containsExactlyInAnyOrder(w.lineA(), w.lineB());
        assertThat(lineIds(w.bob())).as("group 3 reaches no line").isEmpty();
        assertThat(w.alice().get("/api/v1/me/fax-lines/" + w.lineC() + "/faxes").statusCode()).isEqualTo(404);
    }

    @Test
    void aFaxSentToAnotherLineArrivesThereWithTheSameDocumentAndTheAuditTrailHasEveryStep() {
        World w = shared();
        byte[] twoPages = Pdfs.withPages(2, "Quarterly report");

        JsonNode withNote = send(w.alice(), w.lineA(), w.numberB(), "Please sign page 2 — danke, Grüße ☺", twoPages);
        assertThat(withNote.get("pages").asInt()).as("cover page + 2").isEqualTo(3);
        JsonNode sent = settled(w.alice(), withNote.get("id").asLong());
        assertThat(sent.get("status").asText()).as(sent.toString()).isEqualTo("SENT");
        JsonNode arrived = inbound(w.alice(), w.lineB(), w.numberA());
        assertThat(arrived.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(arrived.get("pages").asInt()).isEqualTo(3);
        HttpResponse<byte[]> outDoc = w.alice().getBytes("/api/v1/me/faxes/" + sent.get("id").asLong() + "/document");
        HttpResponse<byte[]> inDoc = w.alice().getBytes("/api/v1/me/faxes/" + arrived.get("id").asLong() + "/document?download=true");
        assertThat(outDoc.statusCode()).isEqualTo(200);
        assertThat(inDoc.statusCode()).isEqualTo(200);
        assertThat(inDoc.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(inDoc.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(inDoc.body()).as("what arrived is what was sent, cover page included").isEqualTo(outDoc.body());
        assertThat(Pdfs.pages(inDoc.body())).isEqualTo(3);

        byte[] onePage = Pdfs.withPages(1, "No cover " + UUID.randomUUID());
        JsonNode plain = send(w.alice(), w.lineA(), w.numberB(), null, onePage);
        assertThat(settled(w.alice(), plain.get("id").asLong()).get("status").asText()).isEqualTo("SENT");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        byte[] received = null;
        while (received == null) {
            HttpResponse<String> page = w.alice().get("/api/v1/me/fax-lines/" + w.lineB() + "/faxes?first=0&max=100");
            for (JsonNode fax : json(page).get("faxes")) {
                if (fax.get("direction").asText().equals("INBOUND") && fax.get("pages").asInt() == 1) {
                    received = w.alice().getBytes("/api/v1/me/faxes/" + fax.get("id").asLong() + "/document").body();
                }
            }
            assertThat(Instant.now()).isBefore(deadline);
            pause(200);
        }
        assertThat(received).as("without a note the document travels unchanged").isEqualTo(onePage);

        String nowhere = "+999" + (100_000 + ThreadLocalRandom.current().nextInt(800_000));
        JsonNode failed = settled(w.alice(), send(w.alice(), w.lineA(), nowhere, null, onePage).get("id").asLong());
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asText()).contains("no fax answer");

        long tenantId = TestData.tenantId(w.tenant().slug());
        for (String type : List.of("FAX_QUEUED", "FAX_SENT", "FAX_RECEIVED", "FAX_DOCUMENT_VIEWED", "FAX_FAILED")) {
            assertThat(count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND type = ?", tenantId, type))
                    .as(type + " is audited").isGreaterThanOrEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND type = 'FAX_DOCUMENT_VIEWED'"
                + " AND actor = ?", tenantId, "user:" + w.aliceId())).as("each document fetch, by whom").isGreaterThanOrEqualTo(3);
    }

    @Test
    void faxesOutOfReachAreNotFoundAndIndistinguishable() {
        World w = shared();
        String otherSlug = "other-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(OPERATOR.post("/api/v1/tenants", body("slug", otherSlug, "name", otherSlug)).status()).isEqualTo(201);
        String otherNumber = number();
        long otherLine = line("/api/v1/tenants/" + otherSlug, otherNumber, "Other tenant");
        byte[] pdf = Pdfs.withPages(1, "Out of reach");
        send(w.alice(), w.lineA(), otherNumber, null, pdf);
        send(w.alice(), w.lineA(), w.numberC(), null, pdf);
        long otherTenantsFax = faxIdOnLine(otherLine);
        long unreachedLinesFax = faxIdOnLine(w.lineC());
        long noSuchFax = 987_654_321_012L;

        List<String> bodies = new ArrayList<>();
        for (long id : List.of(otherTenantsFax, unreachedLinesFax, noSuchFax)) {
            for (String path : List.of("/api/v1/me/faxes/" + id, "/api/v1/me/faxes/" + id + "/document",
                    "/api/v1/me/faxes/" + id + "/document?download=true")) {
                HttpResponse<String> answer = w.alice().get(path);
                assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(404);
                bodies.add(answer.body().replace(Long.toString(id), "{id}"));
            }
        }
        assertThat(bodies).as("the three kinds of 'not yours' answer alike").containsOnly(bodies.get(0));
        assertThat(w.alice().get("/api/v1/me/fax-lines/" + otherLine + "/faxes").statusCode()).isEqualTo(404);
    }

    @Test
    void removingTheUserFromAGroupTakesThatLinesFaxesAwayOnTheVeryNextRequest() {
        World w = newWorld();
        send(w.alice(), w.lineA(), w.numberB(), null, Pdfs.withPages(1, "Before revocation"));
        long onB = inbound(w.alice(), w.lineB(), w.numberA()).get("id").asLong();
        assertThat(w.alice().get("/api/v1/me/faxes/" + onB).statusCode()).isEqualTo(200);
        assertThat(w.alice().getBytes("/api/v1/me/faxes/" + onB + "/document").statusCode()).isEqualTo(200);

        ScimEndpoint scim = ScimEndpoint.forTenant(w.tenant().slug(), null);
        Answer removed = scim.patch("/Groups/" + w.group2(), ScimEndpoint.patch(
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + w.aliceId() + "\\\"]\"}"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);

        assertThat(w.alice().get("/api/v1/me/faxes/" + onB).statusCode()).as("the very next request").isEqualTo(404);
        assertThat(w.alice().getBytes("/api/v1/me/faxes/" + onB + "/document").statusCode()).isEqualTo(404);
        assertThat(lineIds(w.alice())).as("same open session, no new sign-in").containsExactly(w.lineA());
        assertThat(w.alice().get("/api/v1/me/fax-lines/" + w.lineB() + "/faxes").statusCode()).isEqualTo(404);
    }

    @Test
    void sendingValidatesEveryFieldAndNeedsSendFaxesAndAReachableLine() {
        World w = shared();
        byte[] pdf = Pdfs.withPages(1, "Validation");
        int before = count("SELECT count(*) FROM fax WHERE tenant_id = ? AND direction = 'OUTBOUND'", TestData.tenantId(w.tenant().slug()));
        assertField(w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineA(), "030 123456", null, pdf)), 400, "to");
        assertField(w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineA(), "+0123", null, pdf)), 400, "to");
        assertField(w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineA(), w.numberB(), null,
                "hello, I am not a PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8))), 400, "document");
        assertField(w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineA(), w.numberB(), null,
                "%PDF-1.7\n%garbage after the magic\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))), 400, "document");
        assertField(w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineA(), w.numberB(), null, new byte[0])), 400, "document");
        assertField(w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineA(), w.numberB(), null, null)), 400, "document");
        int max = Integer.getInteger("faxgate.it.fax.max-document-bytes", 1_048_576);
        byte[] oversize = new byte[max + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, oversize, 0, 9);
        HttpResponse<String> tooBig = w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineA(), w.numberB(), null, oversize));
        assertField(tooBig, 400, "document");
        assertThat(tooBig.body()).contains(Integer.toString(max));

        HttpResponse<String> unreached = w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineC(), w.numberB(), null, pdf));
        assertThat(unreached.statusCode()).as(unreached.body()).isEqualTo(404);
        HttpResponse<String> readOnly = w.bob().postJson("/api/v1/me/faxes", sendBody(w.lineA(), w.numberB(), null, pdf));
        assertThat(readOnly.statusCode()).as("VIEW_FAXES alone does not send: " + readOnly.body()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM fax WHERE tenant_id = ? AND direction = 'OUTBOUND'", TestData.tenantId(w.tenant().slug())))
                .as("nothing refused was queued").isEqualTo(before);
    }

    private static void assertField(HttpResponse<String> answer, int status, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(json(answer).get("fieldErrors").findValuesAsText("field")).as(answer.body()).contains(field);
    }

    @Test
    void sendingFasterThanTheLimitIs429WithRetryAfterAndQueuesNothing() {
        World w = newWorld();
        int limit = 20; // faxgate.fax.sends-per-minute, default
        byte[] pdf = Pdfs.withPages(1, "Flood");
        String nowhere = "+999" + (100_000 + ThreadLocalRandom.current().nextInt(800_000));
        for (int i = 0; i < limit; i++) {
            HttpResponse<String> sent = w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineA(), nowhere, null, pdf));
            assertThat(sent.statusCode()).as("send " + (i + 1) + ": " + sent.body()).isEqualTo(201);
        }
        HttpResponse<String> refused = w.alice().postJson("/api/v1/me/faxes", sendBody(w.lineA(), nowhere, null, pdf));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        // limits count in slots of a tenth of the window (decision 0017): a refused client may wait one slot longer
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 66L);
        assertThat(json(refused).get("message").asText()).contains("per minute");
        assertThat(count("SELECT count(*) FROM fax WHERE fax_line_id = ? AND direction = 'OUTBOUND'", w.lineA()))
                .as("nothing queued for the refused one").isEqualTo(limit);
        assertThat(count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND type = 'FAX_QUEUED'",
                TestData.tenantId(w.tenant().slug()))).isEqualTo(limit);
    }

    @Test
    void aSessionCookieAloneCannotSendAFaxFromAnotherSite() {
        World w = shared();
        String fax = sendBody(w.lineA(), w.numberB(), null, Pdfs.withPages(1, "CSRF"));
        int before = count("SELECT count(*) FROM fax WHERE fax_line_id = ? AND direction = 'OUTBOUND'", w.lineA());
        HttpResponse<String> noOrigin = w.alice().sendJson("POST", "/api/v1/me/faxes", fax, null);
        assertThat(noOrigin.statusCode()).as(noOrigin.body()).isEqualTo(403);
        assertThat(json(noOrigin).get("message").asText()).contains("Origin");
        HttpResponse<String> foreign = w.alice().sendJson("POST", "/api/v1/me/faxes", fax, "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> lookalike = w.alice().sendJson("POST", "/api/v1/me/faxes", fax, FaxgateApi.BASE_URL + ".evil.example");
        assertThat(lookalike.statusCode()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM fax WHERE fax_line_id = ? AND direction = 'OUTBOUND'", w.lineA()))
                .as("nothing was queued").isEqualTo(before);
        assertThat(w.alice().get("/api/v1/me/fax-lines").statusCode()).as("reading needs no Origin").isEqualTo(200);
    }
}
