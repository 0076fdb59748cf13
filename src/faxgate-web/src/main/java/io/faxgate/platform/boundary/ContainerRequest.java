package io.faxgate.platform.boundary;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Payara's own request object behind the servlet API, for the one thing the API cannot say: "this request reached
 * us over TLS" (a trusted proxy terminated it). Payara decides {@code Secure} on the session-version cookie
 * (JSESSIONIDVERSION) of a replicated session from its connector request — {@code isSecure()}, and for a session id
 * that came in a cookie, whether that cookie came over a secure channel — when the response commits, after every
 * filter. Both are public setters on {@code org.apache.catalina.connector.Request}, reached through the public
 * {@code RequestFacade#getUnwrappedCoyoteRequest()}; called by reflection because Payara's web-core is no API we
 * compile against. On another container (or if Payara renames them) nothing happens and a warning is logged once.
 */
final class ContainerRequest {

    private static final Logger LOG = Logger.getLogger(ContainerRequest.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ContainerRequest() {
    }

    static void markSecure(ServletRequest request) {
        ServletRequest innermost = request;
        while (innermost instanceof ServletRequestWrapper wrapper) {
            innermost = wrapper.getRequest();
        }
        try {
            Object connectorRequest = innermost.getClass().getMethod("getUnwrappedCoyoteRequest").invoke(innermost);
            Class<?> type = connectorRequest.getClass();
            type.getMethod("setSecure", boolean.class).invoke(connectorRequest, true);
            Method fromSecureCookie = type.getMethod("setRequestedSessionIdFromSecureCookie", boolean.class);
            fromSecureCookie.invoke(connectorRequest, true);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warning("Cannot mark proxied TLS requests secure in the container (" + e
                        + "): Payara's session-version cookie JSESSIONIDVERSION will lack Secure behind the proxy");
            }
        }
    }
}
