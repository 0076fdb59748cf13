package io.faxgate.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The URL customers reach Faxgate at (config key {@code faxgate.public-base-url}). Absolute URLs we publish —
 * the ACS that admins paste into Entra above all — are built from it, never from the request's Host header,
 * which an attacker controls and which is wrong behind proxies.
 */
@ApplicationScoped
public class PublicBaseUrl {

    private final String base;

    @Inject
    public PublicBaseUrl(@ConfigProperty(name = "faxgate.public-base-url", defaultValue = "http://localhost:8080") String configured) {
        this.base = normalise(configured);
    }

    protected PublicBaseUrl() {
        this.base = null;
    }

    static String normalise(String configured) {
        URI uri = URI.create(configured.trim());
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("faxgate.public-base-url must be an absolute http(s) URL without query: " + configured);
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** Absolute URL of a path of ours; the path must start with '/'. */
    public String resolve(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        return base + path;
    }

    public String value() {
        return base;
    }
}
