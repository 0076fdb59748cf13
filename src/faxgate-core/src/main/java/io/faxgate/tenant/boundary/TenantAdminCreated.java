package io.faxgate.tenant.boundary;

/** The only moment a generated password is visible. */
public record TenantAdminCreated(String username, String password, boolean generated) implements java.io.Serializable {
}
