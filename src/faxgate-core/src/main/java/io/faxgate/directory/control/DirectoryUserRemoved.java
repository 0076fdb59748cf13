package io.faxgate.directory.control;

/**
 * A directory user is being deleted. Fired synchronously inside the deleting transaction, before the user's row
 * goes: the components that keep rows about the user (access: grants, app roles, a web staff password) remove
 * their own rows — directory never deletes another component's rows.
 */
public record DirectoryUserRemoved(long tenantId, long userId) {
}
