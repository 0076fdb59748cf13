package io.faxgate.sso.saml;

import java.util.Objects;

/**
 * The one failure type of the engine for incoming messages. {@link #reason()} is typed; {@link #getMessage()} is safe to
 * log and to show to an administrator: it never contains key material or the full XML, at most short identifiers,
 * URIs and algorithm names taken from the message.
 */
public class SamlValidationException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DETAIL = 200;

    private final SamlFailure reason;

    public SamlValidationException(SamlFailure reason, String safeMessage) {
        super(reason + ": " + clip(safeMessage));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SamlValidationException(SamlFailure reason, String safeMessage, Throwable cause) {
        this(reason, safeMessage);
        // keep the cause for debugging but never in the message
        initCause(cause);
    }

    public SamlFailure reason() {
        return reason;
    }

    /** Shortens a value taken from an attacker-controlled message before it is put into a message. */
    public static String clip(String s) {
        if (s == null) {
            return "null";
        }
        String oneLine = s.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
    }
}
