package io.faxgate.access.boundary;

/** The only moment a generated password is visible. */
public record TenantAdminCreated(String username, String password, boolean generated) implements java.io.Serializable {
}
