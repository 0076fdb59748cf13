package io.faxgate.access.boundary;

import io.faxgate.access.entity.LocalAccount;
import java.time.Instant;

/** Whether a directory user has a web staff console password, and since when; never the password. */
public record ConsolePasswordView(String username, boolean enabled, Instant createdAt, Instant lastLoginAt)
        implements java.io.Serializable {

    static ConsolePasswordView of(LocalAccount account) {
        return new ConsolePasswordView(account.getUsername(), account.isEnabled(), account.getCreatedAt(),
                account.getLastLoginAt());
    }
}
