package io.faxgate.directory.boundary;

import java.io.Serializable;

/**
 * A SCIM client as its bearer token identifies it: the tenant comes from the token (checked against the tenant in
 * the path), never from a signed-in caller. {@code scimBase} is the tenant's absolute SCIM URL (public base URL).
 * Only {@link ScimProvisioning#authenticate} creates these.
 */
public record ScimClient(long tenantId, String tenantSlug, long tokenId, String tokenPrefix, Integer ratePerSecond,
                         String scimBase) implements Serializable {

    /** The audit actor: which token did it, without the secret. */
    public String actor() {
        return "scim:" + tokenPrefix;
    }
}
