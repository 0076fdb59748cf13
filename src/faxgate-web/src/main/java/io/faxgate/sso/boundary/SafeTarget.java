package io.faxgate.sso.boundary;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a RelayState, {@code target} or logout {@code url} parameter may send the browser: only to a path of ours.
 * Anything else (another host, {@code //evil}, {@code /\evil}, a scheme, userinfo, whitespace or control characters)
 * is ignored, so neither sign-in nor sign-out can be used as an open redirect. The parameter arrives decoded, so
 * {@code /%5Cevil} reaches this rule as {@code /\evil}; a percent sign that is left stays inside our path.
 */
public final class SafeTarget {

    /**
     * The rule as one regular expression (pac4j's logout filter takes it as its {@code logoutUrlPattern}): a single
     * slash, not followed by a slash or backslash, not into the SSO endpoints themselves, then URL path characters.
     */
    static final String PATTERN = "/(?![/\\\\])(?!sso/)[A-Za-z0-9._~!$&'()*+,;=:@/%?-]{0,500}";
    private static final Pattern SAFE = Pattern.compile(PATTERN);

    private SafeTarget() {
    }

    static Optional<String> of(String candidate) {
        if (candidate == null || !SAFE.matcher(candidate).matches()) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
