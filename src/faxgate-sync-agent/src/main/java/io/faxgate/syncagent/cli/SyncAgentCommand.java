package io.faxgate.syncagent.cli;

import io.faxgate.syncagent.config.AgentConfig;
import io.faxgate.syncagent.config.AgentConfigFile;
import io.faxgate.syncagent.config.ConfigurationException;
import io.faxgate.syncagent.config.DurationText;
import io.faxgate.syncagent.config.FaxgateSettings;
import io.faxgate.syncagent.ldap.DirectoryUnavailableException;
import io.faxgate.syncagent.scim.FaxgateTenant;
import io.faxgate.syncagent.scim.FaxgateUnavailableException;
import io.faxgate.syncagent.scim.Pause;
import io.faxgate.syncagent.scim.ScimTenantClient;
import io.faxgate.syncagent.state.StateFileException;
import io.faxgate.syncagent.sync.SyncRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code java -jar faxgate-sync-agent.jar --config agent.properties [--dry-run] [--full] [--daemon [--interval 15m]]} */
@Command(name = "faxgate-sync-agent",
        mixinStandardHelpOptions = true,
        versionProvider = SyncAgentCommand.Version.class,
        description = {"Synchronises Active Directory users and security groups to a Faxgate tenant over SCIM 2.0.",
                "Secrets are read from the environment (FAXGATE_LDAP_BIND_PASSWORD, FAXGATE_SCIM_TOKEN) or from files"
                        + " named in the configuration, never from the command line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every planned change was made (or the dry-run plan was printed)",
                "1:finished, but some changes failed or were refused (see log); retried next run",
                "2:configuration or command-line error (including a secret on the command line)",
                "3:Active Directory unreachable, TLS or bind failed, or a search failed",
                "4:Faxgate unreachable, or the SCIM token was refused (401/403)",
                "5:state file corrupt, unreadable, unwritable or locked by another run"})
public final class SyncAgentCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(SyncAgentCommand.class.getName());

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Configuration file (properties).")
    Path config;

    @Option(names = "--dry-run", description = "Read AD and Faxgate, print the plan, change nothing (state file untouched).")
    boolean dryRun;

    @Option(names = "--full", description = "Full sync even if an incremental one is possible (deactivates users gone from AD).")
    boolean full;

    @Option(names = "--daemon", description = "Keep running: one sync every --interval; a full sync at least every daemon.fullSyncEvery.")
    boolean daemon;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Pause between daemon runs (e.g. 15m, 1h); default daemon.interval or 15m.")
    String interval;

    @Option(names = "--state-file", paramLabel = "FILE", description = "Override state.file from the configuration.")
    Path stateFile;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Also log to this file (rotated at 10 MB, 5 files).")
    Path logFile;

    @Option(names = {"-v", "--verbose"}, description = "Log details (never secrets).")
    boolean verbose;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final Function<FaxgateSettings, FaxgateTenant> tenantFactory;
    private final int daemonMaxRuns;

    SyncAgentCommand(Map<String, String> environment, PrintStream out,
                     Function<FaxgateSettings, FaxgateTenant> tenantFactory, int daemonMaxRuns) {
        this.environment = environment;
        this.out = out;
        this.tenantFactory = tenantFactory;
        this.daemonMaxRuns = daemonMaxRuns;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.out, System.err,
                settings -> new ScimTenantClient(settings, Pause.REAL), 0));
    }

    /** Everything {@link #main} does except {@code System.exit}; tests call it with their own environment and streams. */
    static int execute(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
                       Function<FaxgateSettings, FaxgateTenant> tenantFactory, int daemonMaxRuns) {
        Optional<String> secret = CommandLineSecretGuard.findSecretOption(args);
        if (secret.isPresent()) {
            err.println("Refused option " + secret.get() + ": secrets are never accepted on the command line (they"
                    + " would show in the process list and shell history). Set " + AgentConfigFile.ENV_LDAP_BIND_PASSWORD
                    + " / " + AgentConfigFile.ENV_SCIM_TOKEN + " in the environment, or name files in"
                    + " ldap.bindPasswordFile / faxgate.tokenFile.");
            return ExitCode.CONFIGURATION_ERROR;
        }
        CommandLine cl = new CommandLine(new SyncAgentCommand(environment, out, tenantFactory, daemonMaxRuns));
        cl.setExpandAtFiles(false);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            String message = ex instanceof CommandLine.UnmatchedArgumentException u
                    ? "Unknown option(s): " + String.join(", ", u.getUnmatched().stream().filter(s -> s.startsWith("-")).toList())
                    : ex.getMessage();
            ex.getCommandLine().getErr().println(message);
            ex.getCommandLine().getErr().println("Try --help.");
            return ExitCode.CONFIGURATION_ERROR;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        LogSetup.configure(verbose, logFile);
        if (daemon && dryRun) {
            LOG.severe("--daemon and --dry-run cannot be combined");
            return ExitCode.CONFIGURATION_ERROR;
        }
        if (!daemon && interval != null) {
            LOG.severe("--interval only makes sense with --daemon");
            return ExitCode.CONFIGURATION_ERROR;
        }
        if (interval != null) {
            try {
                if (DurationText.parse(interval, "--interval").toSeconds() < 1) {
                    throw new ConfigurationException("--interval must be at least 1s");
                }
            } catch (ConfigurationException e) {
                LOG.severe(e.getMessage());
                return ExitCode.CONFIGURATION_ERROR;
            }
        }
        if (!daemon) {
            return runOnce(full);
        }
        boolean[] first = {true};
        return new Daemon(this::daemonInterval, () -> {
            boolean forceFull = full && first[0];
            first[0] = false;
            return runOnce(forceFull);
        }, daemonMaxRuns).loop();
    }

    /** Loads the configuration afresh for every run, so a rotated token file or edited filter is picked up. */
    int runOnce(boolean forceFull) {
        try {
            AgentConfig cfg = loadConfig();
            SyncRun run = new SyncRun(cfg, tenantFactory, out);
            boolean fullNow = forceFull || (daemon && run.fullSyncDue(cfg.fullSyncEvery()));
            SyncRun.Outcome outcome = run.run(fullNow, dryRun);
            return outcome.hasFailures() ? ExitCode.PARTIAL_FAILURE : ExitCode.OK;
        } catch (ConfigurationException e) {
            LOG.severe("Configuration error: " + e.getMessage());
            return ExitCode.CONFIGURATION_ERROR;
        } catch (DirectoryUnavailableException e) {
            LOG.severe("Active Directory unavailable: " + e.getMessage());
            return ExitCode.DIRECTORY_UNAVAILABLE;
        } catch (FaxgateUnavailableException e) {
            LOG.severe("Faxgate unavailable: " + e.getMessage());
            return ExitCode.FAXGATE_UNAVAILABLE;
        } catch (StateFileException e) {
            LOG.severe(e.getMessage());
            return ExitCode.STATE_FILE_ERROR;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected error: " + e, e);
            return ExitCode.PARTIAL_FAILURE;
        }
    }

    private AgentConfig loadConfig() {
        AgentConfig cfg = AgentConfigFile.load(config, environment);
        if (stateFile != null) {
            cfg = new AgentConfig(cfg.directory(), cfg.faxgate(), stateFile.toAbsolutePath(), cfg.daemonInterval(),
                    cfg.fullSyncEvery(), cfg.maxDeactivations());
        }
        return cfg;
    }

    private Duration daemonInterval() {
        if (interval != null) {
            return DurationText.parse(interval, "--interval");
        }
        try {
            return loadConfig().daemonInterval();
        } catch (ConfigurationException e) {
            return Duration.ofMinutes(15);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SyncAgentCommand.class.getPackage().getImplementationVersion();
            return new String[] {"faxgate-sync-agent " + (v == null ? "(development build)" : v)};
        }
    }
}
