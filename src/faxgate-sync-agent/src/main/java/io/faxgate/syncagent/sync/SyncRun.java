package io.faxgate.syncagent.sync;

import com.unboundid.ldap.sdk.LDAPConnection;
import io.faxgate.syncagent.config.AgentConfig;
import io.faxgate.syncagent.config.FaxgateSettings;
import io.faxgate.syncagent.ldap.ActiveDirectoryReader;
import io.faxgate.syncagent.ldap.DirectoryConnector;
import io.faxgate.syncagent.ldap.DirectorySnapshot;
import io.faxgate.syncagent.plan.PlanExecutor;
import io.faxgate.syncagent.plan.SyncPlan;
import io.faxgate.syncagent.plan.SyncPlanner;
import io.faxgate.syncagent.plan.SyncReport;
import io.faxgate.syncagent.scim.FaxgateTenant;
import io.faxgate.syncagent.state.StateFile;
import io.faxgate.syncagent.state.StateFileException;
import io.faxgate.syncagent.state.SyncState;

import java.io.PrintStream;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * One synchronisation: load state, read AD (full, or incremental above the stored USN watermark), plan, then either
 * print the plan (dry run) or carry it out and save the state.
 * <p>
 * The watermark (and "last full sync") only advance when every step succeeded, so failed changes are read and tried
 * again on the next run. Progress is saved even when a run stops half-way (Faxgate unreachable), so nothing done
 * is forgotten.
 */
public final class SyncRun {

    private static final Logger LOG = Logger.getLogger(SyncRun.class.getName());

    private final AgentConfig config;
    private final Function<FaxgateSettings, FaxgateTenant> tenantFactory;
    private final PrintStream out;

    public SyncRun(AgentConfig config, Function<FaxgateSettings, FaxgateTenant> tenantFactory, PrintStream out) {
        this.config = config;
        this.tenantFactory = tenantFactory;
        this.out = out;
    }

    /** @param plan the computed plan; {@code report} is null for a dry run */
    public record Outcome(SyncPlan plan, SyncReport report, boolean full) {
        public boolean hasFailures() {
            return !plan.refusals().isEmpty() || (report != null && report.hasFailures());
        }
    }

    /** Whether the last full sync recorded in the state is older than {@code every} (or there was none). */
    public boolean fullSyncDue(java.time.Duration every) {
        String last = new StateFile(config.stateFile()).load().getLastFullSync();
        return last == null || Instant.parse(last).plus(every).isBefore(Instant.now());
    }

    public Outcome run(boolean forceFull, boolean dryRun) {
        StateFile file = new StateFile(config.stateFile());
        if (dryRun) {
            return runLocked(file, forceFull, true);
        }
        try (AutoCloseable lock = file.lock()) {
            return runLocked(file, forceFull, false);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StateFileException("Cannot release the state lock: " + e.getMessage(), e);
        }
    }

    private Outcome runLocked(StateFile file, boolean forceFull, boolean dryRun) {
        SyncState state = file.load();
        String url = config.directory().url().toString();
        OptionalLong since = forceFull ? OptionalLong.empty() : state.watermarkFor(url);
        if (!forceFull && since.isEmpty()) {
            LOG.info("No usable USN watermark for " + url + " in " + file.path() + ": running a full sync");
        }

        DirectorySnapshot snapshot;
        try (LDAPConnection connection = new DirectoryConnector(config.directory()).open()) {
            snapshot = new ActiveDirectoryReader(connection, config.directory()).read(since);
        }

        try (FaxgateTenant tenant = tenantFactory.apply(config.faxgate())) {
            SyncPlan plan = new SyncPlanner(tenant, config.maxDeactivations()).plan(snapshot, state);
            if (dryRun) {
                plan.print(out, true);
                return new Outcome(plan, null, snapshot.complete());
            }
            LOG.info("Plan (" + (snapshot.complete() ? "full" : "incremental") + "): " + plan.summary());
            SyncReport report = null;
            try {
                report = new PlanExecutor(tenant, state).execute(plan);
            } finally {
                String now = Instant.now().toString();
                state.setLastRun(now);
                if (report != null && !report.hasFailures() && plan.refusals().isEmpty()) {
                    state.setDirectoryUrl(url);
                    state.setWatermark(snapshot.watermark());
                    if (snapshot.complete()) {
                        state.setLastFullSync(now);
                    }
                }
                file.save(state);
            }
            LOG.info("Done: " + report.summary());
            return new Outcome(plan, report, snapshot.complete());
        }
    }
}
