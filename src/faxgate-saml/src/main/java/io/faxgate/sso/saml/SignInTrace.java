package io.faxgate.sso.saml;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine saw while it checked one SAML Response, for an administrator's sign-in debugger: each check in the
 * order it ran (passed, or failed with the typed reason), what the message said (read before the checks decide
 * whether to believe it: {@link #verified()} tells), and which trusted certificate verified the signature.
 * Optional: pass one with {@link ResponseExpectations.Builder#trace}; filled on the engine's thread, read after
 * {@code validate} returned or threw. Holds no key material and no raw XML.
 */
public final class SignInTrace {

    /** The checks, in the order the engine runs them. */
    public enum Check {
        MESSAGE, STATUS, ASSERTION, SIGNATURE, DECRYPTION, ISSUER, DESTINATION, VALIDITY, AUDIENCE, SUBJECT,
        IN_RESPONSE_TO, AUTHN_STATEMENT, ONE_TIME_USE
    }

    /** One check's result; {@code reason} and {@code detail} only for a failure. */
    public record Outcome(Check check, boolean passed, SamlFailure reason, String detail) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private Check current;
    private boolean failed;
    private String issuer;
    private final List<String> audiences = new ArrayList<>();
    private String nameId;
    private Instant notBefore;
    private Instant notOnOrAfter;
    private String inResponseTo;
    private Map<String, List<String>> attributes = Map.of();
    private X509Certificate signingCertificate;

    /** Internal: the engine starts the next check; the running one passed. */
    public void begin(Check check) {
        passCurrent();
        current = check;
    }

    /** Internal: the running check passed (the last one, or before {@link #begin}). */
    public void passCurrent() {
        Check check = current;
        if (check != null && !failed && outcomes.stream().noneMatch(o -> o.check() == check)) {
            outcomes.add(new Outcome(check, true, null, null)); // a check run in two parts is listed once
        }
        current = null;
    }

    /** Internal: the running check failed; later ones did not run. */
    public void fail(SamlValidationException e) {
        if (failed) {
            return;
        }
        failed = true;
        outcomes.add(new Outcome(current == null ? Check.MESSAGE : current, false, e.reason(), e.getMessage()));
        current = null;
    }

    /** Internal: what the assertion says (replaced when a decrypted assertion is read). */
    public void arrived(String issuer, List<String> audiences, String nameId, Instant notBefore, Instant notOnOrAfter,
                        String inResponseTo, Map<String, List<String>> attributes) {
        this.issuer = issuer;
        this.audiences.clear();
        this.audiences.addAll(audiences);
        this.nameId = nameId;
        this.notBefore = notBefore;
        this.notOnOrAfter = notOnOrAfter;
        this.inResponseTo = inResponseTo;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.attributes = copy;
    }

    /** Internal: the trusted certificate whose key verified a signature. */
    public void signedBy(X509Certificate certificate) {
        this.signingCertificate = certificate;
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** True once every check ran and passed: only then is what arrived proven to come from the IdP. */
    public boolean verified() {
        return !failed && !outcomes.isEmpty() && outcomes.get(outcomes.size() - 1).check() == Check.ONE_TIME_USE;
    }

    public boolean failed() {
        return failed;
    }

    public String issuer() {
        return issuer;
    }

    public List<String> audiences() {
        return List.copyOf(audiences);
    }

    public String nameId() {
        return nameId;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notOnOrAfter() {
        return notOnOrAfter;
    }

    public String inResponseTo() {
        return inResponseTo;
    }

    public Map<String, List<String>> attributes() {
        return attributes;
    }

    /** The certificate that verified the (last) signature; null when none did. */
    public X509Certificate signingCertificate() {
        return signingCertificate;
    }
}
