package io.faxgate.syncagent.config;

/** The configuration file, an option or a secret source is missing or wrong. Leads to exit code 2. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
