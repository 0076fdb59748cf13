package io.faxgate.access.boundary;

/** A web staff console password, at the only moment it is visible: right after it was generated. */
public record ConsolePasswordCreated(String username, String password) implements java.io.Serializable {
}
