package io.faxgate.sso.boundary;

import io.faxgate.sso.entity.EmailDomain;
import java.time.Instant;

/**
 * A tenant's e-mail domain for the API and the SSO page. {@code verificationRecord} is the DNS TXT record the
 * tenant publishes at the domain so the operator can confirm the claim.
 */
public record EmailDomainView(String domain, boolean verified, String verificationRecord, String claimedBy,
        Instant claimedAt, String verifiedBy, Instant verifiedAt) implements java.io.Serializable {

    public static final String TXT_PREFIX = "faxgate-domain-verification=";

    static EmailDomainView of(EmailDomain d) {
        return new EmailDomainView(d.getDomain(), d.isVerified(), TXT_PREFIX + d.getVerificationToken(), d.getClaimedBy(),
                d.getClaimedAt(), d.getVerifiedBy(), d.getVerifiedAt());
    }
}
