package io.faxgate.directory.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The door of the SCIM endpoint, before any resource runs: the tenant from the path, the bearer token checked
 * against it (a token of another tenant is refused like a wrong one: 401, nothing revealed), the tenant's (and the
 * token's) rate, and one log line per request for troubleshooting — method, path, status, duration, tenant, token
 * prefix; never the token, the query string or a body.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ScimGateway implements ContainerRequestFilter, ContainerResponseFilter {

    static final String CLIENT = "io.faxgate.scim.client";
    private static final String STARTED = "io.faxgate.scim.started";
    private static final String TENANT = "io.faxgate.scim.tenant";
    private static final String BEARER = "Bearer ";
    static final Logger REQUESTS = Logger.getLogger("io.faxgate.scim.requests");

    @EJB
    ScimProvisioning provisioning;

    @Inject
    ScimRateLimit rateLimit;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        String path = request.getUriInfo().getPath();
        String tenant = tenantOf(path);
        request.setProperty(TENANT, tenant);
        if (tenant == null) {
            request.abortWith(ScimErrors.response(404, null, "the SCIM endpoint is /scim/v2/{tenant}/"));
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(unauthorized());
            return;
        }
        Optional<ScimClient> client = provisioning.authenticate(tenant, authorization.substring(BEARER.length()).strip());
        if (client.isEmpty()) {
            request.abortWith(unauthorized());
            return;
        }
        request.setProperty(CLIENT, client.get());
        long wait = rateLimit.admit(client.get());
        if (wait > 0) {
            request.abortWith(Response.fromResponse(ScimErrors.response(429, null,
                    "too many requests for this tenant; retry after " + wait + " s")).header("Retry-After", wait).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        releaseParserThreadLocal();
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getHeaders().putSingle("Pragma", "no-cache");
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
        Object client = request.getProperty(CLIENT);
        String token = client instanceof ScimClient c ? c.tokenPrefix() : "-";
        Object tenant = request.getProperty(TENANT);
        REQUESTS.info(() -> "SCIM " + request.getMethod() + " /scim/v2/" + printable(request.getUriInfo().getPath())
                + " " + response.getStatus() + " " + millis + " ms tenant=" + (tenant == null ? "-" : tenant)
                + " token=" + token);
    }

    /**
     * The SDK's filter/path parser keeps its options in a ThreadLocal it never removes; on Payara's pooled request
     * threads that pins the WAR's class loader after an undeploy (Payara logs it as SEVERE). Removed after each request.
     */
    private static final ThreadLocal<?> PARSER_OPTIONS = parserOptions();

    private static ThreadLocal<?> parserOptions() {
        try {
            java.lang.reflect.Field f = com.unboundid.scim2.common.utils.Parser.class.getDeclaredField("threadLocalOptions");
            f.setAccessible(true);
            return (ThreadLocal<?>) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another SDK version: at worst the leak warning again
        }
    }

    static void releaseParserThreadLocal() {
        if (PARSER_OPTIONS != null) {
            PARSER_OPTIONS.remove();
        }
    }

    static Response unauthorized() {
        return Response.fromResponse(ScimErrors.response(401, null, "a valid bearer token of this tenant is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"faxgate-scim\"").build();
    }

    static String tenantOf(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        String tenant = slash < 0 ? p : p.substring(0, slash);
        return tenant.isEmpty() || tenant.length() > 63 ? null : tenant;
    }

    private static String printable(String s) {
        String clean = s.replaceAll("[^\\p{Print}]", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }
}
