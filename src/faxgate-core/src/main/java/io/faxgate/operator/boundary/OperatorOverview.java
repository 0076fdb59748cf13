package io.faxgate.operator.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** What an operator looks at first: where tenants' sign-in and provisioning are going wrong, and the fax queue. */
public record OperatorOverview(Instant asOf, List<SsoProblem> ssoProblems, List<ExpiringCertificate> expiringCertificates,
                               List<SilentScimClient> silentScimClients, long faxesQueued, long faxesSending,
                               Instant oldestQueuedAt) implements Serializable {

    /** SAML sign-ins of one tenant refused for one reason in the last 24 hours. */
    public record SsoProblem(String tenant, String reason, long refusals, Instant lastAt) implements Serializable {
    }

    /** An IdP signing certificate that expires within 30 days (or has expired). */
    public record ExpiringCertificate(String tenant, String slot, String subject, Instant notAfter, long daysLeft)
            implements Serializable {
    }

    /** A SCIM token not revoked that has not called for a while (or never). */
    public record SilentScimClient(String tenant, String label, String prefix, Instant lastUsedAt, Instant createdAt)
            implements Serializable {
    }
}
