package io.faxgate.sso.saml.internal;

import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM: the JDK's own parser (never one found on the class path), namespace aware,
 * DOCTYPE refused outright (no DTD, no entities: XXE and billion laughs cannot start), no XInclude, no external
 * access, JDK secure-processing limits, bounded size and element depth, and an ErrorHandler that throws instead of
 * printing "[Fatal Error]" to stderr.
 */
public final class SecureXml {

    /** Deeper than any SAML message Entra sends; stops stack-exhaustion tricks early. */
    static final int MAX_ELEMENT_DEPTH = 64;

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // ignore: warnings are not printed either
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

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
        return db != null ? db : newBuilder();
    }

    /** Back to the factory's hardened state (reset() keeps its features and limits), with our handlers set again. */
    private static void giveBack(DocumentBuilder db) {
        db.reset();
        db.setErrorHandler(THROWING);
        db.setEntityResolver(REFUSE_ENTITIES);
        BUILDERS.offer(db);
    }

    private static final org.xml.sax.EntityResolver REFUSE_ENTITIES = (publicId, systemId) -> {
        throw new SAXException("external entities are not allowed");
    };

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

    /** A new hardened builder (DocumentBuilder is not thread-safe: one per thread at a time). */
    public static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setIgnoringComments(false); // comments stay visible so that text is read in full (NameID trick)
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // the whole tree is walked anyway (IDs, the one-assertion rule, c14n): building it at once is cheaper than
            // Xerces' deferred nodes, each expanded on first touch
            f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            try {
                f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
            } catch (IllegalArgumentException ignored) {
                // not the JDK parser's property set: the size limit still applies
            }
            DocumentBuilder db = f.newDocumentBuilder();
            db.setErrorHandler(THROWING);
            db.setEntityResolver(REFUSE_ENTITIES);
            return db;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
    }

    /** For trusted XML we produced ourselves (tests, metadata round trips). Same hardening, no size limit. */
    public static Document parseTrusted(String xml) {
        try {
            return newBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML", e);
        }
    }
}
