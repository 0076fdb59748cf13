package io.faxgate.access.boundary;

import io.faxgate.access.entity.LocalAccount;
import java.time.Instant;

/** Whether a directory user has a web staff console password, and since when; never the password. */
public record ConsolePasswordView(String username, boolean enabled, Instant createdAt, Instant lastLoginAt)
        implements java.io.Serializable {

    /** @param signInName what the user signs in with: {@code {tenant}/{username}} for console passwords set now */
    static ConsolePasswordView of(LocalAccount account, String signInName) {
        return new ConsolePasswordView(signInName, account.isEnabled(), account.getCreatedAt(),
                account.getLastLoginAt());
    }
}
