package io.faxgate.sso.saml.internal;

import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;

import io.faxgate.formats.HardenedXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilder;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted SAML XML into a DOM with the one hardened parser configuration ({@link HardenedXml}: JDK parser,
 * no DOCTYPE, no external access, element depth limit, throwing error handler), adds the size limit and turns parser
 * refusals into typed {@link SamlValidationException}s.
 */
public final class SecureXml {

    private SecureXml() {
    }

    public static Document parse(byte[] xml, int maxBytes) throws SamlValidationException {
        if (xml.length > maxBytes) {
            throw new SamlValidationException(SamlFailure.TOO_LARGE, "message is " + xml.length + " bytes, limit " + maxBytes);
        }
        DocumentBuilder db = borrow();
        try {
            return db.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw classify(e);
        } catch (SAXException | IOException e) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "not well-formed XML", e);
        } finally {
            giveBack(db);
        }
    }

    /**
     * Hardened builders kept for reuse: configuring a factory (its features and limits) costs more than parsing a
     * sign-in answer — a quarter of a whole validation when done per parse. A builder is used by one thread at a time
     * (taken from the queue, given back after {@code reset()}); no ThreadLocal, so nothing stays on the container's
     * threads after undeploy.
     */
    private static final java.util.concurrent.BlockingQueue<DocumentBuilder> BUILDERS =
            new java.util.concurrent.ArrayBlockingQueue<>(16);

    private static DocumentBuilder borrow() {
        DocumentBuilder db = BUILDERS.poll();
        return db != null ? db : HardenedXml.newBuilder();
    }

    /** Back to the factory's hardened state (reset() keeps its features and limits), with our handlers set again. */
    private static void giveBack(DocumentBuilder db) {
        db.reset();
        BUILDERS.offer(HardenedXml.rearm(db));
    }

    private static SamlValidationException classify(SAXParseException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("DOCTYPE")) {
            return new SamlValidationException(SamlFailure.DTD_FORBIDDEN, "DOCTYPE/DTD is not allowed", e);
        }
        if (msg.contains("maxElementDepth") || msg.contains("JAXP0") || msg.contains("limit")) {
            return new SamlValidationException(SamlFailure.TOO_LARGE, "XML exceeds parser limits", e);
        }
        return new SamlValidationException(SamlFailure.MALFORMED_XML,
                "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber(), e);
    }

    /** For trusted XML we produced ourselves (tests, metadata round trips). Same hardening, no size limit. */
    public static Document parseTrusted(String xml) {
        try {
            return HardenedXml.newBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML", e);
        }
    }
}
