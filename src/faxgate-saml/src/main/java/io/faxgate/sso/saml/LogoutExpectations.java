package io.faxgate.sso.saml;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** What an incoming LogoutRequest or LogoutResponse must satisfy. */
public final class LogoutExpectations {

    private final String expectedIssuer;
    private final String sloUrl;
    private final List<X509Certificate> trustedCertificates;
    private final boolean requireSignature;
    private final boolean allowSha1;
    private final Duration clockSkew;
    private final Clock clock;
    private final Set<String> outstandingRequestIds;
    private final int maxXmlBytes;

    private LogoutExpectations(Builder b) {
        this.expectedIssuer = Urls.requireText(b.expectedIssuer, "expectedIssuer");
        this.sloUrl = Urls.requireAbsoluteUrl(b.sloUrl, "sloUrl");
        if (b.trustedCertificates == null || b.trustedCertificates.isEmpty()
                || b.trustedCertificates.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("at least one trusted IdP certificate is required");
        }
        this.trustedCertificates = List.copyOf(b.trustedCertificates);
        this.requireSignature = b.requireSignature;
        this.allowSha1 = b.allowSha1;
        Duration skew = b.clockSkew == null ? ResponseExpectations.DEFAULT_CLOCK_SKEW : b.clockSkew;
        if (skew.isNegative() || skew.compareTo(ResponseExpectations.MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkew must be between 0 and " + ResponseExpectations.MAX_CLOCK_SKEW);
        }
        this.clockSkew = skew;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.outstandingRequestIds = b.outstandingRequestIds == null ? Set.of() : Set.copyOf(b.outstandingRequestIds);
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

    public String sloUrl() {
        return sloUrl;
    }

    public List<X509Certificate> trustedCertificates() {
        return trustedCertificates;
    }

    public boolean requireSignature() {
        return requireSignature;
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

    public int maxXmlBytes() {
        return maxXmlBytes;
    }

    public static final class Builder {
        private String expectedIssuer;
        private String sloUrl;
        private List<X509Certificate> trustedCertificates;
        private boolean requireSignature = true;
        private boolean allowSha1;
        private Duration clockSkew;
        private Clock clock;
        private Set<String> outstandingRequestIds;
        private int maxXmlBytes = ResponseExpectations.DEFAULT_MAX_XML_BYTES;

        private Builder() {
        }

        public Builder expectedIssuer(String v) {
            this.expectedIssuer = v;
            return this;
        }

        /** Our SingleLogoutService URL; Destination must equal it when present (and must be present when signed). */
        public Builder sloUrl(String v) {
            this.sloUrl = v;
            return this;
        }

        public Builder trustedCertificates(List<X509Certificate> v) {
            this.trustedCertificates = v;
            return this;
        }

        /**
         * Default true. A present signature is always verified; with false an unsigned message is accepted
         * (an unsigned IdP-initiated LogoutRequest lets any site log users out: keep true unless the IdP cannot sign).
         */
        public Builder requireSignature(boolean v) {
            this.requireSignature = v;
            return this;
        }

        public Builder allowSha1(boolean v) {
            this.allowSha1 = v;
            return this;
        }

        public Builder clockSkew(Duration v) {
            this.clockSkew = v;
            return this;
        }

        public Builder clock(Clock v) {
            this.clock = v;
            return this;
        }

        /** IDs of LogoutRequests we sent (for a LogoutResponse's InResponseTo). */
        public Builder outstandingRequestIds(Set<String> v) {
            this.outstandingRequestIds = v;
            return this;
        }

        public Builder maxXmlBytes(int v) {
            this.maxXmlBytes = v;
            return this;
        }

        public LogoutExpectations build() {
            return new LogoutExpectations(this);
        }
    }
}
