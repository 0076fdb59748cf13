package io.faxgate.directory.control;

import java.io.Serializable;
import java.util.List;

/** A group as a SCIM client describes it (POST, PUT): member values are Faxgate user ids as text. */
public record ScimGroupData(String displayName, String externalId, List<String> memberIds) implements Serializable {
}
