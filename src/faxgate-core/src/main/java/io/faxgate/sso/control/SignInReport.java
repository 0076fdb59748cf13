package io.faxgate.sso.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the sign-in debugger shows about one SAML sign-in: the facts the assertion carried (proven only when
 * {@code verified}), the certificate that verified the signature, and each check with its outcome. Only displayable,
 * bounded fields — never the raw message, never a key.
 *
 * @param checks in the order they ran; a failed one is the last (later checks did not run)
 */
public record SignInReport(
        boolean verified,
        String issuer,
        List<String> audiences,
        String nameId,
        String objectId,
        String email,
        List<String> groups,
        int groupCount,
        boolean groupsOverage,
        List<String> roles,
        List<String> authnMethods,
        Instant notBefore,
        Instant notOnOrAfter,
        String signingCertificateSubject,
        String signingCertificateSha256,
        List<Check> checks) implements Serializable {

    /** Groups kept for display; the count says how many arrived. */
    public static final int MAX_GROUPS_SHOWN = 50;

    /**
     * One check: {@code name} as the admin reads it (e.g. "signature"), {@code reason} the typed refusal reason
     * (SAML engine or Faxgate rule), {@code detail} the safe message.
     */
    public record Check(String name, boolean passed, String reason, String detail) implements Serializable {
    }

    public SignInReport {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        groups = groups == null ? List.of() : List.copyOf(groups.subList(0, Math.min(groups.size(), MAX_GROUPS_SHOWN)));
        roles = roles == null ? List.of() : List.copyOf(roles);
        authnMethods = authnMethods == null ? List.of() : List.copyOf(authnMethods);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** Every check ran and passed. */
    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** The failed check, if any. */
    public Check failedCheck() {
        return checks.stream().filter(c -> !c.passed()).findFirst().orElse(null);
    }
}
