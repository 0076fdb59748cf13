package io.faxgate.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Input the application could not even read is the caller's fault, answered 400 with a short page (or JSON
 * {@link ApiError} for API clients) instead of the container's 500: a forged or expired {@code jakarta.faces.ViewState},
 * a body shorter than its Content-Length, a broken multipart body. Other failures are bugs and go on to the error
 * page. Declared first in web.xml, so it wraps every other filter.
 */
public class UnreadableRequestFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(UnreadableRequestFilter.class.getName());
    /** Container classes that read the request (parameters, body, parts): a failure thrown there is the input's. */
    private static final List<String> REQUEST_READERS = List.of("org.apache.catalina.connector.Request",
            "org.apache.catalina.connector.InputBuffer", "org.apache.catalina.connector.CoyoteInputStream",
            "org.apache.catalina.fileupload.", "org.glassfish.grizzly.http.", "org.apache.catalina.connector.RequestFacade");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Optional<String> problem = problem(e);
            if (problem.isEmpty() || response.isCommitted()) {
                throw e;
            }
            LOG.info(() -> "Refused unreadable request " + request.getMethod() + " " + request.getRequestURI() + ": " + e);
            answer(request, response, problem.get());
        }
    }

    /** What was wrong with the request, when the failure was the input's; empty for anything else. */
    static Optional<String> problem(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (type.equals("jakarta.faces.application.ViewExpiredException")
                    || type.equals("jakarta.faces.application.ProtectedViewException")) {
                return Optional.of("This form has expired or was not sent by a Faxgate page. Reload the page and try again.");
            }
            if (t instanceof java.io.EOFException || thrownWhileReadingTheRequest(t)) {
                return Optional.of("The request could not be read: it was incomplete or malformed.");
            }
        }
        return Optional.empty();
    }

    private static boolean thrownWhileReadingTheRequest(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 6); i++) {
            String frame = frames[i].getClassName();
            if (REQUEST_READERS.stream().anyMatch(frame::startsWith)) {
                return true;
            }
        }
        return false;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        response.reset();
        response.setHeader("Cache-Control", "no-store");
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
            ApiError.write(response, Response.Status.BAD_REQUEST, message, List.of());
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bad request · Faxgate"
                + "</title><link rel=\"stylesheet\" href=\"/jakarta.faces.resource/faxgate.css.xhtml\"></head><body><main class=\"card\">"
                + "<h1>Bad request</h1><p>" + message + "</p><p><a href=\"/\">Back to Faxgate</a></p></main></body></html>");
    }
}
