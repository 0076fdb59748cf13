package io.faxgate.syncagent.ldap;

/** AD's userAccountControl flags; the agent only cares about ACCOUNTDISABLE. */
public final class UserAccountControl {

    public static final int ACCOUNTDISABLE = 0x2;

    private UserAccountControl() {
    }

    /** A missing or unreadable value counts as enabled (AD always sets it; other directories may not). */
    public static boolean isDisabled(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            return (Long.parseLong(value.trim()) & ACCOUNTDISABLE) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
