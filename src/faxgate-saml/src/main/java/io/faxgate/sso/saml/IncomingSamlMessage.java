package io.faxgate.sso.saml;

import java.util.Objects;
import java.util.Optional;

/**
 * A SAML protocol message as it arrived: either the raw query string of an HTTP-Redirect (needed as-is to verify the
 * query signature) or the base64 form parameter of an HTTP-POST.
 */
public final class IncomingSamlMessage {

    public enum Binding { REDIRECT, POST }

    private final Binding binding;
    private final String value;
    private final String relayState;

    private IncomingSamlMessage(Binding binding, String value, String relayState) {
        this.binding = binding;
        this.value = Objects.requireNonNull(value, "message");
        this.relayState = relayState;
    }

    /** {@code HttpServletRequest.getQueryString()}: raw, still URL-encoded. */
    public static IncomingSamlMessage redirect(String rawQueryString) {
        return new IncomingSamlMessage(Binding.REDIRECT, rawQueryString, null);
    }

    /** The SAMLRequest or SAMLResponse form parameter (base64) and the RelayState parameter (may be null). */
    public static IncomingSamlMessage post(String base64Message, String relayState) {
        return new IncomingSamlMessage(Binding.POST, base64Message, relayState);
    }

    public Binding binding() {
        return binding;
    }

    public String value() {
        return value;
    }

    public Optional<String> relayState() {
        return Optional.ofNullable(relayState);
    }
}
