package io.faxgate.syncagent.config;

import java.util.Objects;

/**
 * A password or token. Its {@link #toString()} never shows the value, so a secret that ends up in a log
 * message or an exception text by accident stays hidden.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The real value; call only where the value is handed to the LDAP or HTTP library. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
