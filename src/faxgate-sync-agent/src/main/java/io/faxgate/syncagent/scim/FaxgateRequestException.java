package io.faxgate.syncagent.scim;

/** One SCIM request failed (e.g. 400, 409, 500, or 429 after all retries). The run continues; exit code 1. */
public class FaxgateRequestException extends RuntimeException {

    private final int status;

    public FaxgateRequestException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status, 0 when there was none. */
    public int status() {
        return status;
    }
}
