package io.faxgate.sso.saml;

import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a SAML Response must satisfy to be accepted. Every field that protects against an attack is mandatory; the
 * builder refuses to build without it (there is no "skip issuer check").
 */
public final class ResponseExpectations {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(3);
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_XML_BYTES = 256 * 1024;
    /** Default cap on how long after its IssueInstant an assertion is accepted (Entra says 70 min, most IdPs 5-60). */
    public static final Duration DEFAULT_MAX_ASSERTION_LIFETIME = Duration.ofHours(2);
    public static final Duration MAX_MAX_ASSERTION_LIFETIME = Duration.ofHours(24);
    /** Longer Response/Assertion IDs are refused before anything is stored (IdPs use 30-50 characters). */
    public static final int MAX_ID_LENGTH = 256;
    /** Entra's signing certificates are RSA 2048. */
    public static final int MIN_RSA_BITS = 2048;

    private final String expectedIssuer;
    private final String audience;
    private final String acsUrl;
    private final List<X509Certificate> trustedCertificates;
    private final boolean allowSha1;
    private final Duration clockSkew;
    private final Clock clock;
    private final Set<String> outstandingRequestIds;
    private final boolean allowIdpInitiated;
    private final PrivateKey decryptionKey;
    private final boolean allowAesCbc;
    private final ReplayCache replayCache;
    private final Duration maxAssertionLifetime;
    private final int maxXmlBytes;
    private final SignInTrace trace;

    private ResponseExpectations(Builder b) {
        this.trace = b.trace;
        this.expectedIssuer = Urls.requireText(b.expectedIssuer, "expectedIssuer");
        this.audience = Urls.requireText(b.audience, "audience");
        this.acsUrl = Urls.requireAbsoluteUrl(b.acsUrl, "acsUrl");
        if (b.trustedCertificates == null || b.trustedCertificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted IdP certificate is required");
        }
        for (X509Certificate c : b.trustedCertificates) {
            if (c == null) {
                throw new IllegalArgumentException("trusted certificate is null");
            }
            if (!(c.getPublicKey() instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("trusted IdP certificates must be RSA >= " + MIN_RSA_BITS + " bits");
            }
        }
        this.trustedCertificates = List.copyOf(b.trustedCertificates);
        this.allowSha1 = b.allowSha1;
        Duration skew = b.clockSkew == null ? DEFAULT_CLOCK_SKEW : b.clockSkew;
        if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_CLOCK_SKEW);
        }
        this.clockSkew = skew;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.outstandingRequestIds = b.outstandingRequestIds == null ? Set.of() : Set.copyOf(b.outstandingRequestIds);
        this.allowIdpInitiated = b.allowIdpInitiated;
        this.decryptionKey = b.decryptionKey;
        this.allowAesCbc = b.allowAesCbc;
        Duration lifetime = b.maxAssertionLifetime == null ? DEFAULT_MAX_ASSERTION_LIFETIME : b.maxAssertionLifetime;
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(MAX_MAX_ASSERTION_LIFETIME) > 0) {
            throw new IllegalArgumentException("maxAssertionLifetime must be between 1 minute and " + MAX_MAX_ASSERTION_LIFETIME);
        }
        this.maxAssertionLifetime = lifetime;
        if (b.replayCache == null) {
            throw new IllegalArgumentException("a replay cache is required");
        }
        this.replayCache = b.replayCache;
        if (b.maxXmlBytes < 1024 || b.maxXmlBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("maxXmlBytes must be between 1 KiB and 16 MiB");
        }
        this.maxXmlBytes = b.maxXmlBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String expectedIssuer() {
        return expectedIssuer;
    }

    public String audience() {
        return audience;
    }

    public String acsUrl() {
        return acsUrl;
    }

    public List<X509Certificate> trustedCertificates() {
        return trustedCertificates;
    }

    public boolean allowSha1() {
        return allowSha1;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public Clock clock() {
        return clock;
    }

    public Set<String> outstandingRequestIds() {
        return outstandingRequestIds;
    }

    public boolean allowIdpInitiated() {
        return allowIdpInitiated;
    }

    public Optional<PrivateKey> decryptionKey() {
        return Optional.ofNullable(decryptionKey);
    }

    /** Whether AES-CBC content encryption is accepted (an insecure per-tenant opt-in); AES-GCM always is. */
    public boolean allowAesCbc() {
        return allowAesCbc;
    }

    public ReplayCache replayCache() {
        return replayCache;
    }

    /** An assertion is accepted at most this long after its IssueInstant, and remembered exactly as long. */
    public Duration maxAssertionLifetime() {
        return maxAssertionLifetime;
    }

    public int maxXmlBytes() {
        return maxXmlBytes;
    }

    /** Where the engine reports each check and what arrived; empty unless the caller asked (sign-in debugger). */
    public Optional<SignInTrace> trace() {
        return Optional.ofNullable(trace);
    }

    /**
     * Certificates among the trusted ones that are expired or not yet valid at the expectations' clock: for admin
     * warnings. Signatures are still checked against them (Entra keeps signing with an expired certificate until
     * the next one is activated; the trust anchor is the configured key, not the validity dates).
     */
    public List<X509Certificate> certificatesOutsideValidity() {
        java.util.Date now = java.util.Date.from(clock.instant());
        return trustedCertificates.stream().filter(c -> {
            try {
                c.checkValidity(now);
                return false;
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return true;
            }
        }).toList();
    }

    public static final class Builder {
        private String expectedIssuer;
        private String audience;
        private String acsUrl;
        private List<X509Certificate> trustedCertificates;
        private boolean allowSha1;
        private Duration clockSkew;
        private Clock clock;
        private Set<String> outstandingRequestIds;
        private boolean allowIdpInitiated;
        private PrivateKey decryptionKey;
        private boolean allowAesCbc;
        private ReplayCache replayCache;
        private Duration maxAssertionLifetime;
        private int maxXmlBytes = DEFAULT_MAX_XML_BYTES;
        private SignInTrace trace;

        private Builder() {
        }

        /** Required. Entra: {@code https://sts.windows.net/{tenantId}/}, see {@link EntraEndpoints}. Compared exactly. */
        public Builder expectedIssuer(String v) {
            this.expectedIssuer = v;
            return this;
        }

        /** Required. Our SP entity id, for Entra {@code api://{clientId}}. Compared exactly. */
        public Builder audience(String v) {
            this.audience = v;
            return this;
        }

        /** Required. Our ACS URL; Response Destination and bearer Recipient must equal it exactly. */
        public Builder acsUrl(String v) {
            this.acsUrl = v;
            return this;
        }

        /** Required. Primary and, during rotation, secondary IdP signing certificates. KeyInfo in messages is ignored. */
        public Builder trustedCertificates(List<X509Certificate> v) {
            this.trustedCertificates = v;
            return this;
        }

        /** Default false: SHA-1 signatures and digests are refused. An insecure per-tenant opt-in, to be audited. */
        public Builder allowSha1(boolean v) {
            this.allowSha1 = v;
            return this;
        }

        /** Default 3 minutes, at most 5. */
        public Builder clockSkew(Duration v) {
            this.clockSkew = v;
            return this;
        }

        /** Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock v) {
            this.clock = v;
            return this;
        }

        /**
         * IDs of AuthnRequests this browser session sent and has not yet used. A Response with InResponseTo must
         * match one. The engine does not remove it: after success the caller removes {@link ValidatedAssertion#inResponseTo()}.
         */
        public Builder outstandingRequestIds(Set<String> v) {
            this.outstandingRequestIds = v;
            return this;
        }

        /** Default false: a Response without InResponseTo (IdP-initiated, Entra "My Apps") is refused. */
        public Builder allowIdpInitiated(boolean v) {
            this.allowIdpInitiated = v;
            return this;
        }

        /**
         * The SP's encryption private key (never its signing key) for EncryptedAssertion. Without it an encrypted
         * assertion is refused. Accepted: RSA-OAEP key transport with AES-GCM content; RSA-1_5 never.
         */
        public Builder decryptionKey(PrivateKey v) {
            this.decryptionKey = v;
            return this;
        }

        /** Default false: AES-CBC content encryption is refused. An insecure per-tenant opt-in, to be audited. */
        public Builder allowAesCbc(boolean v) {
            this.allowAesCbc = v;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_ASSERTION_LIFETIME}, 1 min .. 24 h: caps the IdP's NotOnOrAfter. */
        public Builder maxAssertionLifetime(Duration v) {
            this.maxAssertionLifetime = v;
            return this;
        }

        /**
         * Required. Shared across requests (one per tenant, shared by every node), not one per call. It is called with
         * a SHA-256 key of issuer + assertion ID, on the thread that called {@code validate}.
         */
        public Builder replayCache(ReplayCache v) {
            this.replayCache = v;
            return this;
        }

        /** Maximum decoded XML size; default 256 KiB. */
        public Builder maxXmlBytes(int v) {
            this.maxXmlBytes = v;
            return this;
        }

        /** Optional: a fresh trace the engine fills with each check's outcome (one trace per validation). */
        public Builder trace(SignInTrace v) {
            this.trace = v;
            return this;
        }

        public ResponseExpectations build() {
            return new ResponseExpectations(this);
        }
    }
}
