package io.faxgate.sso.saml;

import java.net.URI;
import java.net.URISyntaxException;

/** Argument checks shared by the specs (package-private). */
final class Urls {
    private Urls() {
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }

    static String requireAbsoluteUrl(String value, String name) {
        requireText(value, name);
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an absolute URL: " + value);
            }
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException(name + " must be http(s): " + value);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL: " + value, e);
        }
        return value;
    }
}
