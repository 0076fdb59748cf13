package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.FaxgateApi.Answer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The carrier's inbound-fax webhook as a carrier sees it: HMAC-signed deliveries (signed here independently of the
 * server's code, with plain javax.crypto), refused when the signature, the timestamp or the delivery id is not
 * right, and every refusal audited. The test domain's secret is a Payara password alias (prepare-test-domain.sh).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CarrierWebhookIT {

    private static final String PATH = "/api/v1/carrier/inbound-faxes";
    private static final String SECRET = System.getProperty("faxgate.it.carrier-webhook-secret");
    private static final String WRONG_SECRET = "not-the-secret-0123456789abcdef0123456789ab";
    /** The test server's faxgate.fax.max-document-bytes (src/faxgate-it/pom.xml), base64-encoded, plus a 64 KiB envelope. */
    private static final long MAX_REQUEST_BYTES = Long.getLong("faxgate.it.fax.max-document-bytes", 10_485_760L) / 3 * 4
            + 4 + 64 * 1024;

    private final FaxgateApi carrier = FaxgateApi.anonymous();
    private final FaxgateApi operator = FaxgateApi.operator();
    private String number;

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @BeforeEach
    void aTenantWithALine() {
        assertThat(SECRET).as("faxgate.it.carrier-webhook-secret (src/faxgate-it/pom.xml)").isNotBlank();
        String slug = "carrier-" + UUID.randomUUID().toString().substring(0, 8);
        Answer tenant = operator.post("/api/v1/tenants", body("slug", slug, "name", "Tenant " + slug));
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        number = randomNumber();
        Answer line = operator.post("/api/v1/tenants/" + slug + "/fax-lines", body("number", number, "label", "Inbox"));
        assertThat(line.status()).as(line.toString()).isEqualTo(201);
    }

    @Test
    void aSignedDeliveryLandsOnTheLineAsReceived() {
        String deliveryId = newDeliveryId();
        byte[] body = delivery(deliveryId, number, "+4940555000", TestData.pdf(2));

        Answer answer = post(body, now(), SECRET);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode receipt = answer.json();
        assertThat(receipt.get("deliveryId").asText()).isEqualTo(deliveryId);
        assertThat(receipt.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(receipt.size()).as("a minimal receipt: nothing about the tenant or our ids").isEqualTo(2);
        assertThat(TestData.strings("SELECT f.direction || ':' || f.status || ':' || f.remote_number || ':' || f.pages"
                + " FROM fax f JOIN fax_line l ON l.id = f.fax_line_id WHERE l.number = ? AND f.carrier_reference = ?",
                number, deliveryId)).containsExactly("INBOUND:RECEIVED:+4940555000:2");
        assertThat(TestData.strings("SELECT e.actor FROM audit_event e JOIN fax_line l ON l.tenant_id = e.tenant_id"
                + " WHERE l.number = ? AND e.type = 'FAX_RECEIVED'", number)).containsExactly("carrier:webhook");
    }

    @Test
    void badSignaturesAndTimestampsAre401AllAlikeAndAudited() {
        String deliveryId = newDeliveryId();
        byte[] body = delivery(deliveryId, number, "+4940555000", TestData.pdf(1));
        long now = now();
        int audited = refusals("401");

        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 1;
        List<Answer> refused = new ArrayList<>();
        refused.add(send(tampered, headers(Long.toString(now), sign(SECRET, Long.toString(now), body))));
        refused.add(post(body, now, WRONG_SECRET));
        // Well outside the 300 s window, each stamped just before it is sent: at ±301 s from a `now` taken before the
        // first request, a slow run let the future one arrive inside the window (a flaky 201). The exact edges are
        // WebhookSignatureTest's, on a fixed clock.
        refused.add(post(body, now() - 330, SECRET));
        refused.add(post(body, now() + 330, SECRET));
        refused.add(send(body, Map.of("Content-Type", "application/json")));
        refused.add(send(body, Map.of("Faxgate-Signature", sign(SECRET, Long.toString(now), body))));
        refused.add(send(body, Map.of("Faxgate-Timestamp", Long.toString(now))));
        refused.add(send(body, headers(Long.toString(now), sign(SECRET, Long.toString(now), body).substring(3))));
        refused.add(send(body, headers(now + ".0", sign(SECRET, now + ".0", body))));
        // A signature over the body alone (no timestamp) is not the scheme.
        refused.add(send(body, headers(Long.toString(now), "v1=" + hmacHex(SECRET, body))));

        for (Answer answer : refused) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).isNotNull();
            assertThat(answer.json().get("message").asText())
                    .as("one message for every failure: no hint which part was wrong")
                    .isEqualTo(refused.get(0).json().get("message").asText());
        }
        assertThat(refusals("401")).isEqualTo(audited + refused.size());
        assertThat(TestData.strings("SELECT detail FROM audit_event WHERE type = 'CARRIER_WEBHOOK_REFUSED'"
                + " AND detail LIKE '401%' ORDER BY occurred_at DESC, id DESC LIMIT ?", refused.size()))
                .allSatisfy(detail -> assertThat(detail).doesNotContain(SECRET).doesNotContain(WRONG_SECRET)
                        .doesNotContain(deliveryId));
        assertThat(TestData.strings("SELECT source_ip FROM audit_event WHERE type = 'CARRIER_WEBHOOK_REFUSED'"
                + " ORDER BY occurred_at DESC, id DESC LIMIT 1")).doesNotContainNull();
        assertThat(faxesOnLine()).as("nothing stored").isEmpty();

        Answer genuine = post(body, now(), SECRET);
        assertThat(genuine.status()).as("refused requests did not use up the delivery id: " + genuine).isEqualTo(201);
    }

    @Test
    void aReplayIs409EvenWithAFreshTimestampAndValidSignature() {
        String deliveryId = newDeliveryId();
        byte[] body = delivery(deliveryId, number, "+4940555000", TestData.pdf(1));
        Map<String, String> headers = headers(Long.toString(now()), sign(SECRET, Long.toString(now()), body));
        assertThat(send(body, headers).status()).isEqualTo(201);

        Answer exactReplay = send(body, headers);
        Answer resigned = post(body, now() + 1, SECRET);
        Answer otherDocument = post(delivery(deliveryId, number, "+4940555111", TestData.pdf(3)), now(), SECRET);

        for (Answer replay : List.of(exactReplay, resigned, otherDocument)) {
            assertThat(replay.status()).as(replay.toString()).isEqualTo(409);
            assertThat(replay.json().get("fieldErrors").findValuesAsText("field")).containsExactly("deliveryId");
        }
        assertThat(faxesOnLine()).hasSize(1);
        assertThat(TestData.strings("SELECT detail FROM audit_event WHERE type = 'CARRIER_WEBHOOK_REFUSED' AND target = ?"
                + " AND tenant_id IS NULL", number)).hasSize(3).allSatisfy(detail -> assertThat(detail).startsWith("409"));
    }

    @Test
    void parallelCopiesOfOneDeliveryAreStoredOnce() throws Exception {
        String deliveryId = newDeliveryId();
        byte[] body = delivery(deliveryId, number, "+4940555000", TestData.pdf(1));
        Map<String, String> headers = headers(Long.toString(now()), sign(SECRET, Long.toString(now()), body));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit((Callable<Answer>) () -> send(body, headers)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(faxesOnLine()).hasSize(1);
    }

    @Test
    void anUnknownNumberIs404AndAudited() {
        String unknown = randomNumber();
        Answer answer = post(delivery(newDeliveryId(), unknown, "+4940555000", TestData.pdf(1)), now(), SECRET);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(TestData.strings("SELECT detail FROM audit_event WHERE type = 'CARRIER_WEBHOOK_REFUSED' AND target = ?",
                unknown)).singleElement().asString().startsWith("404");
    }

    @Test
    void invalidContentIs400NamingTheFieldAndAudited() {
        int audited = refusals("400");
        byte[] notAPdf = "this is a plain text file, not a PDF".getBytes(StandardCharsets.UTF_8);

        assertRefused400(post(delivery(newDeliveryId(), number, "+4940555000", notAPdf), now(), SECRET), "document");
        assertRefused400(post(json(body("deliveryId", newDeliveryId(), "to", number, "from", "+4940555000",
                "document", "%%% not base64 %%%")), now(), SECRET), "document");
        assertRefused400(post(json(body("deliveryId", newDeliveryId(), "to", number,
                "document", base64(TestData.pdf(1)))), now(), SECRET), "from");
        assertRefused400(post(json(body("deliveryId", "has spaces and / slashes", "to", number, "from", "+4940555000",
                "document", base64(TestData.pdf(1)))), now(), SECRET), "deliveryId");
        assertRefused400(post(json(body("deliveryId", newDeliveryId(), "to", 4930123, "from", "+4940555000",
                "document", base64(TestData.pdf(1)))), now(), SECRET), "to");
        assertRefused400(post("{\"deliveryId\":".getBytes(StandardCharsets.UTF_8), now(), SECRET), "body");
        assertRefused400(post("[1,2]".getBytes(StandardCharsets.UTF_8), now(), SECRET), "body");

        assertThat(refusals("400")).isEqualTo(audited + 7);
        assertThat(faxesOnLine()).isEmpty();
    }

    @Test
    void anOversizedBodyIs413WithoutBeingReadAndAudited() {
        int audited = refusals("413");
        byte[] huge = new byte[(int) MAX_REQUEST_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'A');

        // Content-Length declared: refused before a byte is read (the client waits for "100 Continue", as curl does
        // for large bodies, so it sees the answer instead of a connection closed under its upload).
        Answer declared = carrier.sendRaw("POST", PATH, HttpRequest.BodyPublishers.ofByteArray(huge),
                headers(Long.toString(now()), sign(SECRET, Long.toString(now()), huge)), true);
        // Chunked (no Content-Length): the cap applies while reading.
        Answer streamed = carrier.sendRaw("POST", PATH, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)),
                headers(Long.toString(now()), sign(SECRET, Long.toString(now()), huge)));

        for (Answer answer : List.of(declared, streamed)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
            assertThat(answer.json().get("status").asInt()).isEqualTo(413);
        }
        assertThat(refusals("413")).isEqualTo(audited + 2);
    }

    @Test
    void theWebhookNeedsNoContainerSignInAndTheSignatureIsNotReplacedByOne() {
        // A staff member's (or operator's) credentials are not a carrier signature.
        byte[] body = delivery(newDeliveryId(), number, "+4940555000", TestData.pdf(1));
        Answer asOperator = operator.sendRaw("POST", PATH, HttpRequest.BodyPublishers.ofByteArray(body),
                Map.of("Content-Type", "application/json"));
        assertThat(asOperator.status()).as(asOperator.toString()).isEqualTo(401);
    }

    private static void assertRefused400(Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("fieldErrors").findValuesAsText("field")).as(answer.toString()).contains(field);
    }

    private Answer post(byte[] body, long timestamp, String secret) {
        String ts = Long.toString(timestamp);
        return send(body, headers(ts, sign(secret, ts, body)));
    }

    private Answer send(byte[] body, Map<String, String> headers) {
        return carrier.sendRaw("POST", PATH, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    private static Map<String, String> headers(String timestamp, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Faxgate-Timestamp", timestamp);
        headers.put("Faxgate-Signature", signature);
        return headers;
    }

    /** What the carrier computes: v1= and hex HMAC-SHA256(secret, timestamp + "." + body). */
    private static String sign(String secret, String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(body, 0, payload, prefix.length, body.length);
        return "v1=" + hmacHex(secret, payload);
    }

    private static String hmacHex(String secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] delivery(String deliveryId, String to, String from, byte[] pdf) {
        return json(body("deliveryId", deliveryId, "to", to, "from", from, "document", base64(pdf),
                "receivedAt", Instant.now().toString()));
    }

    private static byte[] json(Object value) {
        try {
            return FaxgateApi.JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String newDeliveryId() {
        return "dlv-" + UUID.randomUUID();
    }

    private static String randomNumber() {
        return "+49" + (100000000L + (long) (Math.random() * 899999999L));
    }

    private List<String> faxesOnLine() {
        return TestData.strings("SELECT f.id FROM fax f JOIN fax_line l ON l.id = f.fax_line_id WHERE l.number = ?", number);
    }

    private static int refusals(String status) {
        return TestData.count("SELECT count(*) FROM audit_event WHERE type = 'CARRIER_WEBHOOK_REFUSED' AND detail LIKE ?",
                status + "%");
    }
}
