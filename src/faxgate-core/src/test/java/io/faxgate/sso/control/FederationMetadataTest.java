package io.faxgate.sso.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.platform.boundary.InvalidInputException;
import org.junit.jupiter.api.Test;

class FederationMetadataTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";

    /** The shape of Entra's federationmetadata.xml (WS-Fed role descriptors and the signature left out). */
    static String entraMetadata(String... certs) {
        StringBuilder keys = new StringBuilder();
        for (String c : certs) {
            keys.append("<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data>"
                    + "<X509Certificate>").append(c).append("</X509Certificate></X509Data></KeyInfo></KeyDescriptor>");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><EntityDescriptor ID=\"_x\" entityID=\"https://sts.windows.net/" + TENANT
                + "/\" xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"><IDPSSODescriptor protocolSupportEnumeration="
                + "\"urn:oasis:names:tc:SAML:2.0:protocol\">" + keys
                + "<SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://login.microsoftonline.com/" + TENANT + "/saml2\"/>"
                + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://login.microsoftonline.com/" + TENANT + "/saml2\"/>"
                + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://login.microsoftonline.com/" + TENANT + "/saml2\"/>"
                + "</IDPSSODescriptor></EntityDescriptor>";
    }

    @Test
    void readsEntraMetadataWithTwoCertificatesDuringRollover() {
        FederationMetadata.Imported m = FederationMetadata.parse(entraMetadata("MIIAAA\n  BBB", "MIICCC", "MIIAAABBB"));
        assertThat(m.entityId()).isEqualTo("https://sts.windows.net/" + TENANT + "/");
        assertThat(m.loginEndpoint()).isEqualTo("https://login.microsoftonline.com/" + TENANT + "/saml2");
        assertThat(m.certificates()).containsExactly("MIIAAABBB", "MIICCC");
    }

    @Test
    void refusesDoctypesSoNoXxeOrEntityExpansion() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&e;\"/>";
        assertThatThrownBy(() -> FederationMetadata.parse(xxe)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("metadata").hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesDeeplyNestedXmlLikeTheSamlEngine() {
        // 10,000 nested elements are well under 1 MB: only the depth limit stops the parser from walking them
        String bomb = "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\">" + "<x>".repeat(10_000)
                + "</x>".repeat(10_000) + "</EntityDescriptor>";
        assertThatThrownBy(() -> FederationMetadata.parse(bomb)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxElementDepth").hasMessageNotContaining("IDPSSODescriptor");
    }

    @Test
    void namesTheFieldForNonsense() {
        assertThatThrownBy(() -> FederationMetadata.parse("<html/>")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("EntityDescriptor");
        assertThatThrownBy(() -> FederationMetadata.parse(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FederationMetadata.parse(entraMetadata())).hasMessageContaining("no signing certificate");
    }
}
