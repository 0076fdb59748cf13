package io.faxgate.syncagent.plan;

import java.util.ArrayList;
import java.util.List;

/** What a run achieved; failures are individual requests that Faxgate refused or that timed out. */
public final class SyncReport {

    private int usersCreated;
    private int usersUpdated;
    private int usersDeactivated;
    private int groupsCreated;
    private int groupsRenamed;
    private int membersAdded;
    private int membersRemoved;
    private final List<String> failures = new ArrayList<>();

    void userCreated() { usersCreated++; }
    void userUpdated() { usersUpdated++; }
    void userDeactivated() { usersDeactivated++; }
    void groupCreated() { groupsCreated++; }
    void groupRenamed() { groupsRenamed++; }
    void membersAdded(int n) { membersAdded += n; }
    void membersRemoved(int n) { membersRemoved += n; }

    public void failed(String what) {
        failures.add(what);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    public String summary() {
        return String.format("%d user(s) created, %d updated, %d deactivated; %d group(s) created, %d renamed;"
                        + " %d membership(s) added, %d removed; %d failure(s)",
                usersCreated, usersUpdated, usersDeactivated, groupsCreated, groupsRenamed, membersAdded,
                membersRemoved, failures.size());
    }
}
