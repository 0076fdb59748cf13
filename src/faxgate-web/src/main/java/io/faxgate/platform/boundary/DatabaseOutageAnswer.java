package io.faxgate.platform.boundary;

import io.faxgate.directory.boundary.ScimErrors;
import io.faxgate.platform.control.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The answer while the database is away: 503 with Retry-After, in the caller's language — a SCIM error document on
 * /scim, JSON on /api, a short page for browsers. Nothing is audited here: auditing needs the database that is away.
 */
public final class DatabaseOutageAnswer {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageAnswer.class.getName());
    static final String MESSAGE = "the database is not reachable right now; try again in a few seconds";

    private DatabaseOutageAnswer() {
    }

    /** For JAX-RS exception mappers of the management API. */
    public static Response api() {
        logOnce();
        return Response.fromResponse(ApiError.response(Response.Status.SERVICE_UNAVAILABLE, MESSAGE))
                .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    /** For the SCIM exception mapper. */
    public static Response scim() {
        logOnce();
        return Response.fromResponse(ScimErrors.response(503, null, MESSAGE))
                .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    /** Writes the answer on a servlet response (filters, the authentication mechanism); false if already committed. */
    public static boolean write(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            return false;
        }
        logOnce();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.reset();
        response.setStatus(503);
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        String body;
        if (path.startsWith("/scim/")) {
            response.setContentType("application/scim+json");
            body = "{\"schemas\":[\"" + ScimErrors.ERROR_SCHEMA + "\"],\"status\":\"503\",\"detail\":\"" + MESSAGE + "\"}";
        } else if (path.startsWith("/api/")) {
            response.setContentType("application/json");
            body = "{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"" + MESSAGE + "\",\"fieldErrors\":[]}";
        } else {
            response.setContentType("text/html");
            body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Faxgate is briefly unavailable</title>"
                    + "<meta http-equiv=\"refresh\" content=\"" + DatabaseOutage.RETRY_AFTER_SECONDS + "\"></head><body>"
                    + "<h1>Faxgate is briefly unavailable</h1><p>We cannot reach our database right now. This page"
                    + " reloads itself in a few seconds; nothing you entered was saved.</p></body></html>";
        }
        response.setCharacterEncoding("UTF-8");
        try {
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException clientGone) {
            // the client left; the status is what matters
        }
        return true;
    }

    private static void logOnce() {
        LOG.log(Level.WARNING, "database unreachable: answering 503 + Retry-After");
    }
}
