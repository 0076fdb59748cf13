package io.faxgate.sso.control;

import io.faxgate.formats.HardenedXml;
import io.faxgate.platform.boundary.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads an IdP's SAML metadata (Entra's federationmetadata.xml) for the SSO form: entity id (issuer), the
 * HTTP-Redirect sign-on endpoint and the signing certificates. Untrusted input: parsed by the same hardened parser
 * as SAML messages ({@link HardenedXml}: no DTDs, so no XXE and no entity expansion; no external access; an element
 * depth limit), bounded size; nothing is fetched from the network.
 */
public final class FederationMetadata {

    public static final int MAX_BYTES = 1_000_000;
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    /** What the metadata says; {@code certificates} are bare base64 DER, signing certificates first-come. */
    public record Imported(String entityId, String loginEndpoint, List<String> certificates) {
    }

    private FederationMetadata() {
    }

    public static Imported parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidInputException("metadata", "paste or upload the federation metadata XML");
        }
        byte[] bytes = xml.strip().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("metadata", "is larger than 1 MB; this is not federation metadata");
        }
        Document doc;
        try {
            doc = HardenedXml.newBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new InvalidInputException("metadata", "is not well-formed XML without a DOCTYPE (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException("metadata", "cannot be read: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        Element entity = root;
        if (MD.equals(root.getNamespaceURI()) && "EntitiesDescriptor".equals(root.getLocalName())) {
            entity = first(root, MD, "EntityDescriptor");
        }
        if (entity == null || !MD.equals(entity.getNamespaceURI()) || !"EntityDescriptor".equals(entity.getLocalName())) {
            throw new InvalidInputException("metadata", "has no SAML 2.0 EntityDescriptor; download the"
                    + " \"Federation Metadata XML\" from the Entra app's Single sign-on page");
        }
        Element idp = first(entity, MD, "IDPSSODescriptor");
        if (idp == null) {
            throw new InvalidInputException("metadata", "describes no identity provider (IDPSSODescriptor missing)");
        }
        String login = null;
        String postLogin = null;
        NodeList services = idp.getElementsByTagNameNS(MD, "SingleSignOnService");
        for (int i = 0; i < services.getLength(); i++) {
            Element s = (Element) services.item(i);
            if (REDIRECT.equals(s.getAttribute("Binding")) && login == null) {
                login = s.getAttribute("Location").strip();
            } else if (POST.equals(s.getAttribute("Binding")) && postLogin == null) {
                postLogin = s.getAttribute("Location").strip();
            }
        }
        Set<String> certificates = new LinkedHashSet<>();
        NodeList keys = idp.getElementsByTagNameNS(MD, "KeyDescriptor");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            String use = key.getAttribute("use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            NodeList certs = key.getElementsByTagNameNS(DS, "X509Certificate");
            for (int j = 0; j < certs.getLength(); j++) {
                String b64 = certs.item(j).getTextContent().replaceAll("\\s", "");
                if (!b64.isEmpty()) {
                    certificates.add(b64);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new InvalidInputException("metadata", "contains no signing certificate");
        }
        String entityId = entity.getAttribute("entityID").strip();
        return new Imported(entityId.isEmpty() ? null : entityId, login != null ? login : postLogin, new ArrayList<>(certificates));
    }

    private static Element first(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
