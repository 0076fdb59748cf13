package io.faxgate.sso.saml.internal;

import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Strict DOM reading helpers: direct children only, exact namespaces. Internal. */
public final class Dom {

    private Dom() {
    }

    public static boolean is(Node n, String ns, String localName) {
        return n != null && n.getNodeType() == Node.ELEMENT_NODE && ns.equals(n.getNamespaceURI())
                && localName.equals(n.getLocalName());
    }

    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, ns, localName)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    public static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The one direct child, or null; two or more is malformed. */
    public static Element optionalChild(Element parent, String ns, String localName) throws SamlValidationException {
        List<Element> c = children(parent, ns, localName);
        if (c.size() > 1) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "more than one " + localName + " in " + parent.getLocalName());
        }
        return c.isEmpty() ? null : c.get(0);
    }

    public static Element requiredChild(Element parent, String ns, String localName, SamlFailure ifMissing)
            throws SamlValidationException {
        Element e = optionalChild(parent, ns, localName);
        if (e == null) {
            throw new SamlValidationException(ifMissing, "no " + localName + " in " + parent.getLocalName());
        }
        return e;
    }

    /** The attribute value or null when absent (DOM returns "" for absent). */
    public static String attr(Element e, String name) {
        Attr a = e.getAttributeNodeNS(null, name);
        return a == null ? null : a.getValue();
    }

    /**
     * The element's full text content: all text and CDATA descendants, comments and processing instructions skipped.
     * This is what exclusive c14n signs, so {@code a@b.com<!---->.evil.com} reads as {@code a@b.com.evil.com}, never
     * as {@code a@b.com}. Child elements are refused (a NameID or Issuer has none).
     */
    public static String text(Element e) throws SamlValidationException {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                throw new SamlValidationException(SamlFailure.MALFORMED_XML, e.getLocalName() + " must contain text only");
            }
        }
        return e.getTextContent().strip();
    }

    /**
     * Marks every no-namespace {@code ID} attribute as a DOM ID (what signature references resolve against) and
     * refuses duplicates: a duplicate ID is how signature-wrapping makes a reference resolve to the wrong element.
     */
    public static void registerIds(Document doc) throws SamlValidationException {
        Set<String> seen = new HashSet<>();
        java.util.ArrayDeque<Element> todo = new java.util.ArrayDeque<>();
        todo.push(doc.getDocumentElement());
        while (!todo.isEmpty()) {
            Element e = todo.pop();
            Attr id = e.getAttributeNodeNS(null, "ID");
            if (id != null) {
                if (!seen.add(id.getValue())) {
                    throw new SamlValidationException(SamlFailure.SIGNATURE_WRAPPING, "duplicate ID " + id.getValue());
                }
                e.setIdAttributeNode(id, true);
            }
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    todo.push((Element) n);
                }
            }
        }
    }

    public static void requireVersion2(Element e) throws SamlValidationException {
        if (!"2.0".equals(attr(e, "Version"))) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, e.getLocalName() + " Version is not 2.0");
        }
    }

    /** xs:dateTime; a value without zone is read as UTC (SAML requires UTC). Null stays null. */
    public static Instant instant(Element e, String attribute) throws SamlValidationException {
        String v = attr(e, attribute);
        if (v == null) {
            return null;
        }
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(v.strip(), OffsetDateTime::from,
                    java.time.LocalDateTime::from);
            if (t instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            return ((java.time.LocalDateTime) t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e2) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, e.getLocalName() + "@" + attribute + " is not a dateTime");
        }
    }

    public static int count(Document doc, String ns, String localName) {
        return doc.getElementsByTagNameNS(ns, localName).getLength();
    }
}
