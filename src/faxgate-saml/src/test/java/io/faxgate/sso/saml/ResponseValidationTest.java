package io.faxgate.sso.saml;

import io.faxgate.sso.saml.fixture.EntraIdp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The happy paths and one test per acceptance rule, each with the attack it stops. */
class ResponseValidationTest extends EngineTestBase {

    @Nested
    class Accepts {

        @Test
        void entraDefaultSignedAssertion() throws Exception {
            EntraIdp.ResponseBuilder r = response();
            ValidatedAssertion a = accept(r);

            assertThat(a.nameId()).isEqualTo(EMAIL);
            assertThat(a.nameIdFormat()).contains("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
            assertThat(a.issuer()).isEqualTo(ISSUER);
            assertThat(a.assertionId()).isEqualTo(r.assertionId);
            assertThat(a.sessionIndex()).contains(r.assertionId);
            assertThat(a.inResponseTo()).contains(REQUEST_ID);
            assertThat(a.notOnOrAfter()).contains(NOW.minusSeconds(5).plus(Duration.ofMinutes(70)));
            assertThat(a.firstAttribute(EntraClaims.OBJECT_ID)).contains(OBJECT_ID);
            assertThat(a.firstAttribute(EntraClaims.TENANT_ID)).contains(TENANT.toString());
            assertThat(a.firstAttribute(EntraClaims.EMAIL)).contains(EMAIL);
            assertThat(a.attribute(EntraClaims.GROUPS)).containsExactly("8d0b6f8e-aaaa-4bbb-8ccc-000000000001",
                    "8d0b6f8e-aaaa-4bbb-8ccc-000000000002", "8d0b6f8e-aaaa-4bbb-8ccc-000000000003");
            assertThat(a.attribute(EntraClaims.ROLE)).containsExactly("Fax.Operator");
            assertThat(a.attribute(EntraClaims.AUTHN_METHODS)).hasSize(2);
            assertThat(a.attributes()).containsOnlyKeys(entraClaims().keySet());
            assertThat(a.sessionNotOnOrAfter()).as("Entra sends none").isEmpty();
        }

        @Test
        void sessionNotOnOrAfterIsHandedToTheApplication() throws Exception {
            java.time.Instant end = java.time.Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            ValidatedAssertion a = accept(response().set(r -> r.sessionNotOnOrAfter = end));
            assertThat(a.sessionNotOnOrAfter()).contains(end);
        }

        @Test
        void responseSignedOnly() throws Exception {
            assertThat(accept(response().set(r -> {
                r.signAssertion = false;
                r.signResponse = true;
            })).nameId()).isEqualTo(EMAIL);
        }

        @Test
        void responseAndAssertionSigned() throws Exception {
            assertThat(accept(response().set(r -> r.signResponse = true)).nameId()).isEqualTo(EMAIL);
        }

        @Test
        void multiValuedClaimSentAsSeveralAttributeElements() throws Exception {
            ValidatedAssertion a = accept(response().set(r -> r.attributePerValue = true));
            assertThat(a.attribute(EntraClaims.GROUPS)).hasSize(3);
            assertThat(a.attribute(EntraClaims.AUTHN_METHODS)).hasSize(2);
        }

        @Test
        void secondaryCertificateDuringRotation() throws Exception {
            String signedByNext = response().set(r -> r.signingKey = IDP_NEXT).encoded();
            ValidatedAssertion a = accept(signedByNext,
                    expectations().trustedCertificates(List.of(IDP.certificate(), IDP_NEXT.certificate())));
            assertThat(a.nameId()).isEqualTo(EMAIL);
        }

        @Test
        void keyInfoIsIgnoredEvenWhenItNamesAnotherCertificate() throws Exception {
            // signed by the trusted key, KeyInfo carries some other certificate: verification uses configured keys only
            assertThat(accept(response().set(r -> r.keyInfoCertificate = ATTACKER.certificate())).nameId()).isEqualTo(EMAIL);
        }

        @Test
        void idpInitiatedWhenAllowed() throws Exception {
            String unsolicited = response().set(r -> {
                r.inResponseTo = null;
                r.scdInResponseTo = null;
            }).encoded();
            ValidatedAssertion a = accept(unsolicited, expectations().allowIdpInitiated(true));
            assertThat(a.inResponseTo()).isEmpty();
        }

        @Test
        void base64WithLineBreaks() throws Exception {
            String wrapped = response().encoded().replaceAll("(.{76})", "$1\r\n");
            assertThat(accept(wrapped, expectations()).nameId()).isEqualTo(EMAIL);
        }
    }

    @Nested
    class Signatures {

        @Test
        void unsignedResponseIsRefused() {
            refused(response().set(r -> r.signAssertion = false), SamlFailure.SIGNATURE_MISSING);
        }

        @Test
        void signedByAnotherKeyIsRefused() {
            refused(response().set(r -> r.signingKey = ATTACKER), SamlFailure.SIGNATURE_INVALID);
        }

        @Test
        void attackerCertificateEmbeddedInKeyInfoIsNotTrusted() {
            // attacker signs with his key and ships his certificate in KeyInfo (verifiers that trust KeyInfo accept this)
            refused(response().set(r -> {
                r.signingKey = ATTACKER;
                r.keyInfoCertificate = ATTACKER.certificate();
            }), SamlFailure.SIGNATURE_INVALID);
        }

        @Test
        void attackerSignatureClaimingTheTrustedCertificateInKeyInfoIsRefused() {
            refused(response().set(r -> {
                r.signingKey = ATTACKER;
                r.keyInfoCertificate = IDP.certificate();
            }), SamlFailure.SIGNATURE_INVALID);
        }

        @Test
        void nextCertificateNotConfiguredIsRefused() {
            refused(response().set(r -> r.signingKey = IDP_NEXT), SamlFailure.SIGNATURE_INVALID);
        }

        @Test
        void sha1IsRefusedByDefault() {
            refused(response().set(r -> r.sha1 = true), SamlFailure.WEAK_ALGORITHM);
        }

        @Test
        void sha1DigestUnderSha256SignatureIsRefusedByDefault() {
            refused(response().set(r -> r.sha1DigestOnly = true), SamlFailure.WEAK_ALGORITHM);
        }

        @Test
        void sha1IsAcceptedWithExplicitOptIn() throws Exception {
            String sha1 = response().set(r -> r.sha1 = true).encoded();
            assertThat(accept(sha1, expectations().allowSha1(true)).nameId()).isEqualTo(EMAIL);
        }

        @Test
        void sha1OptInStillVerifiesTheSignature() {
            String forged = response().set(r -> {
                r.sha1 = true;
                r.signingKey = ATTACKER;
            }).encoded();
            refused(forged, expectations().allowSha1(true), SamlFailure.SIGNATURE_INVALID);
        }

        @Test
        void tamperedAttributeValueAfterSigningIsRefused() {
            var doc = response().document();
            var groups = elements(doc, "urn:oasis:names:tc:SAML:2.0:assertion", "AttributeValue").stream()
                    .filter(e -> e.getTextContent().endsWith("000000000001")).findFirst().orElseThrow();
            groups.setTextContent("global-admins");
            refused(encode(doc), SamlFailure.SIGNATURE_INVALID);
        }

        @Test
        void tamperedNameIdAfterSigningIsRefused() {
            var doc = response().document();
            elements(doc, "urn:oasis:names:tc:SAML:2.0:assertion", "NameID").get(0).setTextContent("admin@contoso.com");
            refused(encode(doc), SamlFailure.SIGNATURE_INVALID);
        }

        @Test
        void tamperedResponseDestinationUnderResponseSignatureIsRefused() {
            var doc = response().set(r -> {
                r.signAssertion = false;
                r.signResponse = true;
            }).document();
            doc.getDocumentElement().setAttribute("InResponseTo", "ID_other");
            refused(encode(doc), SamlFailure.SIGNATURE_INVALID);
        }

        @Test
        void invalidResponseSignatureIsRefusedEvenIfTheAssertionSignatureIsValid() {
            var doc = response().set(r -> r.signResponse = true).document();
            doc.getDocumentElement().setAttribute("Consent", "urn:oasis:names:tc:SAML:2.0:consent:obtained");
            refused(encode(doc), SamlFailure.SIGNATURE_INVALID);
        }
    }

    @Nested
    class Conditions {

        @Test
        void wrongAssertionIssuer() {
            refused(response().set(r -> {
                r.assertionIssuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000000/";
                r.responseIssuer = null;
            }), SamlFailure.ISSUER_MISMATCH);
        }

        @Test
        void wrongResponseIssuer() {
            refused(response().set(r -> r.responseIssuer = "https://evil.example/"), SamlFailure.ISSUER_MISMATCH);
        }

        @Test
        void issuerWithoutTrailingSlashIsADifferentIssuer() {
            refused(response().set(r -> {
                r.assertionIssuer = ISSUER.substring(0, ISSUER.length() - 1);
                r.responseIssuer = null;
            }), SamlFailure.ISSUER_MISMATCH);
        }

        @Test
        void wrongAudience() {
            refused(response().set(r -> r.audience = "api://some-other-app"), SamlFailure.AUDIENCE_MISMATCH);
        }

        @Test
        void wrongDestination() {
            refused(response().set(r -> r.destination = "https://faxgate.example.com/sso/other-tenant/acs"),
                    SamlFailure.DESTINATION_MISMATCH);
        }

        @Test
        void missingDestination() {
            refused(response().set(r -> r.destination = null), SamlFailure.DESTINATION_MISMATCH);
        }

        @Test
        void wrongRecipient() {
            refused(response().set(r -> r.recipient = "https://evil.example/acs"), SamlFailure.RECIPIENT_MISMATCH);
        }

        @Test
        void expired() {
            String r = response().encoded();
            Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(80)), ZoneOffset.UTC);
            refused(r, expectations().clock(later), SamlFailure.EXPIRED);
        }

        @Test
        void notYetValid() {
            refused(response().set(r -> r.notBefore = NOW.plus(Duration.ofMinutes(10))), SamlFailure.NOT_YET_VALID);
        }

        @Test
        void subjectConfirmationExpiredAlone() {
            refused(response().set(r -> r.scdNotOnOrAfter = NOW.minus(Duration.ofMinutes(4))), SamlFailure.EXPIRED);
        }

        @Test
        void skewEdgeNotOnOrAfter() throws Exception {
            Duration skew = Duration.ofMinutes(3);
            // valid while now - skew < NotOnOrAfter
            Instant justInside = NOW.minus(skew).plusSeconds(1);
            accept(response().set(r -> {
                r.notOnOrAfter = justInside;
                r.scdNotOnOrAfter = justInside;
            }).encoded(), expectations().clockSkew(skew));
            Instant justOutside = NOW.minus(skew);
            refused(response().set(r -> {
                r.notOnOrAfter = justOutside;
                r.scdNotOnOrAfter = NOW.plusSeconds(600);
            }).encoded(), expectations().clockSkew(skew), SamlFailure.EXPIRED);
        }

        @Test
        void skewEdgeNotBefore() throws Exception {
            Duration skew = Duration.ofMinutes(3);
            accept(response().set(r -> r.notBefore = NOW.plus(skew)).encoded(), expectations().clockSkew(skew));
            refused(response().set(r -> r.notBefore = NOW.plus(skew).plusSeconds(1)).encoded(), expectations().clockSkew(skew),
                    SamlFailure.NOT_YET_VALID);
        }

        @Test
        void zeroSkewIsExact() {
            refused(response().set(r -> r.notBefore = NOW.plusSeconds(1)).encoded(), expectations().clockSkew(Duration.ZERO),
                    SamlFailure.NOT_YET_VALID);
        }

        @Test
        void replayOfTheSameResponse() throws Exception {
            String r = response().encoded();
            ReplayCache cache = new InMemoryReplayCache();
            accept(r, expectations().replayCache(cache));
            refused(r, expectations().replayCache(cache), SamlFailure.REPLAYED);
        }

        @Test
        void replayCacheFullFailsClosed() throws Exception {
            ReplayCache cache = new InMemoryReplayCache(1);
            accept(response().encoded(), expectations().replayCache(cache));
            refused(response().encoded(), expectations().replayCache(cache), SamlFailure.REPLAY_CACHE_FULL);
        }

        @Test
        void unknownInResponseTo() {
            refused(response().set(r -> {
                r.inResponseTo = "ID_not-ours";
                r.scdInResponseTo = "ID_not-ours";
            }), SamlFailure.IN_RESPONSE_TO_UNKNOWN);
        }

        @Test
        void inResponseToOnlyInSubjectConfirmationIsChecked() {
            refused(response().set(r -> {
                r.inResponseTo = null;
                r.scdInResponseTo = "ID_not-ours";
            }).encoded(), expectations().allowIdpInitiated(true), SamlFailure.IN_RESPONSE_TO_UNKNOWN);
        }

        @Test
        void subjectConfirmationInResponseToDiffersFromResponse() {
            refused(response().set(r -> r.scdInResponseTo = "ID_not-ours"), SamlFailure.IN_RESPONSE_TO_UNKNOWN);
        }

        @Test
        void idpInitiatedRefusedByDefault() {
            refused(response().set(r -> {
                r.inResponseTo = null;
                r.scdInResponseTo = null;
            }), SamlFailure.IDP_INITIATED_NOT_ALLOWED);
        }

        @Test
        void idpInitiatedAllowedStillRefusesAnUnknownRequestId() {
            refused(response().set(r -> {
                r.inResponseTo = "ID_forged";
                r.scdInResponseTo = "ID_forged";
            }).encoded(), expectations().allowIdpInitiated(true), SamlFailure.IN_RESPONSE_TO_UNKNOWN);
        }

        @Test
        void statusNotSuccess() {
            refused(response().set(r -> {
                r.statusCode = "urn:oasis:names:tc:SAML:2.0:status:Responder";
                r.subStatusCode = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
            }), SamlFailure.STATUS_NOT_SUCCESS);
        }

        @Test
        void statusRequestDeniedEvenWithAValidSignedAssertion() {
            refused(response().set(r -> r.statusCode = "urn:oasis:names:tc:SAML:2.0:status:RequestDenied"),
                    SamlFailure.STATUS_NOT_SUCCESS);
        }

        @Test
        void noAuthnStatement() {
            refused(response().set(r -> r.authnStatement = false), SamlFailure.NO_AUTHN_STATEMENT);
        }

        @Test
        void nonBearerConfirmation() {
            refused(response().set(r -> r.confirmationMethod = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"),
                    SamlFailure.SUBJECT_CONFIRMATION_INVALID);
        }

        @Test
        void bearerWithoutNotOnOrAfter() {
            refused(response().set(r -> r.scdNotOnOrAfter = null), SamlFailure.SUBJECT_CONFIRMATION_INVALID);
        }

        @Test
        void unknownConditionIsNotIgnored() {
            refused(response().set(r -> r.extraCondition =
                            "<Condition xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:x=\"urn:x\" xsi:type=\"x:Custom\"/>"),
                    SamlFailure.CONDITION_UNSUPPORTED);
        }
    }

    @Nested
    class NameIdComments {

        @Test
        void commentInsideNameIdDoesNotTruncateTheIdentity() throws Exception {
            // IdP signs "user@evil.com.attacker.com" (a name the attacker may register); he inserts a comment afterwards.
            // Exclusive c14n drops comments, so the signature still verifies; a reader of the first text node only
            // would see "user@evil.com".
            var doc = response().set(r -> r.nameId = "user@evil.com.attacker.com").document();
            var nameId = elements(doc, "urn:oasis:names:tc:SAML:2.0:assertion", "NameID").get(0);
            nameId.setTextContent("");
            nameId.appendChild(doc.createTextNode("user@evil.com"));
            nameId.appendChild(doc.createComment(""));
            nameId.appendChild(doc.createTextNode(".attacker.com"));
            String xml = toXml(doc);
            assertThat(xml).contains("user@evil.com<!---->.attacker.com");

            ValidatedAssertion a = accept(b64(xml), expectations());
            assertThat(a.nameId()).isEqualTo("user@evil.com.attacker.com");
        }

        @Test
        void commentInsideAttributeValueDoesNotTruncateIt() throws Exception {
            var doc = response().set(r -> r.attributes = java.util.Map.of(EntraClaims.EMAIL, List.of("bob@contoso.com.evil.org"))).document();
            var v = elements(doc, "urn:oasis:names:tc:SAML:2.0:assertion", "AttributeValue").get(0);
            v.setTextContent("");
            v.appendChild(doc.createTextNode("bob@contoso.com"));
            v.appendChild(doc.createComment("x"));
            v.appendChild(doc.createTextNode(".evil.org"));
            ValidatedAssertion a = accept(encode(doc), expectations());
            assertThat(a.firstAttribute(EntraClaims.EMAIL)).contains("bob@contoso.com.evil.org");
        }
    }

    @Nested
    class Encryption {

        @Test
        void encryptedAssertionIsDecryptedWithTheSpKey() throws Exception {
            String r = response().set(x -> x.encryptFor = SP.certificate()).encoded();
            assertThat(r).doesNotContain(b64(EMAIL).substring(0, 8));
            ValidatedAssertion a = accept(r, expectations().decryptionKey(SP.privateKey()));
            assertThat(a.nameId()).isEqualTo(EMAIL);
            assertThat(a.attribute(EntraClaims.GROUPS)).hasSize(3);
        }

        @Test
        void encryptedAssertionWithResponseSignatureToo() throws Exception {
            String r = response().set(x -> {
                x.encryptFor = SP.certificate();
                x.signResponse = true;
            }).encoded();
            assertThat(accept(r, expectations().decryptionKey(SP.privateKey())).nameId()).isEqualTo(EMAIL);
        }

        @Test
        void wrongSpKeyCannotDecrypt() {
            String r = response().set(x -> x.encryptFor = SP.certificate()).encoded();
            refused(r, expectations().decryptionKey(SP_OTHER.privateKey()), SamlFailure.DECRYPTION_FAILED);
        }

        @Test
        void noSpKeyConfigured() {
            refused(response().set(x -> x.encryptFor = SP.certificate()), SamlFailure.DECRYPTION_FAILED);
        }

        @Test
        void encryptionIsNotAuthentication() {
            // anyone can encrypt to our public certificate: an unsigned encrypted assertion is refused
            String r = response().set(x -> {
                x.encryptFor = SP.certificate();
                x.signAssertion = false;
            }).encoded();
            refused(r, expectations().decryptionKey(SP.privateKey()), SamlFailure.SIGNATURE_MISSING);
        }
    }

    @Nested
    class Expectations {

        @Test
        void issuerCannotBeLeftOut() {
            assertThatThrownBy(() -> expectations().expectedIssuer(null).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> expectations().expectedIssuer("  ").build()).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void audienceAcsCertificatesAndReplayCacheAreRequired() {
            assertThatThrownBy(() -> expectations().audience("").build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> expectations().acsUrl(null).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> expectations().trustedCertificates(List.of()).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> expectations().replayCache(null).build()).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void clockSkewIsBounded() {
            assertThatThrownBy(() -> expectations().clockSkew(Duration.ofMinutes(6)).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> expectations().clockSkew(Duration.ofSeconds(-1)).build()).isInstanceOf(IllegalArgumentException.class);
            assertThat(expectations().build().clockSkew()).isEqualTo(Duration.ofMinutes(3));
        }

        @Test
        void weakTrustedKeysAreRefused() {
            var weak = SpKeys.generate("weak", 2048, Duration.ofDays(1), NOW); // 2048 is the floor: accepted
            assertThat(expectations().trustedCertificates(List.of(weak.certificate())).build()).isNotNull();
        }

        @Test
        void reportsTrustedCertificatesOutsideTheirValidity() {
            var expired = SpKeys.generate("old", 2048, Duration.ofDays(10), NOW.minus(Duration.ofDays(100)));
            ResponseExpectations e = expectations().trustedCertificates(List.of(IDP.certificate(), expired.certificate())).build();
            assertThat(e.certificatesOutsideValidity()).containsExactly(expired.certificate());
        }

        @Test
        void outstandingIdsAreCopied() {
            var ids = new java.util.HashSet<>(Set.of(REQUEST_ID));
            ResponseExpectations e = expectations().outstandingRequestIds(ids).build();
            ids.clear();
            assertThat(e.outstandingRequestIds()).containsExactly(REQUEST_ID);
        }
    }
}
