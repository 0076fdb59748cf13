package io.faxgate.platform.boundary;

import io.faxgate.access.boundary.CallerFacade;
import io.faxgate.platform.control.DatabaseOutage;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that is not a business exception: EJB wrappers are unwrapped, access denials become 401/403,
 * optimistic-lock failures 409, framework errors keep their status, and anything unexpected is a 500 whose
 * body carries only an incident id (the stack trace goes to the server log, never to the client).
 */
@Provider
public class ContainerExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ContainerExceptionMapper.class.getName());

    @Inject
    SecurityContext security;

    @EJB
    CallerFacade callers;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Exception e) {
        Throwable cause = unwrap(e);
        if (cause instanceof InvalidInputException invalid) {
            return new ApplicationExceptionMappers.InvalidInput().toResponse(invalid);
        }
        if (cause instanceof NotFoundException notFound) {
            return new ApplicationExceptionMappers.NotFound().toResponse(notFound);
        }
        if (cause instanceof ConflictException conflict) {
            return new ApplicationExceptionMappers.Conflict().toResponse(conflict);
        }
        if (cause instanceof ForbiddenException forbidden) {
            return new ApplicationExceptionMappers.Forbidden().toResponse(forbidden);
        }
        if (cause instanceof ConstraintViolationException violation) {
            return new ConstraintViolationMapper().toResponse(violation);
        }
        if (cause instanceof OptimisticLockException) {
            return ApiError.response(Response.Status.CONFLICT, "changed by someone else meanwhile; reload and try again");
        }
        if (cause instanceof EJBAccessException || cause instanceof AccessLocalException || cause instanceof SecurityException) {
            if (security.getCallerPrincipal() == null) {
                return unauthorized();
            }
            callers.recordDenied(security.getCallerPrincipal().getName(), request.getMethod() + " " + request.getRequestURI(),
                    ClientAddress.of(request));
            return ApiError.response(Response.Status.FORBIDDEN, "you are not allowed to do this");
        }
        if (cause instanceof JsonbException || cause instanceof ProcessingException && cause.getCause() instanceof JsonbException) {
            return ApiError.response(Response.Status.BAD_REQUEST, "malformed JSON body");
        }
        if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
            if (status == null) {
                return web.getResponse();
            }
            if (web.getCause() instanceof JsonbException) {
                return ApiError.response(Response.Status.BAD_REQUEST, "malformed JSON body");
            }
            return ApiError.response(status, status.getReasonPhrase());
        }
        if (DatabaseOutage.causedBy(e)) {
            return DatabaseOutageAnswer.api();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error; incident " + incident);
    }

    public static Response unauthorized() {
        return Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED, "sign in first"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"faxgate\", charset=\"UTF-8\"").build();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current instanceof EJBException && !(current instanceof EJBAccessException) && !(current instanceof AccessLocalException) && current.getCause() != null
                || current.getClass().getName().startsWith("jakarta.ejb.EJBTransactionRolledback") && current.getCause() != null
                || current instanceof jakarta.persistence.PersistenceException && current.getCause() instanceof OptimisticLockException) {
            current = current.getCause();
        }
        return current;
    }
}
