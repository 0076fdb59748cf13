package io.faxgate.sso.boundary;

import java.util.Map;
import java.util.Optional;

/**
 * What a refusal reason means for an admin setting up Microsoft Entra ID: a short phrase for the check line
 * ("signature: not made by the configured certificate") and what to change in Entra, with the AADSTS code Entra
 * itself shows for the same mistake where there is one. Keys are the SAML engine's {@code SamlFailure} names and
 * Faxgate's sign-in refusal codes.
 */
public final class EntraExplanations {

    /** A short phrase, and what to do. */
    public record Explanation(String summary, String remedy) {
    }

    private static final Map<String, Explanation> BY_REASON = Map.ofEntries(
            Map.entry("SIGNATURE_INVALID", new Explanation("not made by the configured certificate",
                    "The IdP signed with a key whose certificate is not C. Entra: Single sign-on → SAML Certificates → download"
                            + " the active Certificate (Base64) and paste it as C; during a rollover add the new one as secondary.")),
            Map.entry("SIGNATURE_MISSING", new Explanation("not signed",
                    "Neither the assertion nor the response is signed. Entra signs the assertion by default (Signing Option);"
                            + " for other IdPs switch on assertion signing.")),
            Map.entry("SIGNATURE_WRAPPING", new Explanation("does not cover what would be used",
                    "The signature covers another element than the one Faxgate would use: a tampered message. Nothing to"
                            + " change in Entra; if it repeats, report it to your security team.")),
            Map.entry("WEAK_ALGORITHM", new Explanation("algorithm not accepted",
                    "SHA-1 (or another weak algorithm). Entra: Single sign-on → SAML Certificates → Signing Algorithm → SHA-256.")),
            Map.entry("ISSUER_MISMATCH", new Explanation("sent by another identity provider",
                    "The issuer is not the expected one. Entra: the tenant id in the login endpoint (A) must be the directory of"
                            + " the application; other IdPs: set the IdP issuer (advanced) to the IdP's entity id.")),
            Map.entry("AUDIENCE_MISMATCH", new Explanation("meant for another application",
                    "The assertion names another audience than D (api://{client id}). Entra: Basic SAML Configuration →"
                            + " Identifier (Entity ID) must be exactly D, and D must be the App ID URI in Expose an API"
                            + " (Entra reports the same mistake as AADSTS700016).")),
            Map.entry("DESTINATION_MISMATCH", new Explanation("sent to another reply URL",
                    "Entra: Basic SAML Configuration → Reply URL (Assertion Consumer Service URL) must be exactly the Consume"
                            + " endpoint, same case, no trailing slash (Entra reports a mismatch as AADSTS50011).")),
            Map.entry("RECIPIENT_MISMATCH", new Explanation("sent to another reply URL",
                    "Entra: Basic SAML Configuration → Reply URL must be exactly the Consume endpoint, same case, no trailing"
                            + " slash (AADSTS50011).")),
            Map.entry("NOT_YET_VALID", new Explanation("not valid yet",
                    "The clocks of the IdP and Faxgate differ by more than the clock skew. Check the server clock, or raise"
                            + " Clock skew (at most 300 seconds).")),
            Map.entry("EXPIRED", new Explanation("expired",
                    "Used too late (a reloaded page, a slow browser) or the clocks differ. Test again; check the server clock.")),
            Map.entry("IN_RESPONSE_TO_UNKNOWN", new Explanation("answers another sign-in attempt",
                    "The answer belongs to a request this browser session did not send (another tab, an expired session)."
                            + " Start the test again from this page.")),
            Map.entry("IDP_INITIATED_NOT_ALLOWED", new Explanation("started at the identity provider",
                    "Started from My Apps or Entra's Test button. Allow IdP-initiated sign-in, or start from Faxgate.")),
            Map.entry("STATUS_NOT_SUCCESS", new Explanation("refused by the identity provider",
                    "Entra answered with an error instead of an assertion; its page showed an AADSTS code. Most often"
                            + " AADSTS50105: the user is not assigned to the application (Users and groups → Add user/group).")),
            Map.entry("REPLAYED", new Explanation("already used",
                    "This assertion was used once already; every assertion signs in once.")),
            Map.entry("DECRYPTION_FAILED", new Explanation("cannot be decrypted",
                    "Token encryption is on in Entra but not with Faxgate's encryption certificate. Upload the certificate"
                            + " from Faxgate's SP metadata in Entra → Token encryption, or switch token encryption off.")),
            Map.entry("MISSING_OBJECT_ID", new Explanation("no object id claim",
                    "Entra sends objectidentifier by default. For another IdP enter the attribute that carries a stable user"
                            + " id under Claim names → Object id.")),
            Map.entry("MFA_REQUIRED", new Explanation("no multi-factor authentication reported",
                    "MFA is required but the MFA claim did not list it. Entra: require MFA with Conditional Access; other IdPs:"
                            + " set Claim names → MFA claim and MFA value to what your IdP sends.")),
            Map.entry("USER_NOT_PROVISIONED", new Explanation("user not provisioned",
                    "Users come from directory sync only: assign the user to the application in Entra and wait for the next"
                            + " provisioning cycle, or allow creating users at first sign-in.")),
            Map.entry("USER_DEACTIVATED", new Explanation("user deactivated",
                    "The Faxgate user is deactivated (by an admin or by provisioning).")),
            Map.entry("MALFORMED_XML", new Explanation("not a readable SAML response",
                    "The message is not a well-formed SAML 2.0 response. Check that the IdP posts to the Consume endpoint with"
                            + " the HTTP-POST binding.")),
            Map.entry("NO_ASSERTION", new Explanation("no assertion",
                    "The response carried no assertion.")));

    private EntraExplanations() {
    }

    public static Optional<Explanation> of(String reason) {
        return Optional.ofNullable(reason == null ? null : BY_REASON.get(reason));
    }

    /** "not made by the configured certificate", or the reason itself when there is no phrase for it. */
    public static String summary(String reason) {
        return of(reason).map(Explanation::summary).orElse(reason);
    }

    public static String remedy(String reason) {
        return of(reason).map(Explanation::remedy).orElse(null);
    }
}
