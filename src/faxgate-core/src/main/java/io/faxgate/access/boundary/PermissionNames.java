package io.faxgate.access.boundary;

import io.faxgate.access.entity.Permission;
import io.faxgate.platform.boundary.InvalidInputException;
import java.util.Arrays;

/** Reads a permission name a client sent, answering a typo with the list of valid names. */
final class PermissionNames {

    private PermissionNames() {
    }

    static Permission parse(String field, String name) {
        try {
            return Permission.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + name + "' is not one of " + Arrays.toString(Permission.values()));
        }
    }
}
