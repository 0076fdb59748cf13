package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimMember;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A group as SCIM returns it; {@code members} is null when the client excluded them. */
public record ScimGroupRecord(long id, long version, String displayName, String externalId, List<ScimMember> members,
                              Instant created, Instant lastModified) implements Serializable {
}
