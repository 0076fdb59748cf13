package io.faxgate.access.boundary;

import java.util.List;

/** A user's permissions with their sources, and whether Faxgate's editor may change them in this tenant's mode. */
public record UserPermissions(long userId, String mode, boolean editable, String readOnlyReason, List<Held> permissions) implements java.io.Serializable {

    public record Held(String permission, String description, List<String> sources) implements java.io.Serializable {
    }
}
