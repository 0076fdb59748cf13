package io.faxgate.syncagent.scim;

/** Faxgate could not be reached, or refused the SCIM token (401/403). Stops the run; exit code 4. */
public class FaxgateUnavailableException extends RuntimeException {

    public FaxgateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
