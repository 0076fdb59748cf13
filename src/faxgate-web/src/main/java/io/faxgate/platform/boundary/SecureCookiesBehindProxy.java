package io.faxgate.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Behind a TLS-terminating proxy of ours ({@link ClientAddress#secure}) the container sees plain HTTP and would
 * set the session cookie without {@code Secure}. For such requests this filter (first in web.xml) adds
 * {@code Secure} to every Set-Cookie before the response can commit: cookies set before it ran (the
 * authentication mechanism's sign-in, which runs before any filter), sessions created further down the chain, and
 * cookies added by the application. Requests that really came over HTTPS or from anyone else pass untouched.
 *
 * <p>One cookie is out of a filter's reach: with replicated sessions Payara writes {@code JSESSIONIDVERSION} into
 * the headers while the response commits, after every filter has returned, and marks it Secure only when its own
 * connector request is secure. So the filter also tells the container the request is secure
 * ({@link ContainerRequest#markSecure}); the wrapping below stays for every container-independent path.
 */
public class SecureCookiesBehindProxy extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isSecure() || !ClientAddress.secure(request)) {
            chain.doFilter(request, response);
            return;
        }
        ContainerRequest.markSecure(request);
        secureAll(response);
        SecuringResponse securing = new SecuringResponse(response);
        chain.doFilter(new SecuringRequest(request, securing), securing);
        if (!response.isCommitted()) {
            secureAll(response);
        }
    }

    static void secureAll(HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.stream().allMatch(SecureCookiesBehindProxy::isSecure)) {
            return;
        }
        boolean first = true;
        for (String cookie : cookies) {
            String secured = isSecure(cookie) ? cookie : cookie + "; Secure";
            if (first) {
                response.setHeader("Set-Cookie", secured);
                first = false;
            } else {
                response.addHeader("Set-Cookie", secured);
            }
        }
    }

    private static boolean isSecure(String cookie) {
        for (String attribute : cookie.split(";")) {
            if (attribute.trim().toLowerCase(Locale.ROOT).equals("secure")) {
                return true;
            }
        }
        return false;
    }

    /** Sessions created or re-keyed further down the chain: their cookie is secured right away. */
    private static final class SecuringRequest extends HttpServletRequestWrapper {
        private final HttpServletResponse response;

        SecuringRequest(HttpServletRequest request, HttpServletResponse response) {
            super(request);
            this.response = response;
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            secureAll(response);
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            secureAll(response);
            return id;
        }

        @Override
        public boolean isSecure() {
            return true; // a trusted proxy says so: the application builds https URLs and secure cookies
        }

        @Override
        public String getScheme() {
            return "https";
        }
    }

    /** Every way a response can start going out: secure the cookies first. */
    private static final class SecuringResponse extends HttpServletResponseWrapper {
        SecuringResponse(HttpServletResponse response) {
            super(response);
        }

        private HttpServletResponse raw() {
            return (HttpServletResponse) getResponse();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            secureAll(raw());
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            secureAll(raw());
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            secureAll(raw());
            super.flushBuffer();
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            secureAll(raw());
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            secureAll(raw());
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            secureAll(raw());
            super.sendError(sc);
        }

        @Override
        public void addCookie(jakarta.servlet.http.Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }
    }
}
