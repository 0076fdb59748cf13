package io.faxgate.platform.boundary;

import io.faxgate.platform.control.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Pages and servlets that fail because the database is away answer 503 + Retry-After instead of the 500 page. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseOutageFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || !DatabaseOutageAnswer.write(request, response)) {
                throw e;
            }
        }
    }
}
