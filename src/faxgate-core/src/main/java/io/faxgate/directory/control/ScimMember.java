package io.faxgate.directory.control;

import java.io.Serializable;

/** A direct member of a group: the user's id and display name. */
public record ScimMember(long userId, String display) implements Serializable {
}
