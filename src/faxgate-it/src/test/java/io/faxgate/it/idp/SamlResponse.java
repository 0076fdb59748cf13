package io.faxgate.it.idp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A SAML 2.0 Response as a test reads it (what the IdP POSTed to an ACS): DOM access to the parts tests assert on, and
 * an independent signature check with the JDK's XML DSig. Not a validator for production: no time, replay or
 * wrapping checks — that is Faxgate's job.
 */
public final class SamlResponse {

    public static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";

    private final String xml;
    private final Document document;
    private final Element response;

    private SamlResponse(String xml) {
        this.xml = xml;
        this.document = parseXml(xml);
        this.response = document.getDocumentElement();
        if (!PROTOCOL_NS.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
            throw new IllegalArgumentException("not a samlp:Response: " + response.getTagName());
        }
        markIds(response);
    }

    /** From the {@code SAMLResponse} form field (base64, POST binding). */
    public static SamlResponse fromPostBinding(String samlResponseField) {
        return new SamlResponse(new String(Base64.getMimeDecoder().decode(samlResponseField), StandardCharsets.UTF_8));
    }

    public static SamlResponse fromXml(String xml) {
        return new SamlResponse(xml);
    }

    /** Namespace-aware, no DTDs, no external entities. */
    public static Document parseXml(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static void markIds(Element element) {
        if (element.hasAttributeNS(null, "ID")) {
            element.setIdAttributeNS(null, "ID", true);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                markIds(e);
            }
        }
    }

    public String xml() {
        return xml;
    }

    public Document document() {
        return document;
    }

    public Element responseElement() {
        return response;
    }

    public String destination() {
        return response.getAttribute("Destination");
    }

    public String inResponseTo() {
        return response.getAttribute("InResponseTo");
    }

    /** The Response's own Issuer (child of samlp:Response). */
    public String responseIssuer() {
        return childText(response, ASSERTION_NS, "Issuer");
    }

    public String statusCode() {
        Element status = child(response, PROTOCOL_NS, "Status");
        Element code = status == null ? null : child(status, PROTOCOL_NS, "StatusCode");
        return code == null ? null : code.getAttribute("Value");
    }

    /** The assertions directly inside the Response (Faxgate must insist on exactly one). */
    public List<Element> assertions() {
        return children(response, ASSERTION_NS, "Assertion");
    }

    /** The only assertion; fails if there is not exactly one. */
    public Element assertion() {
        List<Element> assertions = assertions();
        if (assertions.size() != 1) {
            throw new AssertionError("expected exactly one Assertion, found " + assertions.size());
        }
        return assertions.get(0);
    }

    public String assertionIssuer() {
        return childText(assertion(), ASSERTION_NS, "Issuer");
    }

    public List<String> audiences() {
        List<String> audiences = new ArrayList<>();
        NodeList nodes = assertion().getElementsByTagNameNS(ASSERTION_NS, "Audience");
        for (int i = 0; i < nodes.getLength(); i++) {
            audiences.add(nodes.item(i).getTextContent().trim());
        }
        return audiences;
    }

    public Element nameIdElement() {
        Element subject = child(assertion(), ASSERTION_NS, "Subject");
        return subject == null ? null : child(subject, ASSERTION_NS, "NameID");
    }

    public String nameId() {
        Element nameId = nameIdElement();
        return nameId == null ? null : nameId.getTextContent().trim();
    }

    public String nameIdFormat() {
        Element nameId = nameIdElement();
        return nameId == null ? null : nameId.getAttribute("Format");
    }

    /** The Recipient of the bearer SubjectConfirmationData. */
    public String recipient() {
        NodeList data = assertion().getElementsByTagNameNS(ASSERTION_NS, "SubjectConfirmationData");
        return data.getLength() == 0 ? null : ((Element) data.item(0)).getAttribute("Recipient");
    }

    /** All saml:Attribute elements of the assertion, in document order (one entry per ELEMENT, so duplicates show). */
    public List<Element> attributeElements() {
        return List.copyOf(elements(assertion().getElementsByTagNameNS(ASSERTION_NS, "Attribute")));
    }

    /** Attribute Name → all its values (over all elements with that name), in document order. */
    public Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Element attribute : attributeElements()) {
            List<String> values = attributes.computeIfAbsent(attribute.getAttribute("Name"), n -> new ArrayList<>());
            for (Element value : children(attribute, ASSERTION_NS, "AttributeValue")) {
                values.add(value.getTextContent());
            }
        }
        return attributes;
    }

    /** How many saml:Attribute elements carry this Name (Entra sends multi-valued claims as ONE element). */
    public long attributeElementCount(String name) {
        return attributeElements().stream().filter(a -> name.equals(a.getAttribute("Name"))).count();
    }

    public List<String> attributeValues(String name) {
        return attributes().getOrDefault(name, List.of());
    }

    /** A ds:Signature as a direct child of the Assertion. */
    public boolean assertionSigned() {
        return child(assertion(), DS_NS, "Signature") != null;
    }

    /** A ds:Signature as a direct child of the Response. */
    public boolean responseSigned() {
        return child(response, DS_NS, "Signature") != null;
    }

    /**
     * Whether the Assertion's enveloped signature is valid under this certificate's key AND its single reference
     * points at that Assertion's ID.
     */
    public boolean assertionSignatureValid(X509Certificate certificate) {
        return signatureValid(assertion(), certificate);
    }

    public boolean responseSignatureValid(X509Certificate certificate) {
        return signatureValid(response, certificate);
    }

    /** The SignatureMethod Algorithm URI of the Assertion's signature. */
    public String assertionSignatureAlgorithm() {
        Element signature = child(assertion(), DS_NS, "Signature");
        NodeList methods = signature == null ? null : signature.getElementsByTagNameNS(DS_NS, "SignatureMethod");
        return methods == null || methods.getLength() == 0 ? null : ((Element) methods.item(0)).getAttribute("Algorithm");
    }

    private static boolean signatureValid(Element signed, X509Certificate certificate) {
        Element signatureElement = child(signed, DS_NS, "Signature");
        if (signatureElement == null) {
            return false;
        }
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), signatureElement);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            List<?> references = signature.getSignedInfo().getReferences();
            if (references.size() != 1 || !("#" + signed.getAttribute("ID")).equals(((Reference) references.get(0)).getURI())) {
                return false;
            }
            return signature.validate(context);
        } catch (Exception e) {
            throw new IllegalStateException("cannot check the signature: " + e, e);
        }
    }

    private static Element child(Element parent, String ns, String localName) {
        List<Element> found = children(parent, ns, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String childText(Element parent, String ns, String localName) {
        Element child = child(parent, ns, localName);
        return child == null ? null : child.getTextContent().trim();
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Override
    public String toString() {
        return xml;
    }
}
