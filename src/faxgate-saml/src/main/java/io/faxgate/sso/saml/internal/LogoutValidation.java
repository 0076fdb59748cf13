package io.faxgate.sso.saml.internal;

import io.faxgate.sso.saml.IncomingSamlMessage;
import io.faxgate.sso.saml.LogoutExpectations;
import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;
import io.faxgate.sso.saml.ValidatedLogoutRequest;
import io.faxgate.sso.saml.ValidatedLogoutResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Rules for incoming LogoutRequest/LogoutResponse (HTTP-Redirect or HTTP-POST). Internal. */
public final class LogoutValidation {

    private final XmlSecurity xmlSecurity;

    public LogoutValidation(XmlSecurity xmlSecurity) {
        this.xmlSecurity = xmlSecurity;
    }

    public ValidatedLogoutRequest validateRequest(IncomingSamlMessage message, LogoutExpectations exp) throws SamlValidationException {
        Decoded d = decodeAndVerify(message, exp, "SAMLRequest", "LogoutRequest");
        Element root = d.root;
        Instant now = exp.clock().instant();
        ResponseValidation.checkWindow(null, Dom.instant(root, "NotOnOrAfter"), now, exp.clockSkew(), "LogoutRequest");
        Element nameIdElement = Dom.optionalChild(root, Saml.ASSERTION_NS, "NameID");
        if (nameIdElement == null) {
            throw new SamlValidationException(SamlFailure.NO_NAME_ID, "LogoutRequest has no NameID (EncryptedID/BaseID not supported)");
        }
        String nameId = Dom.text(nameIdElement);
        if (nameId.isEmpty()) {
            throw new SamlValidationException(SamlFailure.NO_NAME_ID, "NameID is empty");
        }
        List<String> sessionIndexes = new ArrayList<>();
        for (Element si : Dom.children(root, Saml.PROTOCOL_NS, "SessionIndex")) {
            sessionIndexes.add(Dom.text(si));
        }
        return new ValidatedLogoutRequest(Dom.attr(root, "ID"), d.issuer, nameId, Dom.attr(nameIdElement, "Format"),
                sessionIndexes, d.signed, d.relayState);
    }

    public ValidatedLogoutResponse validateResponse(IncomingSamlMessage message, LogoutExpectations exp) throws SamlValidationException {
        Decoded d = decodeAndVerify(message, exp, "SAMLResponse", "LogoutResponse");
        Element root = d.root;
        String inResponseTo = Dom.attr(root, "InResponseTo");
        if (inResponseTo == null || !exp.outstandingRequestIds().contains(inResponseTo)) {
            throw new SamlValidationException(SamlFailure.IN_RESPONSE_TO_UNKNOWN, "LogoutResponse InResponseTo " + inResponseTo + " is not a request we sent");
        }
        Element status = Dom.requiredChild(root, Saml.PROTOCOL_NS, "Status", SamlFailure.MALFORMED_XML);
        Element code = Dom.requiredChild(status, Saml.PROTOCOL_NS, "StatusCode", SamlFailure.MALFORMED_XML);
        String value = Dom.attr(code, "Value");
        return new ValidatedLogoutResponse(Dom.attr(root, "ID"), d.issuer, inResponseTo, value,
                Saml.STATUS_SUCCESS.equals(value), d.signed, d.relayState);
    }

    private record Decoded(Element root, String issuer, boolean signed, String relayState) {
    }

    private Decoded decodeAndVerify(IncomingSamlMessage message, LogoutExpectations exp, String param, String rootName)
            throws SamlValidationException {
        Document doc;
        boolean signed = false;
        String relayState;
        if (message.binding() == IncomingSamlMessage.Binding.REDIRECT) {
            Map<String, String> raw = rawParams(message.value(), exp.maxXmlBytes());
            String encoded = raw.get(param);
            if (encoded == null) {
                throw new SamlValidationException(SamlFailure.MALFORMED_XML, "query has no " + param);
            }
            byte[] deflated = Codec.base64(urlDecode(encoded), exp.maxXmlBytes());
            doc = SecureXml.parse(Codec.inflate(deflated, exp.maxXmlBytes()), exp.maxXmlBytes());
            relayState = raw.containsKey("RelayState") ? urlDecode(raw.get("RelayState")) : null;
            if (raw.containsKey("Signature")) {
                String sigAlgRaw = raw.get("SigAlg");
                if (sigAlgRaw == null) {
                    throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "Signature without SigAlg");
                }
                String sigAlg = urlDecode(sigAlgRaw);
                SignatureRules.checkSignatureAlgorithm(sigAlg, exp.allowSha1());
                // SAML bindings 3.4.4.1: the octets are the parameters exactly as received, in this order
                StringBuilder octets = new StringBuilder(param).append('=').append(encoded);
                if (raw.containsKey("RelayState")) {
                    octets.append("&RelayState=").append(raw.get("RelayState"));
                }
                octets.append("&SigAlg=").append(sigAlgRaw);
                byte[] signature;
                try {
                    signature = Base64.getMimeDecoder().decode(urlDecode(raw.get("Signature")));
                } catch (IllegalArgumentException e) {
                    throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "Signature is not base64");
                }
                if (!xmlSecurity.verifyRedirectSignature(sigAlg, octets.toString().getBytes(StandardCharsets.UTF_8), signature,
                        exp.trustedCertificates())) {
                    throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "redirect signature does not verify with a trusted certificate");
                }
                signed = true;
            }
        } else {
            doc = SecureXml.parse(Codec.base64(message.value(), exp.maxXmlBytes()), exp.maxXmlBytes());
            relayState = message.relayState().orElse(null);
        }
        Element root = doc.getDocumentElement();
        if (!Dom.is(root, Saml.PROTOCOL_NS, rootName)) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "root element is not samlp:" + rootName);
        }
        Dom.requireVersion2(root);
        Dom.registerIds(doc);
        if (Dom.count(doc, Saml.ASSERTION_NS, "Assertion") > 0) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_WRAPPING, rootName + " must not contain assertions");
        }
        if (message.binding() == IncomingSamlMessage.Binding.POST) {
            Element sig = ResponseValidation.signatureOf(root);
            if (sig != null) {
                SignatureRules.verifyEnveloped(root, sig, exp.trustedCertificates(), exp.allowSha1(), xmlSecurity);
                signed = true;
            }
        }
        if (!signed && exp.requireSignature()) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_MISSING, rootName + " is not signed");
        }
        String issuer = ResponseValidation.requireIssuer(
                Dom.requiredChild(root, Saml.ASSERTION_NS, "Issuer", SamlFailure.ISSUER_MISMATCH), exp.expectedIssuer(), rootName);
        String destination = Dom.attr(root, "Destination");
        if ((destination != null || signed) && !exp.sloUrl().equals(destination)) {
            throw new SamlValidationException(SamlFailure.DESTINATION_MISMATCH,
                    rootName + " Destination " + destination + " is not our SLO URL " + exp.sloUrl());
        }
        return new Decoded(root, issuer, signed, relayState);
    }

    private static Map<String, String> rawParams(String rawQuery, int maxBytes) throws SamlValidationException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "empty query");
        }
        if (rawQuery.length() > maxBytes * 2) {
            throw new SamlValidationException(SamlFailure.TOO_LARGE, "query is too long");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            if (out.put(k, v) != null && (k.startsWith("SAML") || k.equals("RelayState") || k.startsWith("Sig"))) {
                throw new SamlValidationException(SamlFailure.MALFORMED_XML, "parameter " + k + " appears twice");
            }
        }
        return out;
    }

    private static String urlDecode(String s) throws SamlValidationException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "bad URL encoding");
        }
    }
}
