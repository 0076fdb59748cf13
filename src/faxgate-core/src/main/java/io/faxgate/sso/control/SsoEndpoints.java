package io.faxgate.sso.control;

import io.faxgate.platform.control.PublicBaseUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The per-tenant URLs Faxgate publishes; admins copy them into Entra, so their shape is a contract. */
@ApplicationScoped
public class SsoEndpoints {

    @Inject
    PublicBaseUrl base;

    public String consume(String slug) {
        return base.resolve("/sso/" + slug + "/acs");
    }

    public String redirect(String slug) {
        return base.resolve("/sso/" + slug + "/login");
    }

    public String metadataDocument(String slug) {
        return base.resolve("/sso/" + slug + "/metadata");
    }

    public String singleLogout(String slug) {
        return base.resolve("/sso/" + slug + "/slo");
    }
}
