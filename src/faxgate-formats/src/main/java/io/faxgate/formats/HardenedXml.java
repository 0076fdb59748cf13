package io.faxgate.formats;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one XML parser configuration for untrusted documents (SAML messages in the engine, federation metadata in the
 * core): the JDK's own parser (never one a server library registers), namespace aware, DOCTYPE refused outright (no
 * DTD, no entities: XXE and billion laughs cannot start), no XInclude, no external access, JDK secure-processing
 * limits, an element depth limit, and an ErrorHandler that throws instead of printing "[Fatal Error]" to stderr.
 * Size limits are the caller's: it knows what it reads.
 */
public final class HardenedXml {

    /** Deeper than any SAML message or federation metadata Entra sends (about ten levels); stops stack-exhaustion tricks early. */
    public static final int MAX_ELEMENT_DEPTH = 64;

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

    private static final EntityResolver REFUSE_ENTITIES = (publicId, systemId) -> {
        throw new SAXException("external entities are not allowed");
    };

    private HardenedXml() {
    }

    /** A new hardened builder (DocumentBuilder is not thread-safe: one per thread at a time). */
    public static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setIgnoringComments(false); // comments stay visible so that text is read in full (the SAML NameID trick)
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
            return rearm(f.newDocumentBuilder());
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
    }

    /**
     * Sets the throwing error handler and the entity refusal again, e.g. after {@link DocumentBuilder#reset()} (which
     * keeps the factory's features and limits but drops the handlers) when builders are pooled.
     */
    public static DocumentBuilder rearm(DocumentBuilder builder) {
        builder.setErrorHandler(THROWING);
        builder.setEntityResolver(REFUSE_ENTITIES);
        return builder;
    }
}
