package io.faxgate.directory.boundary;

import java.time.Instant;

/** The answer to creating a token: the only time the clear-text token is shown. */
public record ScimTokenCreated(long id, String token, String prefix, String label, Instant createdAt,
                               Integer ratePerSecond) {
}
