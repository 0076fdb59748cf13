package io.faxgate.benchmarks;

import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.ReplayCache;
import io.faxgate.sso.saml.ResponseExpectations;
import io.faxgate.sso.saml.SamlEngine;
import io.faxgate.sso.saml.SamlEngines;
import io.faxgate.sso.saml.ValidatedAssertion;
import io.faxgate.sso.saml.fixture.EntraIdp;
import io.faxgate.sso.saml.internal.ResponseValidation;
import io.faxgate.sso.saml.internal.XmlSecurity;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.signature.XMLSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Validating one Entra-shaped signed sign-in answer ({@link EntraShapedResponse}: 20 groups, ≈ 6.6 kB of XML, assertion
 * signed RSA-SHA256 / exclusive c14n), in one run:
 * <ul>
 * <li>{@code floor} — the cryptographic floor: base64 decode, namespace-aware parse (a builder configured once), exclusive c14n and RSA-SHA256
 *     verification of the assertion's signature with Apache Santuario's {@code XMLSignature}. Nothing else is
 *     checked: no SAML rule, no wrapping defence.</li>
 * <li>{@code faxgateOnCallerThread} — Faxgate's full validation ({@code ResponseValidation.check}: hardened parse,
 *     shape, unique IDs, one assertion, signature rules against wrapping, issuer, destination, recipient, audience,
 *     time window, bearer confirmation, attributes), on the caller's thread.</li>
 * <li>{@code faxgateEngine} — the same through {@link SamlEngine#validate}, as the ACS calls it: handed to the engine's
 *     own threads and back (Keycloak's ThreadLocals stay off the caller's), replay cache in memory.</li>
 * <li>{@code oneLogin} — the peer: OneLogin {@code java-saml-core} 2.9.0 in strict mode with its defaults (which
 *     include XML schema validation), reading NameID and attributes.</li>
 * </ul>
 *
 * <pre>java -jar faxgate-benchmarks.jar SamlValidationBenchmark -t 1   (per thread; -t 2 for both cores)</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SamlValidationBenchmark {

    private static final String AUDIENCE = "api://5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
    private static final String ACS = "https://faxgate.example.com/sso/bench/acs";

    private String encoded;
    private PublicKey idpKey;
    private ResponseExpectations expectations;
    private ResponseValidation validation;
    private SamlEngine engine;
    private Saml2Settings oneLoginSettings;

    /** The floor parses with one builder configured once (namespace aware, secure processing, no DOCTYPE). */
    private javax.xml.parsers.DocumentBuilder floorBuilder;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        floorBuilder = factory.newDocumentBuilder();
        org.apache.xml.security.Init.init();
        encoded = EntraShapedResponse.of(1, AUDIENCE, ACS, Instant.now()).encoded();
        idpKey = EntraIdp.IDP.certificate().getPublicKey();
        // Every iteration validates the same answer: one-time use is the database's job, measured end to end.
        ReplayCache acceptAll = (key, expiresAt, now) -> ReplayCache.Result.FIRST_USE;
        expectations = ResponseExpectations.builder().expectedIssuer(EntraIdp.ISSUER).audience(AUDIENCE).acsUrl(ACS)
                .trustedCertificates(List.of(EntraIdp.IDP.certificate())).allowIdpInitiated(true)
                .replayCache(acceptAll).build();
        var keycloakXmlSecurity = Class.forName("io.faxgate.sso.saml.keycloak.KeycloakXmlSecurity").getDeclaredConstructor();
        keycloakXmlSecurity.setAccessible(true);
        validation = new ResponseValidation((XmlSecurity) keycloakXmlSecurity.newInstance());
        engine = SamlEngines.keycloak(Runtime.getRuntime().availableProcessors());

        Map<String, Object> settings = new HashMap<>();
        settings.put(SettingsBuilder.STRICT_PROPERTY_KEY, true);
        settings.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, AUDIENCE);
        settings.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, ACS);
        settings.put(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY, EntraIdp.ISSUER);
        settings.put(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_URL_PROPERTY_KEY, EntraIdp.LOGIN_URL);
        settings.put(SettingsBuilder.IDP_X509CERT_PROPERTY_KEY, Pem.encodeCertificate(EntraIdp.IDP.certificate()));
        settings.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_SIGNED, true);
        oneLoginSettings = new SettingsBuilder().fromValues(settings).build();

        // Each contender must accept the answer, or its number means nothing.
        if (!floor() || faxgateOnCallerThread() == null || faxgateEngine() == null || oneLogin() == null) {
            throw new IllegalStateException("a validator refused the benchmark's answer");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public boolean floor() throws Exception {
        byte[] xml = Base64.getMimeDecoder().decode(encoded);
        floorBuilder.reset();
        Document doc = floorBuilder.parse(new ByteArrayInputStream(xml));
        Element assertion = (Element) doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
        assertion.setIdAttributeNS(null, "ID", true);
        Element signature = (Element) assertion.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
        return new XMLSignature(signature, "", true).checkSignatureValue(idpKey);
    }

    @Benchmark
    public ValidatedAssertion faxgateOnCallerThread() throws Exception {
        return validation.validate(encoded, expectations);
    }

    @Benchmark
    public ValidatedAssertion faxgateEngine() throws Exception {
        return engine.validate(encoded, expectations);
    }

    @Benchmark
    public Object oneLogin() throws Exception {
        SamlResponse response = new SamlResponse(oneLoginSettings, new HttpRequest(ACS, (String) null).addParameter("SAMLResponse", encoded));
        if (!response.isValid()) {
            throw new IllegalStateException("OneLogin refused: " + response.getError());
        }
        return List.of(response.getNameId(), response.getAttributes());
    }

    /**
     * The same four contenders without JMH, for a shared machine: rounds of each one in turn on one thread, timed by
     * the CPU time they used (the thread's own; the process's for the engine, whose work runs on its threads), so
     * other people's load moves the numbers far less than wall-clock throughput. Prints the median CPU time per
     * validation and what that means per core.
     * <pre>java -cp faxgate-benchmarks.jar io.faxgate.benchmarks.SamlValidationBenchmark 20 500</pre>
     * arguments: rounds, validations per contender and round.
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        SamlValidationBenchmark b = new SamlValidationBenchmark();
        b.setUp();
        System.out.println("answer: " + Base64.getDecoder().decode(b.encoded).length + " bytes of XML");
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Map<String, java.util.concurrent.Callable<Object>> contenders = new java.util.LinkedHashMap<>();
        contenders.put("floor", b::floor);
        contenders.put("faxgateOnCallerThread", b::faxgateOnCallerThread);
        contenders.put("faxgateEngine", b::faxgateEngine);
        contenders.put("oneLogin", b::oneLogin);
        Map<String, List<Double>> micros = new java.util.LinkedHashMap<>();
        contenders.keySet().forEach(k -> micros.put(k, new java.util.ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (var c : contenders.entrySet()) {
                boolean engine = c.getKey().equals("faxgateEngine");
                long before = engine ? process.getProcessCpuTime() : threads.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    c.getValue().call();
                }
                long used = (engine ? process.getProcessCpuTime() : threads.getCurrentThreadCpuTime()) - before;
                if (round >= rounds / 4) { // the first quarter warms the JIT
                    micros.get(c.getKey()).add(used / 1e3 / perRound);
                }
            }
        }
        b.tearDown();
        double floor = median(micros.get("floor"));
        for (var m : micros.entrySet()) {
            double med = median(m.getValue());
            System.out.printf("%-24s %8.1f µs CPU per validation = %7.0f per second per core   (floor / this = %.2f)%n",
                    m.getKey(), med, 1e6 / med, floor / med);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
