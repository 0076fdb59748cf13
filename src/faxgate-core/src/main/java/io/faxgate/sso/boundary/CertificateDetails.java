package io.faxgate.sso.boundary;

import io.faxgate.sso.control.IdpCertificate;
import java.time.Duration;
import java.time.Instant;

/** What the SSO page shows about a configured IdP certificate, with an expiry warning at 60/30/7 days. */
public record CertificateDetails(String role, String subject, String thumbprintSha1, String thumbprintSha256,
                                 Instant notBefore, Instant notAfter, long daysUntilExpiry, String expiryWarning) implements java.io.Serializable {

    static CertificateDetails of(String role, IdpCertificate cert, Instant now) {
        long days = Duration.between(now, cert.notAfter()).toDays();
        return new CertificateDetails(role, cert.subject(), cert.thumbprintSha1(), cert.thumbprintSha256(),
                cert.notBefore(), cert.notAfter(), days, warning(days, cert.notAfter().isBefore(now)));
    }

    static String warning(long days, boolean expired) {
        if (expired) {
            return "EXPIRED: sign-in fails until a valid certificate from Entra is added";
        }
        for (int threshold : new int[] {7, 30, 60}) {
            if (days <= threshold) {
                return "expires within " + threshold + " days: add the new Entra certificate as secondary now";
            }
        }
        return null;
    }
}
