package io.faxgate.syncagent.plan;

import java.io.PrintStream;
import java.util.List;

/**
 * The ordered changes one run will make: users first (so new users have ids), then groups, member removals,
 * member additions, and deactivations last.
 *
 * @param full     whether it was computed from a complete AD read (only then are deactivations possible)
 * @param refusals safety stops, e.g. a deactivation count above {@code sync.maxDeactivations}
 */
public record SyncPlan(boolean full, List<PlannedChange> changes, List<String> refusals) {

    public long count(Class<? extends PlannedChange> kind) {
        return changes.stream().filter(kind::isInstance).filter(PlannedChange::changesFaxgate).count();
    }

    public long memberAdds() {
        return changes.stream().filter(c -> c instanceof PlannedChange.AddMembers)
                .mapToLong(c -> ((PlannedChange.AddMembers) c).userGuids().size()).sum();
    }

    public long memberRemovals() {
        return changes.stream().filter(c -> c instanceof PlannedChange.RemoveMembers)
                .mapToLong(c -> ((PlannedChange.RemoveMembers) c).members().size()).sum();
    }

    public boolean isEmpty() {
        return changes.stream().noneMatch(PlannedChange::changesFaxgate);
    }

    public String summary() {
        return String.format("%d user create(s), %d user update(s), %d deactivation(s), %d group create(s),"
                        + " %d group rename(s), %d membership add(s), %d membership removal(s)",
                count(PlannedChange.CreateUser.class), count(PlannedChange.UpdateUser.class),
                count(PlannedChange.DeactivateUser.class), count(PlannedChange.CreateGroup.class),
                count(PlannedChange.RenameGroup.class), memberAdds(), memberRemovals());
    }

    public void print(PrintStream out, boolean dryRun) {
        out.println((dryRun ? "DRY RUN - nothing will be changed. " : "") + "Plan (" + (full ? "full" : "incremental")
                + " sync): " + summary());
        for (PlannedChange c : changes) {
            if (c.changesFaxgate()) {
                out.println("  " + c.describe());
            }
        }
        for (String r : refusals) {
            out.println("  REFUSED          " + r);
        }
        if (isEmpty() && refusals.isEmpty()) {
            out.println("  (no changes)");
        }
    }
}
