package io.faxgate.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an anonymous call to the management API with 401 before it reaches an EJB. The EJBs' {@code @RolesAllowed}
 * stay the rule that decides; this only makes the refusal of a caller who is not signed in cheap and quiet: refused
 * by the EJB container, every such call cost ≈ 1.4 ms of CPU and wrote a system-exception warning with a 60-line stack
 * trace to the server log — an anonymous visitor could roll the log over in minutes and push out what an operator
 * needs (measured with {@code RequestFloor}, docs/performance.md). Resources that authenticate their requests
 * themselves (the carrier webhook's HMAC) say so with {@code @PermitAll}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignedInCallersOnly implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null && !anonymousAllowed()) {
            request.abortWith(ContainerExceptionMapper.unauthorized());
        }
    }

    private boolean anonymousAllowed() {
        return resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(PermitAll.class)
                || resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(PermitAll.class);
    }
}
