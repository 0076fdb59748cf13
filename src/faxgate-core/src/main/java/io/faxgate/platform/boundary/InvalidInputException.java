package io.faxgate.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; rolls back so nothing is half-written. Answered as 400 naming the fields. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> fieldErrors;

    public InvalidInputException(List<FieldError> fieldErrors) {
        super(fieldErrors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
