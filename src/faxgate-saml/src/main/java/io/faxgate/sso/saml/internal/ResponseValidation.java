package io.faxgate.sso.saml.internal;

import io.faxgate.sso.saml.ReplayCache;
import io.faxgate.sso.saml.ResponseExpectations;
import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;
import io.faxgate.sso.saml.SignInTrace;
import io.faxgate.sso.saml.SignInTrace.Check;
import io.faxgate.sso.saml.ValidatedAssertion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every rule a SAML Response must pass, in a fixed order, engine-independent: the engine only supplies crypto
 * ({@link XmlSecurity}). Internal; the public entry is {@link io.faxgate.sso.saml.SamlResponseValidator}.
 */
public final class ResponseValidation {

    private static final Set<String> KNOWN_CONDITIONS = Set.of("AudienceRestriction", "OneTimeUse", "ProxyRestriction");

    private final XmlSecurity xmlSecurity;

    public ResponseValidation(XmlSecurity xmlSecurity) {
        this.xmlSecurity = xmlSecurity;
    }

    /**
     * A response that passed every rule but one-time use: what {@link #recordUse} needs. The engine checks on its own
     * threads and records on the caller's (a shared replay store may need the caller's container context).
     */
    public record CheckedResponse(ValidatedAssertion assertion, String replayKey, Instant keepUntil, Instant checkedAt) {
    }

    /** All rules, one-time use included. */
    public ValidatedAssertion validate(String samlResponseBase64, ResponseExpectations exp) throws SamlValidationException {
        return recordUse(check(samlResponseBase64, exp), exp);
    }

    /** Every rule except one-time use (steps 1-17); each step reported to the expectations' trace, if any. */
    public CheckedResponse check(String samlResponseBase64, ResponseExpectations exp) throws SamlValidationException {
        SignInTrace trace = exp.trace().orElse(null);
        try {
            return checkSteps(samlResponseBase64, exp, trace);
        } catch (SamlValidationException e) {
            if (trace != null) {
                trace.fail(e);
            }
            throw e;
        }
    }

    private static void step(SignInTrace trace, Check check) {
        if (trace != null) {
            trace.begin(check);
        }
    }

    /**
     * What the assertion says, read for the trace before the checks decide whether to believe it (the debugger
     * shows it as "not verified" unless every check passed). Best effort: a malformed part is left out.
     */
    private static void arrived(SignInTrace trace, Element response, Element assertion) {
        if (trace == null || !Dom.is(assertion, Saml.ASSERTION_NS, "Assertion")) {
            return;
        }
        try {
            Element issuer = Dom.optionalChild(assertion, Saml.ASSERTION_NS, "Issuer");
            Element conditions = Dom.optionalChild(assertion, Saml.ASSERTION_NS, "Conditions");
            List<String> audiences = new ArrayList<>();
            Instant notBefore = null;
            Instant notOnOrAfter = null;
            if (conditions != null) {
                for (Element restriction : Dom.children(conditions, Saml.ASSERTION_NS, "AudienceRestriction")) {
                    for (Element a : Dom.children(restriction, Saml.ASSERTION_NS, "Audience")) {
                        audiences.add(SamlValidationException.clip(Dom.text(a)));
                    }
                }
                notBefore = Dom.instant(conditions, "NotBefore");
                notOnOrAfter = Dom.instant(conditions, "NotOnOrAfter");
            }
            Element subject = Dom.optionalChild(assertion, Saml.ASSERTION_NS, "Subject");
            Element nameId = subject == null ? null : Dom.optionalChild(subject, Saml.ASSERTION_NS, "NameID");
            trace.arrived(issuer == null ? null : SamlValidationException.clip(Dom.text(issuer)), audiences,
                    nameId == null ? null : SamlValidationException.clip(Dom.text(nameId)), notBefore, notOnOrAfter,
                    Dom.attr(response, "InResponseTo"), readAttributes(assertion));
        } catch (SamlValidationException | RuntimeException unreadable) {
            // the checks name what is wrong with it
        }
    }

    private CheckedResponse checkSteps(String samlResponseBase64, ResponseExpectations exp, SignInTrace trace)
            throws SamlValidationException {
        step(trace, Check.MESSAGE);
        Instant now = exp.clock().instant();
        Duration skew = exp.clockSkew();

        // 1-2. size, encoding, hardened parse
        byte[] xml = Codec.base64(samlResponseBase64, exp.maxXmlBytes());
        Document doc = SecureXml.parse(xml, exp.maxXmlBytes());

        // 3. shape
        Element response = doc.getDocumentElement();
        if (!Dom.is(response, Saml.PROTOCOL_NS, "Response")) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "root element is not samlp:Response");
        }
        Dom.requireVersion2(response);

        // 4. IDs: unique, registered (the only way a Reference can resolve)
        Dom.registerIds(doc);
        requireBoundedId(response, "Response");

        // 5. status
        step(trace, Check.STATUS);
        checkStatus(response);

        // 6-7. exactly one assertion, directly in the Response, and no assertion anywhere else
        step(trace, Check.ASSERTION);
        List<Element> direct = new ArrayList<>(Dom.children(response, Saml.ASSERTION_NS, "Assertion"));
        direct.addAll(Dom.children(response, Saml.ASSERTION_NS, "EncryptedAssertion"));
        if (direct.isEmpty()) {
            throw new SamlValidationException(SamlFailure.NO_ASSERTION, "the Response contains no Assertion");
        }
        if (direct.size() > 1) {
            throw new SamlValidationException(SamlFailure.MULTIPLE_ASSERTIONS, "the Response contains " + direct.size() + " assertions");
        }
        requireNoOtherAssertions(doc);
        arrived(trace, response, direct.get(0));

        // 8. response signature (before decryption: it covers the EncryptedAssertion)
        step(trace, Check.SIGNATURE);
        Element responseSignature = signatureOf(response);
        if (responseSignature != null) {
            signedBy(trace, SignatureRules.verifyEnveloped(response, responseSignature, exp.trustedCertificates(),
                    exp.allowSha1(), xmlSecurity));
        }

        // 9. decryption
        Element assertion = direct.get(0);
        if (Dom.is(assertion, Saml.ASSERTION_NS, "EncryptedAssertion")) {
            step(trace, Check.DECRYPTION);
            if (exp.decryptionKey().isEmpty()) {
                throw new SamlValidationException(SamlFailure.DECRYPTION_FAILED, "encrypted assertion but no SP decryption key configured");
            }
            EncryptionAlgorithms.check(assertion, exp.allowAesCbc());
            Element plain = xmlSecurity.decryptAssertion(assertion, exp.decryptionKey().get());
            if (!Dom.is(plain, Saml.ASSERTION_NS, "Assertion")) {
                throw new SamlValidationException(SamlFailure.DECRYPTION_FAILED, "EncryptedAssertion did not contain an Assertion");
            }
            Element imported = (Element) doc.importNode(plain, true);
            response.replaceChild(imported, assertion);
            assertion = imported;
            Dom.registerIds(doc);
            requireNoOtherAssertions(doc);
            arrived(trace, response, assertion);
            step(trace, Check.SIGNATURE);
        }
        Dom.requireVersion2(assertion);
        String assertionId = requireBoundedId(assertion, "Assertion");

        // 10. assertion signature; at least one of the two signatures
        Element assertionSignature = signatureOf(assertion);
        if (assertionSignature == null && responseSignature == null) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_MISSING, "neither the Assertion nor the Response is signed");
        }
        if (assertionSignature != null) {
            signedBy(trace, SignatureRules.verifyEnveloped(assertion, assertionSignature, exp.trustedCertificates(),
                    exp.allowSha1(), xmlSecurity));
        }

        // 11. issuers
        step(trace, Check.ISSUER);
        Element responseIssuer = Dom.optionalChild(response, Saml.ASSERTION_NS, "Issuer");
        if (responseIssuer != null) {
            requireIssuer(responseIssuer, exp.expectedIssuer(), "Response");
        }
        String issuer = requireIssuer(Dom.requiredChild(assertion, Saml.ASSERTION_NS, "Issuer", SamlFailure.ISSUER_MISMATCH),
                exp.expectedIssuer(), "Assertion");

        // 12. destination
        step(trace, Check.DESTINATION);
        String destination = Dom.attr(response, "Destination");
        if (!exp.acsUrl().equals(destination)) {
            throw new SamlValidationException(SamlFailure.DESTINATION_MISMATCH,
                    "Response Destination " + destination + " is not our ACS URL " + exp.acsUrl());
        }

        // 13. conditions: time window and audience
        step(trace, Check.VALIDITY);
        Element conditions = Dom.requiredChild(assertion, Saml.ASSERTION_NS, "Conditions", SamlFailure.AUDIENCE_MISMATCH);
        Instant notBefore = Dom.instant(conditions, "NotBefore");
        Instant notOnOrAfter = Dom.instant(conditions, "NotOnOrAfter");
        checkWindow(notBefore, notOnOrAfter, now, skew, "Conditions");
        step(trace, Check.AUDIENCE);
        checkConditions(conditions, exp.audience());

        // 14. subject: NameID and a valid bearer confirmation
        step(trace, Check.SUBJECT);
        Element subject = Dom.requiredChild(assertion, Saml.ASSERTION_NS, "Subject", SamlFailure.NO_NAME_ID);
        Element nameIdElement = Dom.optionalChild(subject, Saml.ASSERTION_NS, "NameID");
        if (nameIdElement == null) {
            throw new SamlValidationException(SamlFailure.NO_NAME_ID, "Subject has no NameID (EncryptedID/BaseID not supported)");
        }
        String nameId = Dom.text(nameIdElement);
        if (nameId.isEmpty()) {
            throw new SamlValidationException(SamlFailure.NO_NAME_ID, "NameID is empty");
        }
        String responseInResponseTo = Dom.attr(response, "InResponseTo");
        Confirmation confirmation = checkBearer(subject, exp, now, skew, responseInResponseTo);

        // 15. InResponseTo / IdP-initiated. Only signed content may make a response solicited: the Response's own
        // InResponseTo counts only under a Response signature; with only the Assertion signed it is the bearer
        // confirmation's (an attacker could otherwise wrap an IdP-initiated assertion with a request id of their own).
        step(trace, Check.IN_RESPONSE_TO);
        String inResponseTo = responseSignature != null && responseInResponseTo != null ? responseInResponseTo
                : confirmation.inResponseTo;
        if (inResponseTo == null) {
            if (!exp.allowIdpInitiated()) {
                throw new SamlValidationException(SamlFailure.IDP_INITIATED_NOT_ALLOWED,
                        "unsolicited Response (no InResponseTo) and IdP-initiated sign-in is not allowed");
            }
        } else if (!exp.outstandingRequestIds().contains(inResponseTo)) {
            throw new SamlValidationException(SamlFailure.IN_RESPONSE_TO_UNKNOWN, "InResponseTo " + inResponseTo + " is not a request we sent");
        }

        // 16. authentication statement
        step(trace, Check.AUTHN_STATEMENT);
        List<Element> authnStatements = Dom.children(assertion, Saml.ASSERTION_NS, "AuthnStatement");
        if (authnStatements.isEmpty()) {
            throw new SamlValidationException(SamlFailure.NO_AUTHN_STATEMENT, "the Assertion has no AuthnStatement");
        }
        Element authn = authnStatements.get(0);
        Instant sessionNotOnOrAfter = Dom.instant(authn, "SessionNotOnOrAfter");
        if (sessionNotOnOrAfter != null && !now.minus(skew).isBefore(sessionNotOnOrAfter)) {
            throw new SamlValidationException(SamlFailure.EXPIRED, "AuthnStatement SessionNotOnOrAfter has passed");
        }
        String sessionIndex = Dom.attr(authn, "SessionIndex");

        // 17. attributes
        Map<String, List<String>> attributes = readAttributes(assertion);

        // 18a. lifetime cap: accepted at most until IssueInstant + maxAssertionLifetime, however long the IdP says
        step(trace, Check.VALIDITY);
        Instant acceptedUntil = acceptedUntil(assertion, exp, now, skew, notOnOrAfter, confirmation.notOnOrAfter);
        if (trace != null) {
            trace.passCurrent();
        }

        ValidatedAssertion validated = new ValidatedAssertion(nameId, Dom.attr(nameIdElement, "Format"), assertionId, issuer,
                sessionIndex, notOnOrAfter, inResponseTo, sessionNotOnOrAfter, attributes);
        // the entry must outlive every instant at which the assertion is still accepted: until + skew, exactly
        return new CheckedResponse(validated, replayKey(issuer, assertionId), acceptedUntil.plus(skew), now);
    }

    /**
     * 18. One-time use, last, so that refused assertions do not fill the cache. Runs wherever the caller runs it; a
     * failing store is an engine error (fail closed), never an acceptance.
     */
    public ValidatedAssertion recordUse(CheckedResponse checked, ResponseExpectations exp) throws SamlValidationException {
        SignInTrace trace = exp.trace().orElse(null);
        step(trace, Check.ONE_TIME_USE);
        try {
            ValidatedAssertion used = oneTimeUse(checked, exp);
            if (trace != null) {
                trace.passCurrent();
            }
            return used;
        } catch (SamlValidationException e) {
            if (trace != null) {
                trace.fail(e);
            }
            throw e;
        }
    }

    private static void signedBy(SignInTrace trace, java.security.cert.X509Certificate certificate) {
        if (trace != null && certificate != null) {
            trace.signedBy(certificate);
        }
    }

    private static ValidatedAssertion oneTimeUse(CheckedResponse checked, ResponseExpectations exp) throws SamlValidationException {
        ReplayCache.Result r;
        try {
            r = exp.replayCache().markUsed(checked.replayKey(), checked.keepUntil(), checked.checkedAt());
        } catch (RuntimeException e) {
            throw new SamlValidationException(SamlFailure.ENGINE_ERROR, "replay cache unavailable", e);
        }
        if (r == ReplayCache.Result.REPLAYED) {
            throw new SamlValidationException(SamlFailure.REPLAYED, "assertion " + checked.assertion().assertionId() + " was already used");
        }
        if (r == ReplayCache.Result.FULL) {
            throw new SamlValidationException(SamlFailure.REPLAY_CACHE_FULL, "replay cache is full");
        }
        if (r != ReplayCache.Result.FIRST_USE) {
            throw new SamlValidationException(SamlFailure.ENGINE_ERROR, "replay cache gave no answer");
        }
        return checked.assertion();
    }

    /**
     * The end of the acceptance window: the earliest of Conditions NotOnOrAfter, the bearer confirmation's
     * NotOnOrAfter and IssueInstant + the lifetime cap. An IssueInstant in the future (beyond skew) is refused, so
     * the window can never reach further than now + skew + cap.
     */
    static Instant acceptedUntil(Element assertion, ResponseExpectations exp, Instant now, Duration skew,
                                 Instant conditionsNotOnOrAfter, Instant confirmationNotOnOrAfter) throws SamlValidationException {
        Instant issued = Dom.instant(assertion, "IssueInstant");
        if (issued == null) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "Assertion has no IssueInstant");
        }
        if (now.plus(skew).isBefore(issued)) {
            throw new SamlValidationException(SamlFailure.NOT_YET_VALID, "Assertion IssueInstant " + issued + " is in the future (now " + now + ")");
        }
        Instant capped = issued.plus(exp.maxAssertionLifetime());
        if (!now.minus(skew).isBefore(capped)) {
            throw new SamlValidationException(SamlFailure.EXPIRED, "Assertion issued at " + issued + " is older than the accepted lifetime "
                    + exp.maxAssertionLifetime());
        }
        Instant until = capped;
        if (confirmationNotOnOrAfter.isBefore(until)) {
            until = confirmationNotOnOrAfter;
        }
        if (conditionsNotOnOrAfter != null && conditionsNotOnOrAfter.isBefore(until)) {
            until = conditionsNotOnOrAfter;
        }
        return until;
    }

    /** SHA-256 (hex) of issuer and assertion ID: fixed size, and the store never holds an IdP-chosen string. */
    public static String replayKey(String issuer, String assertionId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(issuer.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(assertionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An element's ID: present and at most {@link ResponseExpectations#MAX_ID_LENGTH} characters. */
    private static String requireBoundedId(Element e, String what) throws SamlValidationException {
        String id = Dom.attr(e, "ID");
        if (id == null || id.isEmpty()) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, what + " has no ID");
        }
        if (id.length() > ResponseExpectations.MAX_ID_LENGTH) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, what + " ID is longer than "
                    + ResponseExpectations.MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    static void checkStatus(Element message) throws SamlValidationException {
        Element status = Dom.requiredChild(message, Saml.PROTOCOL_NS, "Status", SamlFailure.MALFORMED_XML);
        Element code = Dom.requiredChild(status, Saml.PROTOCOL_NS, "StatusCode", SamlFailure.MALFORMED_XML);
        String value = Dom.attr(code, "Value");
        if (!Saml.STATUS_SUCCESS.equals(value)) {
            Element sub = Dom.optionalChild(code, Saml.PROTOCOL_NS, "StatusCode");
            throw new SamlValidationException(SamlFailure.STATUS_NOT_SUCCESS,
                    "status " + value + (sub == null ? "" : " / " + Dom.attr(sub, "Value")));
        }
    }

    private static void requireNoOtherAssertions(Document doc) throws SamlValidationException {
        int total = Dom.count(doc, Saml.ASSERTION_NS, "Assertion") + Dom.count(doc, Saml.ASSERTION_NS, "EncryptedAssertion");
        if (total != 1) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_WRAPPING,
                    "assertions nested elsewhere in the message (" + total + " in total)");
        }
    }

    /** The single enveloped ds:Signature of an element, or null. Two is a wrapping attempt. */
    static Element signatureOf(Element e) throws SamlValidationException {
        List<Element> sigs = Dom.children(e, Saml.DSIG_NS, "Signature");
        if (sigs.size() > 1) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_WRAPPING, e.getLocalName() + " has " + sigs.size() + " signatures");
        }
        return sigs.isEmpty() ? null : sigs.get(0);
    }

    static String requireIssuer(Element issuer, String expected, String where) throws SamlValidationException {
        String value = Dom.text(issuer);
        if (!expected.equals(value)) {
            throw new SamlValidationException(SamlFailure.ISSUER_MISMATCH,
                    where + " Issuer " + value + " is not the expected " + expected);
        }
        return value;
    }

    static void checkWindow(Instant notBefore, Instant notOnOrAfter, Instant now, Duration skew, String where)
            throws SamlValidationException {
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            throw new SamlValidationException(SamlFailure.NOT_YET_VALID, where + " NotBefore " + notBefore + " is in the future (now " + now + ")");
        }
        if (notOnOrAfter != null && !now.minus(skew).isBefore(notOnOrAfter)) {
            throw new SamlValidationException(SamlFailure.EXPIRED, where + " NotOnOrAfter " + notOnOrAfter + " has passed (now " + now + ")");
        }
    }

    private static void checkConditions(Element conditions, String audience) throws SamlValidationException {
        int restrictions = 0;
        for (Element c : Dom.childElements(conditions)) {
            if (!Saml.ASSERTION_NS.equals(c.getNamespaceURI()) || !KNOWN_CONDITIONS.contains(c.getLocalName())) {
                throw new SamlValidationException(SamlFailure.CONDITION_UNSUPPORTED, "unknown condition " + c.getLocalName());
            }
            if (c.getLocalName().equals("AudienceRestriction")) {
                restrictions++;
                boolean match = false;
                for (Element a : Dom.children(c, Saml.ASSERTION_NS, "Audience")) {
                    match |= audience.equals(Dom.text(a));
                }
                if (!match) {
                    throw new SamlValidationException(SamlFailure.AUDIENCE_MISMATCH, "assertion is not meant for audience " + audience);
                }
            }
        }
        if (restrictions == 0) {
            throw new SamlValidationException(SamlFailure.AUDIENCE_MISMATCH, "assertion has no AudienceRestriction");
        }
    }

    private record Confirmation(Instant notOnOrAfter, String inResponseTo) {
    }

    /** One bearer SubjectConfirmation must be fully valid (SAML profiles 4.1.4.2); the first failure is reported. */
    private static Confirmation checkBearer(Element subject, ResponseExpectations exp, Instant now, Duration skew,
                                            String responseInResponseTo) throws SamlValidationException {
        SamlValidationException first = null;
        int bearers = 0;
        for (Element sc : Dom.children(subject, Saml.ASSERTION_NS, "SubjectConfirmation")) {
            if (!Saml.CM_BEARER.equals(Dom.attr(sc, "Method"))) {
                continue;
            }
            bearers++;
            try {
                Element data = Dom.requiredChild(sc, Saml.ASSERTION_NS, "SubjectConfirmationData", SamlFailure.SUBJECT_CONFIRMATION_INVALID);
                String recipient = Dom.attr(data, "Recipient");
                if (!exp.acsUrl().equals(recipient)) {
                    throw new SamlValidationException(SamlFailure.RECIPIENT_MISMATCH,
                            "SubjectConfirmationData Recipient " + recipient + " is not our ACS URL " + exp.acsUrl());
                }
                Instant notOnOrAfter = Dom.instant(data, "NotOnOrAfter");
                if (notOnOrAfter == null) {
                    throw new SamlValidationException(SamlFailure.SUBJECT_CONFIRMATION_INVALID, "bearer SubjectConfirmationData has no NotOnOrAfter");
                }
                checkWindow(Dom.instant(data, "NotBefore"), notOnOrAfter, now, skew, "SubjectConfirmationData");
                String irt = Dom.attr(data, "InResponseTo");
                if (irt != null && responseInResponseTo != null && !irt.equals(responseInResponseTo)) {
                    throw new SamlValidationException(SamlFailure.IN_RESPONSE_TO_UNKNOWN,
                            "SubjectConfirmationData InResponseTo differs from the Response's");
                }
                return new Confirmation(notOnOrAfter, irt);
            } catch (SamlValidationException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (bearers == 0) {
            throw new SamlValidationException(SamlFailure.SUBJECT_CONFIRMATION_INVALID, "no bearer SubjectConfirmation");
        }
        throw first;
    }

    private static Map<String, List<String>> readAttributes(Element assertion) throws SamlValidationException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element statement : Dom.children(assertion, Saml.ASSERTION_NS, "AttributeStatement")) {
            for (Element attribute : Dom.children(statement, Saml.ASSERTION_NS, "Attribute")) {
                String name = Dom.attr(attribute, "Name");
                if (name == null || name.isBlank()) {
                    throw new SamlValidationException(SamlFailure.MALFORMED_XML, "Attribute without Name");
                }
                List<String> values = out.computeIfAbsent(name, k -> new ArrayList<>());
                for (Element v : Dom.children(attribute, Saml.ASSERTION_NS, "AttributeValue")) {
                    if ("true".equals(v.getAttributeNS(Saml.XSI_NS, "nil"))) {
                        continue;
                    }
                    values.add(v.getTextContent().strip());
                }
            }
        }
        return out;
    }
}
