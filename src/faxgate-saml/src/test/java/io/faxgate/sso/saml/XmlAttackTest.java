package io.faxgate.sso.saml;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile XML: refused with a typed reason, and quietly (nothing printed to stderr by the JDK parser). */
class XmlAttackTest extends EngineTestBase {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStderr() {
        original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(original);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as("nothing printed to stderr").doesNotContain("[Fatal Error]").isEmpty();
    }

    private static String withDoctype(String doctype) {
        String xml = response().xml();
        return doctype + xml;
    }

    @Test
    void externalEntityToEtcPasswd() {
        String xml = withDoctype("<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                .replace(EMAIL, "&xxe;");
        refused(b64(xml), SamlFailure.DTD_FORBIDDEN);
    }

    @Test
    void externalDtdParameterEntity() {
        String xml = withDoctype("<!DOCTYPE samlp:Response [<!ENTITY % ext SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %ext;]>");
        refused(b64(xml), SamlFailure.DTD_FORBIDDEN);
    }

    @Test
    void externalDtdSystemId() {
        refused(b64(withDoctype("<!DOCTYPE samlp:Response SYSTEM \"http://127.0.0.1:1/saml.dtd\">")), SamlFailure.DTD_FORBIDDEN);
    }

    @Test
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE samlp:Response [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String xml = withDoctype(dtd.toString()).replace(EMAIL, "&lol9;");
        refused(b64(xml), SamlFailure.DTD_FORBIDDEN);
    }

    @Test
    void oversizeDecodedMessage() {
        String big = "x".repeat(300 * 1024);
        String r = response().set(x -> x.attributes = java.util.Map.of(EntraClaims.NAME, List.of(big))).encoded();
        refused(r, SamlFailure.TOO_LARGE);
    }

    @Test
    void oversizeIsRefusedBeforeDecoding() {
        refused("A".repeat(2 * 1024 * 1024), SamlFailure.TOO_LARGE);
    }

    @Test
    void configuredLimitApplies() {
        refused(response().encoded(), expectations().maxXmlBytes(2048), SamlFailure.TOO_LARGE);
    }

    @Test
    void deeplyNestedElements() {
        String deep = "<x>".repeat(200) + "</x>".repeat(200);
        String xml = response().xml().replace("<AttributeStatement>", "<AttributeStatement><Attribute Name=\"d\"><AttributeValue>"
                + deep + "</AttributeValue></Attribute>");
        refused(b64(xml), SamlFailure.TOO_LARGE);
    }

    @Test
    void truncatedXml() {
        String xml = response().xml();
        refused(b64(xml.substring(0, xml.length() / 2)), SamlFailure.MALFORMED_XML);
    }

    @Test
    void notBase64() {
        refused("this is <not> base64!", SamlFailure.MALFORMED_XML);
    }

    @Test
    void emptyParameter() {
        refused("", SamlFailure.MALFORMED_XML);
    }

    @Test
    void wrongRootElement() {
        refused(b64("<samlp:LogoutResponse xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\"/>"),
                SamlFailure.MALFORMED_XML);
    }

    @Test
    void responseWithoutAssertion() {
        String xml = response().xml().replaceAll("<Assertion .*</Assertion>", "");
        refused(b64(xml), SamlFailure.NO_ASSERTION);
    }

    @Test
    void nonNamespacedLookalikeIsNotAResponse() {
        refused(b64("<Response ID=\"_x\" Version=\"2.0\"><Assertion/></Response>"), SamlFailure.MALFORMED_XML);
    }
}
