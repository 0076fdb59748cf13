package io.faxgate.platform.boundary;

import jakarta.ejb.ApplicationException;

/** The change collides with the current state (duplicate key, stale version). Answered as 409. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public static ConflictException staleVersion(String what, long expected, long actual) {
        return new ConflictException("version", what + " was changed by someone else (you sent version " + expected
                + ", current is " + actual + "); reload and try again");
    }

    public String field() {
        return field;
    }
}
