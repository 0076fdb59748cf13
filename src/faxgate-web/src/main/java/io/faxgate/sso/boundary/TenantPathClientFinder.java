package io.faxgate.sso.boundary;

import java.util.List;
import org.pac4j.core.client.Client;
import org.pac4j.core.client.Clients;
import org.pac4j.core.client.finder.ClientFinder;
import org.pac4j.core.context.WebContext;

/** The client of a request is the tenant in its path, {@code /sso/{tenant}/...}; no request parameter can pick another. */
public class TenantPathClientFinder implements ClientFinder {

    @Override
    public List<Client> find(Clients clients, WebContext context, String clientNames) {
        return SsoPath.parse(context.getPath())
                .flatMap(path -> clients.findClient(TenantSamlClient.NAME_PREFIX + path.tenant()))
                .map(List::of).orElse(List.of());
    }
}
