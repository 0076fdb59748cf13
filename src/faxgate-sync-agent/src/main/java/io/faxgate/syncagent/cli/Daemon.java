package io.faxgate.syncagent.cli;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a sync, waits, runs again, until the process is stopped (SIGTERM / Ctrl-C / service stop). Unreachable AD or
 * Faxgate is logged and tried again next interval; a configuration or state-file problem stops the daemon because
 * it needs an administrator.
 */
final class Daemon {

    private static final Logger LOG = Logger.getLogger(Daemon.class.getName());

    private final Supplier<Duration> interval;
    private final IntSupplier oneRun;
    private final int maxRuns;
    private volatile boolean stopping;

    /** @param maxRuns stop after this many runs (0 = until stopped); tests use it */
    Daemon(Supplier<Duration> interval, IntSupplier oneRun, int maxRuns) {
        this.interval = interval;
        this.oneRun = oneRun;
        this.maxRuns = maxRuns;
    }

    int loop() {
        Thread worker = Thread.currentThread();
        Thread hook = new Thread(() -> {
            stopping = true;
            worker.interrupt();
            try {
                worker.join(30_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "faxgate-sync-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int runs = 0;
            while (!stopping) {
                int code = oneRun.getAsInt();
                runs++;
                if (code == ExitCode.CONFIGURATION_ERROR || code == ExitCode.STATE_FILE_ERROR) {
                    LOG.severe("Daemon stops: exit code " + code + " needs an administrator");
                    return code;
                }
                if (maxRuns > 0 && runs >= maxRuns) {
                    return code;
                }
                Duration wait = interval.get();
                LOG.info("Next run in " + wait);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    break;
                }
            }
            LOG.info("Daemon stopped");
            return ExitCode.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running
            }
        }
    }
}
