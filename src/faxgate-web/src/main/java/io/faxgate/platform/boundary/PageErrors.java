package io.faxgate.platform.boundary;

import io.faxgate.access.boundary.CallerFacade;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;

/**
 * Turns what a facade refused into JSF messages, on the input the facade named: the page never decides rules, it
 * only shows the facade's answer. {@code fields} maps a facade field name ("clientId", "certificates[0]") to the
 * input's client id and the label the admin sees; unknown fields become a message for the whole form.
 */
public final class PageErrors {

    /** Where a facade field appears on the page. */
    public record Field(String clientId, String label) {
    }

    private PageErrors() {
    }

    /** @return true when shown; anything else (a bug) is rethrown for the error page */
    public static boolean show(RuntimeException thrown, Map<String, Field> fields) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Throwable e = unwrap(thrown);
        if (e instanceof InvalidInputException invalid) {
            fieldErrors(faces, invalid.fieldErrors(), fields);
        } else if (e instanceof ConstraintViolationException violation) {
            fieldErrors(faces, ConstraintViolationMapper.fieldErrors(violation), fields);
        } else if (e instanceof ConflictException conflict) {
            fieldErrors(faces, List.of(new FieldError(conflict.field(), conflict.getMessage())), fields);
        } else if (e instanceof ForbiddenException forbidden) {
            fieldErrors(faces, List.of(new FieldError(forbidden.field(), forbidden.getMessage())), fields);
        } else if (e instanceof NotFoundException notFound) {
            global(faces, notFound.getMessage() + " (it may have been deleted meanwhile; reload the page)");
        } else if (e instanceof TooManyRequestsException tooMany) {
            global(faces, "Too many requests: " + tooMany.getMessage() + ". Nothing was done; try again in "
                    + tooMany.retryAfterSeconds() + " seconds.");
        } else if (e instanceof OptimisticLockException) {
            global(faces, "Someone else changed this at the same time; reload the page and try again.");
        } else if (e instanceof EJBAccessException || e instanceof AccessLocalException || e instanceof SecurityException) {
            recordDenied(faces);
            global(faces, "You do not have the permission for this action.");
        } else {
            throw thrown;
        }
        faces.validationFailed();
        return true;
    }

    public static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    public static void global(FacesContext faces, String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private static void fieldErrors(FacesContext faces, List<FieldError> errors, Map<String, Field> fields) {
        for (FieldError error : errors) {
            Field field = fields.get(error.field());
            String label = field == null ? error.field() : field.label();
            String text = label + ": " + error.message();
            faces.addMessage(field == null ? null : field.clientId(), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }

    /** Refusals by @RolesAllowed land in the audit log, as they do for the REST API. */
    private static void recordDenied(FacesContext faces) {
        try {
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            if (request.getUserPrincipal() != null) {
                CallerFacade callers = jakarta.enterprise.inject.spi.CDI.current().select(CallerFacade.class).get();
                callers.recordDenied(request.getUserPrincipal().getName(), request.getMethod() + " " + request.getRequestURI(),
                        ClientAddress.of(request));
            }
        } catch (RuntimeException ignored) {
            // auditing the denial must not hide it from the user
        }
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while (current.getCause() != null && current != current.getCause()
                && (current instanceof EJBException && !(current instanceof EJBAccessException) && !(current instanceof AccessLocalException)
                || current.getClass().getName().startsWith("jakarta.ejb.EJBTransactionRolledback")
                || current instanceof jakarta.persistence.PersistenceException && current.getCause() instanceof OptimisticLockException
                || current instanceof jakarta.faces.FacesException || current instanceof jakarta.el.ELException)) {
            current = current.getCause();
        }
        return current;
    }
}
