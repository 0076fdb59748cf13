package io.faxgate.audit.control;

import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes one JSON line per committed audit event to the logger {@value #LOGGER}; SecurityEventFile gives that
 * logger its own rotating file, so a SIEM agent can tail it without parsing server.log.
 */
public final class SecurityEventLog {

    public static final String LOGGER = "faxgate.security-events";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    /** The file handler SecurityEventFile opened; re-attached if a logging reconfiguration removed it. */
    private static volatile Handler file;

    private SecurityEventLog() {
    }

    static void attach(Handler handler) {
        file = handler;
        ensureAttached();
    }

    static void detach(Handler handler) {
        LOG.removeHandler(handler);
        LOG.setUseParentHandlers(true);
        file = null;
    }

    /** An asadmin log change makes the server re-read its logging configuration, which drops our handler. */
    private static void ensureAttached() {
        Handler h = file;
        if (h != null && !Arrays.asList(LOG.getHandlers()).contains(h)) {
            LOG.addHandler(h);
            LOG.setUseParentHandlers(false); // not also in server.log
            LOG.setLevel(Level.INFO);
        }
    }

    static void write(SecurityEvent event) {
        ensureAttached();
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, event.json());
        }
    }
}
