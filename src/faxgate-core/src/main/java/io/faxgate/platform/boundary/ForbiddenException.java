package io.faxgate.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The caller may call this operation, but not with these values (e.g. grant a permission they do not hold). Answered
 * as 403 naming the field, so a page can show the refusal where the admin chose the value. Whoever throws it has
 * audited the refusal already.
 */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
