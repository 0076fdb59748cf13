package io.faxgate.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code /metrics}: Faxgate's application metrics in Prometheus text, behind HTTP Basic with user {@value #USER} and
 * the password {@value #PASSWORD} (a Payara password alias). Payara's own metrics security cannot be used: with it
 * on, Payara redirects every plain-HTTP scrape to its HTTPS listener (302), which breaks behind a TLS-terminating
 * proxy — so configure-domain.sh moves Payara's endpoint to {@code /payara-metrics} and this servlet serves
 * {@code /metrics}. Without a configured password the endpoint stays closed (security by default).
 */
@WebServlet(urlPatterns = MetricsEndpoint.PATH)
public class MetricsEndpoint extends HttpServlet {

    public static final String PATH = "/metrics";
    static final String USER = "metrics";
    static final String PASSWORD = "faxgate.metrics.password";
    private static final Logger LOG = Logger.getLogger(MetricsEndpoint.class.getName());

    @Inject
    MetricRegistry registry;

    @Inject
    Config config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<String> password = config.getOptionalValue(PASSWORD, String.class).filter(p -> !p.isBlank());
        if (password.isEmpty()) {
            LOG.warning(PASSWORD + " is not set: /metrics refuses every scrape");
        }
        if (password.isEmpty() || !authorized(request.getHeader("Authorization"), password.get())) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"faxgate-metrics\", charset=\"UTF-8\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.getOutputStream().write(PrometheusText.of(registry).getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison of the whole "user:password" pair, so timing tells nothing about either part. */
    static boolean authorized(String authorization, String password) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(given, (USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
