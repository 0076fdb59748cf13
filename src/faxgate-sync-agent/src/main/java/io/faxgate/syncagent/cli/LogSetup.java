package io.faxgate.syncagent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** java.util.logging on stderr (and optionally a file), one line per message. Secrets are never logged anywhere. */
final class LogSetup {

    private static final String FORMAT = "%1$tF %1$tT %4$-7s %3$s - %5$s%6$s%n";
    // java.util.logging only keeps weak references to loggers: hold the ones whose level is set here.
    private static final Logger AGENT = Logger.getLogger("io.faxgate");
    private static final Logger GLASSFISH = Logger.getLogger("org.glassfish");

    private LogSetup() {
    }

    static void configure(boolean verbose, Path logFile) throws IOException {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return; // the administrator (or the test run) configured logging
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        Handler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        console.setLevel(verbose ? Level.FINE : Level.INFO);
        root.addHandler(console);
        if (logFile != null) {
            FileHandler file = new FileHandler(logFile.toString(), 10_000_000, 5, true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(verbose ? Level.FINE : Level.INFO);
            root.addHandler(file);
        }
        AGENT.setLevel(verbose ? Level.FINE : Level.INFO);
        // Jersey and HK2 are chatty at INFO about things an administrator cannot act on.
        GLASSFISH.setLevel(Level.WARNING);
    }
}
