package io.faxgate.sso.boundary;

import jakarta.ejb.ApplicationException;

/** The assertion was valid, but Faxgate's own rules refuse this person. {@link #reason()} is a stable code. */
@ApplicationException(rollback = true)
public class SignInRefusedException extends RuntimeException {

    private final String reason;

    public SignInRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
