package io.faxgate.syncagent.ldap;

/** AD could not be reached, the bind failed, or a search failed. Leads to exit code 3; nothing is changed in Faxgate. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
