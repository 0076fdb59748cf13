package io.faxgate.platform.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Bean Validation failures (on facade parameters) as 400, named by the JSON property the client sent. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<FieldError> errors = fieldErrors(e);
        String message = String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
        return ApiError.response(Response.Status.BAD_REQUEST, message, errors);
    }

    static List<FieldError> fieldErrors(ConstraintViolationException e) {
        TreeSet<FieldError> unique = new TreeSet<>(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            unique.add(new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        return List.copyOf(unique);
    }

    /** "create.request.slug" → "slug"; a violation on the whole parameter (e.g. missing body) → "body". */
    static String fieldOf(Path path) {
        String field = "body";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                field = node.getName();
            }
        }
        return field;
    }
}
