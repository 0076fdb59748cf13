package io.faxgate.directory.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * SCIM 2.0 provisioning per tenant at {@code /scim/v2/{tenant}/} (Entra ID, the AD sync agent). Separate from the
 * management API: bearer tokens only (checked by {@link ScimGateway}, not the container's authentication), SCIM
 * error documents only ({@link ScimErrors}). The classes are listed explicitly so that none of the management API's
 * providers (its error shape, its JSON binding) apply here.
 */
@ApplicationPath("/scim/v2")
public class ScimApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ScimGateway.class, ScimErrors.class, ScimUsersResource.class, ScimGroupsResource.class,
                ScimDiscoveryResource.class, ScimUnsupportedResource.class);
    }
}
