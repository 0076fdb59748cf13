package io.faxgate.syncagent.state;

/** The state file exists but cannot be read or written. Leads to exit code 5. */
public class StateFileException extends RuntimeException {

    public StateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
