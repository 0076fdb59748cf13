package io.faxgate.audit.control;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes one JSON line per committed audit event to the logger {@value #LOGGER}; SecurityEventFile gives that
 * logger its own rotating file, so a SIEM agent can tail it without parsing server.log.
 */
public final class SecurityEventLog {

    public static final String LOGGER = "faxgate.security-events";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    private SecurityEventLog() {
    }

    static void write(SecurityEvent event) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, event.json());
        }
    }
}
