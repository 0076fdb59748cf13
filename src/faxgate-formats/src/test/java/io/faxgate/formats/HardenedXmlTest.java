package io.faxgate.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** The attacks on an XML parser, against the one configuration the engine and the core both use. */
class HardenedXmlTest {

    private static Document parse(DocumentBuilder builder, String xml) throws Exception {
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsNamespacesAndKeepsComments() throws Exception {
        Document d = parse(HardenedXml.newBuilder(), "<a:x xmlns:a='urn:a'>us<!--c-->er</a:x>");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("urn:a");
        assertThat(d.getDocumentElement().getChildNodes().getLength()).as("comment stays a node").isEqualTo(3);
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>";
        assertThatThrownBy(() -> parse(HardenedXml.newBuilder(), xxe)).isInstanceOf(SAXException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesEntityExpansion() {
        String bomb = "<!DOCTYPE l [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]><l>&b;</l>";
        assertThatThrownBy(() -> parse(HardenedXml.newBuilder(), bomb)).isInstanceOf(SAXException.class);
    }

    @Test
    void refusesDeepNesting() throws Exception {
        String deep = "<a>".repeat(HardenedXml.MAX_ELEMENT_DEPTH + 1) + "</a>".repeat(HardenedXml.MAX_ELEMENT_DEPTH + 1);
        assertThatThrownBy(() -> parse(HardenedXml.newBuilder(), deep)).isInstanceOf(SAXException.class);
        String entraDeep = "<a>".repeat(20) + "</a>".repeat(20); // Entra's metadata nests about ten levels
        assertThat(parse(HardenedXml.newBuilder(), entraDeep).getDocumentElement().getLocalName()).isEqualTo("a");
    }

    @Test
    void aResetBuilderIsHardenedAgainOnceRearmed() throws Exception {
        DocumentBuilder builder = HardenedXml.newBuilder();
        builder.reset();
        HardenedXml.rearm(builder);
        assertThatThrownBy(() -> parse(builder, "<!DOCTYPE x SYSTEM 'http://example.invalid/x.dtd'><x/>")).isInstanceOf(SAXException.class);
        assertThat(parse(builder, "<x/>").getDocumentElement().getLocalName()).isEqualTo("x");
    }
}
