package io.faxgate.platform.boundary;

import io.faxgate.platform.control.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who is on the other end of a request, as far as we can tell: the one place that answers the client's address
 * (for audit records and every rate limit) and whether it reached us over TLS (Secure cookies, HSTS). Behind a
 * reverse proxy listed in {@code faxgate.trusted-proxies} these come from its X-Forwarded-For / X-Forwarded-Proto
 * ({@link TrustedProxies}); from anyone else, from the connection itself.
 */
public final class ClientAddress {

    private static volatile TrustedProxies trusted;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return proxies().clientAddress(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    public static boolean secure(HttpServletRequest request) {
        return proxies().secure(request.getRemoteAddr(), request.isSecure(), request.getHeader("X-Forwarded-Proto"));
    }

    /** Read once: the list is deployment configuration, not something that changes while the application runs. */
    private static TrustedProxies proxies() {
        TrustedProxies p = trusted;
        if (p == null) {
            p = TrustedProxies.parse(ConfigProvider.getConfig()
                    .getOptionalValue("faxgate.trusted-proxies", String.class).orElse(""));
            trusted = p;
        }
        return p;
    }
}
