package io.faxgate.sso.saml;

import java.util.List;
import java.util.Optional;

/**
 * An accepted IdP-initiated LogoutRequest: end the local sessions of {@code nameId} (restricted to
 * {@code sessionIndexes} when not empty), then answer with {@link SingleLogout#logoutResponse}.
 */
public record ValidatedLogoutRequest(String id, String issuer, String nameId, String nameIdFormat,
                                     List<String> sessionIndexes, boolean signed, String relayState) {
    public ValidatedLogoutRequest {
        sessionIndexes = List.copyOf(sessionIndexes);
    }

    public Optional<String> relayStateOptional() {
        return Optional.ofNullable(relayState);
    }
}
