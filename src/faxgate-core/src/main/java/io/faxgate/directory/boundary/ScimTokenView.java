package io.faxgate.directory.boundary;

import io.faxgate.directory.entity.ScimToken;
import java.io.Serializable;
import java.time.Instant;

/** A token as lists show it: never the secret, only its first characters. */
public record ScimTokenView(long id, String label, String prefix, Instant createdAt, Instant lastUsedAt,
                            Instant revokedAt, boolean revoked, Integer ratePerSecond) implements Serializable {

    public static ScimTokenView of(ScimToken t) {
        return new ScimTokenView(t.getId(), t.getLabel(), t.getTokenPrefix(), t.getCreatedAt(), t.getLastUsedAt(),
                t.getRevokedAt(), t.isRevoked(), t.getRatePerSecond());
    }
}
