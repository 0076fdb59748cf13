package io.faxgate.sso.saml.keycloak;

import io.faxgate.sso.saml.AuthnRequestSpec;
import io.faxgate.sso.saml.IncomingSamlMessage;
import io.faxgate.sso.saml.LogoutExpectations;
import io.faxgate.sso.saml.LogoutRequestSpec;
import io.faxgate.sso.saml.LogoutResponseSpec;
import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.ResponseExpectations;
import io.faxgate.sso.saml.SamlEngine;
import io.faxgate.sso.saml.SamlRedirect;
import io.faxgate.sso.saml.SamlValidationException;
import io.faxgate.sso.saml.SpCredentials;
import io.faxgate.sso.saml.SpMetadataSpec;
import io.faxgate.sso.saml.ValidatedAssertion;
import io.faxgate.sso.saml.ValidatedLogoutRequest;
import io.faxgate.sso.saml.ValidatedLogoutResponse;
import io.faxgate.sso.saml.internal.Dom;
import io.faxgate.sso.saml.internal.LogoutValidation;
import io.faxgate.sso.saml.internal.ResponseValidation;
import io.faxgate.sso.saml.internal.Saml;
import io.faxgate.sso.saml.internal.SecureXml;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.metadata.EndpointType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyDescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyTypes;
import org.keycloak.saml.BaseSAML2BindingBuilder;
import org.keycloak.saml.SAML2AuthnRequestBuilder;
import org.keycloak.saml.SAML2LogoutRequestBuilder;
import org.keycloak.saml.SAML2LogoutResponseBuilder;
import org.keycloak.saml.SAML2NameIDPolicyBuilder;
import org.keycloak.saml.SPMetadataDescriptor;
import org.keycloak.saml.SignatureAlgorithm;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.common.util.SystemPropertiesUtil;
import org.keycloak.saml.processing.api.saml.v2.sig.SAML2Signature;
import org.keycloak.saml.processing.core.saml.v2.util.SAMLMetadataUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@link SamlEngine} on Keycloak saml-core 26.x. Keycloak builds and signs the outgoing messages and does XML-DSig
 * verification and XML-Enc decryption; every acceptance rule is Faxgate's ({@link ResponseValidation},
 * {@link LogoutValidation}). All Keycloak calls run on engine-owned threads ({@link EngineThreads}).
 */
public final class KeycloakSamlEngine implements SamlEngine {

    private static final String SCHEMA_FACTORY_PROPERTY = "javax.xml.validation.SchemaFactory:http://www.w3.org/2001/XMLSchema";
    private static final String XERCES_SCHEMA_FACTORY = "org.apache.xerces.jaxp.validation.XMLSchemaFactory";

    private final EngineThreads threads;
    private final ResponseValidation responses;
    private final LogoutValidation logouts;

    public KeycloakSamlEngine(int threads) {
        this(threads, java.time.Duration.ofSeconds(10));
    }

    /** {@code timeout}: the longest any caller waits for its work (see {@link EngineThreads}). */
    public KeycloakSamlEngine(int threads, java.time.Duration timeout) {
        this.threads = new EngineThreads(threads, timeout);
        KeycloakXmlSecurity xmlSecurity = new KeycloakXmlSecurity();
        this.responses = new ResponseValidation(xmlSecurity);
        this.logouts = new LogoutValidation(xmlSecurity);
        this.threads.build(() -> {
            bootstrap();
            return null;
        });
    }

    /**
     * Keycloak's class initialisation sets JVM-wide system properties. One of them names Xerces' SchemaFactory, which is
     * not on our class path: left in place it breaks every {@code SchemaFactory.newInstance(W3C_XML_SCHEMA)} in the
     * server. We undo that one when we were the ones who caused it.
     */
    private static synchronized void bootstrap() {
        String before = System.getProperty(SCHEMA_FACTORY_PROPERTY);
        SystemPropertiesUtil.ensure();
        org.apache.xml.security.Init.init();
        if (before == null && XERCES_SCHEMA_FACTORY.equals(System.getProperty(SCHEMA_FACTORY_PROPERTY))) {
            try {
                Class.forName(XERCES_SCHEMA_FACTORY, false, KeycloakSamlEngine.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                System.clearProperty(SCHEMA_FACTORY_PROPERTY);
            }
        }
    }

    // ---------------------------------------------------------------- sign-in

    @Override
    public SamlRedirect authnRequest(AuthnRequestSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return threads.build(() -> {
            SAML2AuthnRequestBuilder b = new SAML2AuthnRequestBuilder()
                    .destination(spec.idpSsoUrl())
                    .issuer(spec.spEntityId())
                    .assertionConsumerUrl(spec.acsUrl())
                    .protocolBinding(Saml.BINDING_POST)
                    .forceAuthn(spec.forceAuthn())
                    .nameIdPolicy(SAML2NameIDPolicyBuilder.format(spec.nameIdFormat().uri()).setAllowCreate(Boolean.TRUE));
            Document doc = b.toDocument();
            if (Dom.count(doc, Saml.ASSERTION_NS, "Subject") != 0) {
                throw new IllegalStateException("AuthnRequest must not contain a Subject");
            }
            String id = doc.getDocumentElement().getAttribute("ID");
            URI url = redirectBinding(spec.signingKey(), spec.relayState())
                    .redirectBinding(doc).requestURI(spec.idpSsoUrl());
            return new SamlRedirect(id, url);
        });
    }

    @Override
    public ValidatedAssertion validate(String samlResponseBase64, ResponseExpectations expectations) throws SamlValidationException {
        Objects.requireNonNull(expectations, "expectations");
        ResponseValidation.CheckedResponse checked = threads.validate(() -> responses.check(samlResponseBase64, expectations));
        // one-time use on the caller's thread: a shared replay store (the database) needs the caller's container context
        return responses.recordUse(checked, expectations);
    }

    // ---------------------------------------------------------------- metadata

    @Override
    public String spMetadata(SpMetadataSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return threads.build(() -> {
            SpCredentials creds = spec.credentials();
            KeyDescriptorType signing = SPMetadataDescriptor.buildKeyDescriptorType(
                    SPMetadataDescriptor.buildKeyInfoElement(null, Pem.base64Der(creds.certificate())), KeyTypes.SIGNING, (String[]) null);
            // a separate key pair for encryption: decryption never uses the signing key
            List<KeyDescriptorType> encryption = new ArrayList<>();
            if (spec.encryptionCertificate() != null) {
                encryption.add(SPMetadataDescriptor.buildKeyDescriptorType(SPMetadataDescriptor.buildKeyInfoElement(null,
                        Pem.base64Der(spec.encryptionCertificate())), KeyTypes.ENCRYPTION, (String[]) null));
            }
            List<EndpointType> slo = spec.sloUrl() == null ? List.of()
                    : List.of(new EndpointType(URI.create(Saml.BINDING_REDIRECT), URI.create(spec.sloUrl())));
            // Keycloak only emits the KeyDescriptors when these flags are true; AuthnRequestsSigned is fixed below.
            EntityDescriptorType ed = SPMetadataDescriptor.buildSPDescriptor(
                    List.of(new EndpointType(URI.create(Saml.BINDING_POST), URI.create(spec.acsUrl()))), slo,
                    true, true, true, spec.entityId(), spec.nameIdFormat().uri(), List.of(signing), encryption);
            Document doc = SecureXml.parseTrusted(SAMLMetadataUtil.writeEntityDescriptorType(ed));
            Element sp = (Element) doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "SPSSODescriptor").item(0);
            sp.setAttribute("AuthnRequestsSigned", String.valueOf(spec.authnRequestsSigned()));

            SAML2Signature signer = new SAML2Signature();
            signer.setSignatureMethod(SignatureAlgorithm.RSA_SHA256.getXmlSignatureMethod());
            signer.setDigestMethod(SignatureAlgorithm.RSA_SHA256.getXmlSignatureDigestMethod());
            signer.setX509Certificate(creds.certificate());
            signer.setNextSibling(doc.getDocumentElement().getFirstChild());
            signer.signSAMLDocument(doc, null, creds.keyPair(), "http://www.w3.org/2001/10/xml-exc-c14n#");
            return DocumentUtil.getDocumentAsString(doc);
        });
    }

    // ---------------------------------------------------------------- logout

    @Override
    public SamlRedirect logoutRequest(LogoutRequestSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return threads.build(() -> {
            NameIDType nameId = new NameIDType();
            nameId.setValue(spec.nameId());
            if (spec.nameIdFormat() != null) {
                nameId.setFormat(URI.create(spec.nameIdFormat()));
            }
            SAML2LogoutRequestBuilder b = new SAML2LogoutRequestBuilder()
                    .destination(spec.idpSloUrl())
                    .issuer(spec.spEntityId())
                    .nameId(nameId);
            if (spec.sessionIndex() != null) {
                b.sessionIndex(spec.sessionIndex());
            }
            Document doc = b.buildDocument();
            String id = doc.getDocumentElement().getAttribute("ID");
            URI url = redirectBinding(spec.signingKey(), spec.relayState())
                    .redirectBinding(doc).requestURI(spec.idpSloUrl());
            return new SamlRedirect(id, url);
        });
    }

    @Override
    public ValidatedLogoutResponse validateLogoutResponse(IncomingSamlMessage message, LogoutExpectations expectations)
            throws SamlValidationException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expectations, "expectations");
        return threads.validate(() -> logouts.validateResponse(message, expectations));
    }

    @Override
    public ValidatedLogoutRequest validateLogoutRequest(IncomingSamlMessage message, LogoutExpectations expectations)
            throws SamlValidationException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expectations, "expectations");
        return threads.validate(() -> logouts.validateRequest(message, expectations));
    }

    @Override
    public SamlRedirect logoutResponse(LogoutResponseSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return threads.build(() -> {
            Document doc = new SAML2LogoutResponseBuilder()
                    .logoutRequestID(spec.inResponseTo())
                    .destination(spec.idpSloUrl())
                    .issuer(spec.spEntityId())
                    .buildDocument();
            if (!spec.success()) {
                Element code = (Element) doc.getElementsByTagNameNS(Saml.PROTOCOL_NS, "StatusCode").item(0);
                code.setAttribute("Value", Saml.STATUS_RESPONDER);
            }
            String id = doc.getDocumentElement().getAttribute("ID");
            URI url = redirectBinding(spec.signingKey(), spec.relayState())
                    .redirectBinding(doc).responseURI(spec.idpSloUrl());
            return new SamlRedirect(id, url);
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static BaseSAML2BindingBuilder redirectBinding(SpCredentials signingKey, String relayState) {
        BaseSAML2BindingBuilder b = new BaseSAML2BindingBuilder();
        if (relayState != null) {
            b.relayState(relayState);
        }
        if (signingKey != null) {
            // redirect binding: the query string is signed (SAML bindings 3.4.4.1), not the XML; Keycloak's default is SHA-1
            b.signWith(null, signingKey.keyPair(), signingKey.certificate())
                    .signatureAlgorithm(SignatureAlgorithm.RSA_SHA256)
                    .signDocument();
        }
        return b;
    }

    @Override
    public void close() {
        threads.close();
    }
}
