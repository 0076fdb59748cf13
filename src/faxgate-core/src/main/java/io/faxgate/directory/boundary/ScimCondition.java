package io.faxgate.directory.boundary;

import java.io.Serializable;

/**
 * One {@code attribute eq "value"} of a SCIM filter; a filter is a list of them joined by {@code and} (what Entra and
 * the AD agent send). The web tier parses the filter text with the UnboundID SCIM SDK and hands over these.
 */
public record ScimCondition(Attribute attribute, String value) implements Serializable {

    /** The attributes a filter may name. */
    public enum Attribute {
        ID, USER_NAME, EXTERNAL_ID, DISPLAY_NAME, EMAIL, ACTIVE, MEMBER
    }
}
