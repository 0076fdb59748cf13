package io.faxgate.platform.boundary;

import io.faxgate.platform.control.CurrentRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives each request an id for the security events it causes: the caller's {@code X-Request-Id} when it is a
 * plausible id (a proxy's or load balancer's, to correlate across hops), else a new one. A listener, not a filter,
 * because it runs before authentication, and sign-ins are the events that matter most.
 */
@WebListener
public class RequestTracking implements ServletRequestListener {

    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            String offered = request.getHeader("X-Request-Id");
            String id = offered != null && PLAUSIBLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
            CurrentRequest.begin(id, ClientAddress.of(request)); // behind a trusted proxy: the client, not the proxy
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        CurrentRequest.end();
    }
}
