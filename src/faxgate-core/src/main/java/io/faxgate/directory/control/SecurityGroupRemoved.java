package io.faxgate.directory.control;

import java.util.ArrayList;
import java.util.List;

/**
 * A security group is being deleted. Fired synchronously inside the deleting transaction, before the group's row
 * goes: the components that keep rows about the group (fax: line bindings) remove their own rows and say what they
 * released, for the audit event of the deletion.
 */
public final class SecurityGroupRemoved {

    private final long tenantId;
    private final long groupId;
    private final List<String> released = new ArrayList<>();

    public SecurityGroupRemoved(long tenantId, long groupId) {
        this.tenantId = tenantId;
        this.groupId = groupId;
    }

    public long tenantId() {
        return tenantId;
    }

    public long groupId() {
        return groupId;
    }

    /** An observer's note, e.g. "2 fax line binding(s)". */
    public void released(String what) {
        released.add(what);
    }

    public List<String> released() {
        return List.copyOf(released);
    }
}
