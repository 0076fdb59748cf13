package io.faxgate.sso.boundary;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a RelayState or {@code target} parameter may send the browser after sign-in: only to a path of ours.
 * Anything else (another host, {@code //evil}, {@code /\evil}, a scheme, control characters) is ignored, so the
 * sign-in flow can never be used as an open redirect.
 */
final class SafeTarget {

    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~!$&'()*+,;=:@/%?-]{0,500}");

    private SafeTarget() {
    }

    static Optional<String> of(String candidate) {
        if (candidate == null || !SAFE.matcher(candidate).matches() || candidate.startsWith("/sso/")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
