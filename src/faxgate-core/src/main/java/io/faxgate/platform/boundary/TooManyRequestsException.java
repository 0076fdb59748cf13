package io.faxgate.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/** A rate limit was reached; nothing was changed. Answered as 429 with Retry-After. */
@ApplicationException(rollback = true)
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds(retryAfter);
    }

    /** A wait as a Retry-After value: whole seconds, rounded up, at least 1 (0 would invite an instant retry). */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
