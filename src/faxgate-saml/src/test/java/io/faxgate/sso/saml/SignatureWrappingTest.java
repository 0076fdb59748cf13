package io.faxgate.sso.saml;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;

/**
 * XML signature wrapping (XSW) variants from Somorovsky et al., "On Breaking SAML" (2012), built on a genuinely
 * signed Entra-style response. In each, a valid signature still verifies somewhere in the document while an
 * attacker-chosen assertion sits where a naive reader looks.
 */
class SignatureWrappingTest extends EngineTestBase {

    private static final String A = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String P = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    /** An unsigned copy of the signed assertion with the attacker's identity and a fresh ID. */
    private static Element evilCopy(Document doc, Element signed, String id) {
        Element evil = (Element) signed.cloneNode(true);
        evil.setAttribute("ID", id);
        Node sig = evil.getElementsByTagNameNS(DS, "Signature").item(0);
        if (sig != null) {
            evil.removeChild(sig);
        }
        evil.getElementsByTagNameNS(A, "NameID").item(0).setTextContent("admin@contoso.com");
        return evil;
    }

    private static Element extensions(Document doc) {
        Element response = doc.getDocumentElement();
        Element ext = doc.createElementNS(P, "samlp:Extensions");
        response.insertBefore(ext, firstChildAfterIssuer(response));
        return ext;
    }

    @Test
    void evilAssertionAddedAfterTheSignedOne() {
        Document doc = response().document();
        Element signed = assertionOf(doc);
        doc.getDocumentElement().appendChild(evilCopy(doc, signed, "_evil"));
        refused(encode(doc), SamlFailure.MULTIPLE_ASSERTIONS);
    }

    @Test
    void evilAssertionInsertedBeforeTheSignedOne() {
        Document doc = response().document();
        Element signed = assertionOf(doc);
        doc.getDocumentElement().insertBefore(evilCopy(doc, signed, "_evil"), signed);
        refused(encode(doc), SamlFailure.MULTIPLE_ASSERTIONS);
    }

    @Test
    void signedAssertionHiddenInExtensionsEvilOneOnTop() {
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element evil = evilCopy(doc, signed, "_evil");
        doc.getDocumentElement().replaceChild(evil, signed);
        extensions(doc).appendChild(signed);
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void signedAssertionHiddenInAdviceOfTheEvilOne() {
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element evil = evilCopy(doc, signed, "_evil");
        doc.getDocumentElement().replaceChild(evil, signed);
        Element conditions = (Element) evil.getElementsByTagNameNS(A, "Conditions").item(0);
        Element advice = doc.createElementNS(A, "saml:Advice");
        evil.insertBefore(advice, conditions.getNextSibling());
        advice.appendChild(signed);
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void evilAssertionReusesTheSignedId() {
        // duplicate ID: a reference "#id" could resolve to either element
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element evil = evilCopy(doc, signed, signed.getAttribute("ID"));
        doc.getDocumentElement().replaceChild(evil, signed);
        extensions(doc).appendChild(signed);
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void evilAssertionReusesTheResponseId() {
        Document doc = response().set(r -> {
            r.signAssertion = false;
            r.signResponse = true;
        }).document();
        Element signed = assertionOf(doc);
        signed.setAttribute("ID", doc.getDocumentElement().getAttribute("ID"));
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void responseSignatureWhoseReferencePointsToTheAssertion() {
        // a valid signature over the assertion is moved up to look like a Response signature; the Response
        // (Destination, InResponseTo, Status...) is then not covered by anything
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element sig = (Element) signed.getElementsByTagNameNS(DS, "Signature").item(0);
        signed.removeChild(sig);
        doc.getDocumentElement().insertBefore(sig, firstChildAfterIssuer(doc.getDocumentElement()));
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void signatureCopiedOntoAnEvilAssertion() {
        // same ID, same Signature element, different content: the digest no longer matches
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element evil = (Element) signed.cloneNode(true);
        evil.getElementsByTagNameNS(A, "NameID").item(0).setTextContent("admin@contoso.com");
        doc.getDocumentElement().replaceChild(evil, signed);
        refused(encode(doc), SamlFailure.SIGNATURE_INVALID);
    }

    @Test
    void signedAssertionInsideTheSignatureObjectOfTheEvilOne() {
        // XSW-7/8 style: evil assertion carries the original Signature, the original assertion sits in ds:Object
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element sig = (Element) signed.getElementsByTagNameNS(DS, "Signature").item(0);
        Element evil = evilCopy(doc, signed, "_evil");
        doc.getDocumentElement().replaceChild(evil, signed);
        signed.removeChild(sig);
        Element object = doc.createElementNS(DS, "ds:Object");
        sig.appendChild(object);
        object.appendChild(signed);
        evil.insertBefore(sig, firstChildAfterIssuer(evil));
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void objectInsideTheSignatureRepeatingTheSignedId() {
        // the enveloped transform leaves the Signature out of the digest, so content added inside it keeps the
        // signature valid; an Object whose Id repeats the assertion's ID must not become what the Reference resolves to
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element sig = (Element) signed.getElementsByTagNameNS(DS, "Signature").item(0);
        Element object = doc.createElementNS(DS, "ds:Object");
        object.setAttribute("Id", signed.getAttribute("ID"));
        object.appendChild(doc.createElementNS(A, "saml:AttributeValue")).setTextContent("admin@contoso.com");
        sig.appendChild(object);
        refused(encode(doc), SamlFailure.SIGNATURE_INVALID);
    }

    @Test
    void signatureValueFromAnotherGenuineResponseIsRefused() {
        // both responses are genuinely signed by the IdP; the second one's SignatureValue on the first one's SignedInfo
        Document doc = response().document();
        Document other = response().set(r -> r.nameId = "someone.else@contoso.com").document();
        Element value = (Element) assertionOf(doc).getElementsByTagNameNS(DS, "SignatureValue").item(0);
        Element otherValue = (Element) assertionOf(other).getElementsByTagNameNS(DS, "SignatureValue").item(0);
        value.setTextContent(otherValue.getTextContent());
        refused(encode(doc), SamlFailure.SIGNATURE_INVALID);
    }

    @Test
    void signedResponseWrappedInsideAnEvilResponse() {
        // XSW-1 style on a response-signed message: the genuine signed Response goes into the Extensions of a forged one
        Document original = response().set(r -> {
            r.signAssertion = false;
            r.signResponse = true;
        }).document();
        Document doc = response().set(r -> {
            r.signAssertion = false;
            r.nameId = "admin@contoso.com";
        }).document();
        Node imported = doc.importNode(original.getDocumentElement(), true);
        extensions(doc).appendChild(imported);
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void genuineResponseSignatureCopiedOntoAForgedResponse() {
        // forged Response carrying the genuine Response's signature (Reference = genuine Response ID)
        Document original = response().set(r -> {
            r.signAssertion = false;
            r.signResponse = true;
        }).document();
        Document doc = response().set(r -> {
            r.signAssertion = false;
            r.nameId = "admin@contoso.com";
        }).document();
        Element sig = (Element) original.getElementsByTagNameNS(DS, "Signature").item(0);
        doc.getDocumentElement().insertBefore(doc.importNode(sig, true), firstChildAfterIssuer(doc.getDocumentElement()));
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void forgedResponseWithTheGenuineIdAndSignature() {
        Document original = response().set(r -> {
            r.signAssertion = false;
            r.signResponse = true;
        }).document();
        String genuineId = original.getDocumentElement().getAttribute("ID");
        Document doc = response().set(r -> {
            r.signAssertion = false;
            r.nameId = "admin@contoso.com";
            r.responseId = genuineId;
        }).document();
        Element sig = (Element) original.getElementsByTagNameNS(DS, "Signature").item(0);
        doc.getDocumentElement().insertBefore(doc.importNode(sig, true), firstChildAfterIssuer(doc.getDocumentElement()));
        refused(encode(doc), SamlFailure.SIGNATURE_INVALID);
    }

    @Test
    void twoSignaturesOnTheAssertion() {
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element sig = (Element) signed.getElementsByTagNameNS(DS, "Signature").item(0);
        signed.insertBefore(sig.cloneNode(true), sig);
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void referenceToTheWholeDocumentIsNotAccepted() {
        // URI="" would cover the document root, not the assertion it is enveloped in
        Document doc = response().document();
        Element ref = (Element) doc.getElementsByTagNameNS(DS, "Reference").item(0);
        ref.setAttribute("URI", "");
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void xpathTransformIsNotAccepted() {
        Document doc = response().document();
        Element transforms = (Element) doc.getElementsByTagNameNS(DS, "Transforms").item(0);
        Element t = doc.createElementNS(DS, "ds:Transform");
        t.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
        transforms.appendChild(t);
        refused(encode(doc), SamlFailure.SIGNATURE_INVALID);
    }

    @Test
    void unsignedEvilAssertionWithSignedOneOnlyInAnotherNamespaceWrapper() {
        // the signed assertion moved under an unknown element inside the evil assertion's Subject
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element evil = evilCopy(doc, signed, "_evil");
        doc.getDocumentElement().replaceChild(evil, signed);
        Element wrapper = doc.createElementNS("urn:attacker", "x:Wrapper");
        evil.getElementsByTagNameNS(A, "Subject").item(0).appendChild(wrapper);
        wrapper.appendChild(signed);
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    @Test
    void duplicateIdOnANoNamespaceElement() {
        Document doc = response().document();
        Element signed = assertionOf(doc);
        Element junk = doc.createElementNS(null, "Junk");
        junk.setAttribute("ID", signed.getAttribute("ID"));
        doc.getDocumentElement().appendChild(junk);
        refused(encode(doc), SamlFailure.SIGNATURE_WRAPPING);
    }

    // ------------------------------------------------------------------ unsolicited made to look solicited (issue 11, item 6)

    @Test
    void unsignedResponseInResponseToCannotMakeAnIdpInitiatedAssertionSolicited() {
        // an IdP-initiated assertion (signed, no InResponseTo in its confirmation) wrapped by the attacker in a Response
        // that names a request id from the attacker's own session: only the Assertion is signed
        refused(response().set(r -> {
            r.inResponseTo = REQUEST_ID;
            r.scdInResponseTo = null;
        }), SamlFailure.IDP_INITIATED_NOT_ALLOWED);
    }

    @Test
    void withIdpInitiatedAllowedTheUnsignedInResponseToIsStillNotTrusted() throws Exception {
        ValidatedAssertion a = accept(response().set(r -> {
            r.inResponseTo = REQUEST_ID;
            r.scdInResponseTo = null;
        }).encoded(), expectations().allowIdpInitiated(true));
        org.assertj.core.api.Assertions.assertThat(a.inResponseTo()).as("treated as unsolicited").isEmpty();
    }

    @Test
    void signedResponseInResponseToMakesItSolicited() throws Exception {
        ValidatedAssertion a = accept(response().set(r -> {
            r.signResponse = true;
            r.scdInResponseTo = null;
        }));
        org.assertj.core.api.Assertions.assertThat(a.inResponseTo()).contains(REQUEST_ID);
    }

    @Test
    void signedResponseWithARequestIdNotOfThisSessionIsRefused() {
        refused(response().set(r -> {
            r.signResponse = true;
            r.inResponseTo = "ID_of-another-session";
            r.scdInResponseTo = null;
        }), SamlFailure.IN_RESPONSE_TO_UNKNOWN);
    }
}
