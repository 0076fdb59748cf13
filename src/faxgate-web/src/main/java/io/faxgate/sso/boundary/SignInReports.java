package io.faxgate.sso.boundary;

import io.faxgate.sso.control.SignInReport;
import io.faxgate.sso.entity.ClaimNames;
import io.faxgate.sso.saml.SamlValidationException;
import io.faxgate.sso.saml.SignInTrace;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Turns the engine's {@link SignInTrace} into the sign-in debugger's {@link SignInReport}: the claims read with the
 * tenant's claim names, values clipped, the verifying certificate as subject and SHA-256 thumbprint. Faxgate's own
 * rules (object id, MFA) are added as checks of their own after the SAML checks.
 */
final class SignInReports {

    private SignInReports() {
    }

    /** The engine's checks only (a refusal by the engine, or before Faxgate's rules are applied). */
    static SignInReport of(SignInTrace trace, ClaimNames names) {
        return report(trace, names, List.of());
    }

    /** The engine accepted the response; a Faxgate rule refused the person. */
    static SignInReport refusedByRule(SignInTrace trace, ClaimNames names, String reason, String message) {
        return report(trace, names, List.of(new SignInReport.Check("Faxgate rule", false, reason, SamlValidationException.clip(message))));
    }

    /**
     * A test sign-in: after the SAML checks, what a real sign-in would insist on for anyone — an object id claim, and
     * the MFA claim when MFA is required. Per-person rules (deactivated, not provisioned) are not tested.
     */
    static SignInReport tested(SignInTrace trace, ClaimNames names, boolean requireMfa) {
        List<SignInReport.Check> rules = new ArrayList<>();
        if (trace.verified()) {
            boolean objectId = !trace.attributes().getOrDefault(names.objectId(), List.of()).isEmpty();
            rules.add(new SignInReport.Check("object id claim", objectId, objectId ? null : "MISSING_OBJECT_ID",
                    objectId ? null : "no attribute " + names.objectId()));
            if (requireMfa) {
                boolean mfa = trace.attributes().getOrDefault(names.mfa(), List.of()).contains(names.mfaValue());
                rules.add(new SignInReport.Check("MFA claim", mfa, mfa ? null : "MFA_REQUIRED",
                        mfa ? null : names.mfa() + " does not contain " + names.mfaValue()));
            }
        }
        return report(trace, names, rules);
    }

    private static SignInReport report(SignInTrace trace, ClaimNames names, List<SignInReport.Check> rules) {
        List<SignInReport.Check> checks = new ArrayList<>();
        for (SignInTrace.Outcome o : trace.outcomes()) {
            checks.add(new SignInReport.Check(name(o.check()), o.passed(), o.reason() == null ? null : o.reason().name(),
                    o.detail()));
        }
        checks.addAll(rules);
        List<String> groups = values(trace, names.groups());
        X509Certificate signer = trace.signingCertificate();
        return new SignInReport(trace.verified(), trace.issuer(), trace.audiences(), trace.nameId(),
                first(trace, names.objectId()), first(trace, names.email()), groups, groups.size(),
                trace.attributes().containsKey(ClaimNames.ENTRA_GROUPS_OVERAGE), values(trace, names.roles()),
                values(trace, names.mfa()), trace.notBefore(), trace.notOnOrAfter(),
                signer == null ? null : signer.getSubjectX500Principal().getName(), signer == null ? null : sha256(signer), checks);
    }

    /** "IN_RESPONSE_TO" → "in response to": as the admin reads it. */
    static String name(SignInTrace.Check check) {
        return check.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String first(SignInTrace trace, String attribute) {
        List<String> v = values(trace, attribute);
        return v.isEmpty() ? null : v.get(0);
    }

    private static List<String> values(SignInTrace trace, String attribute) {
        return trace.attributes().getOrDefault(attribute, List.of()).stream().map(SamlValidationException::clip).toList();
    }

    private static String sha256(X509Certificate c) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null;
        }
    }
}
