package io.faxgate.directory.boundary;

import io.faxgate.access.boundary.AdminTenant;
import io.faxgate.platform.boundary.PageErrors;
import io.faxgate.platform.boundary.PageErrors.Field;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * SCIM tokens for Entra provisioning and the AD agent: create (the secret is shown once, on this page only),
 * rotate (a new token, then the old one is revoked) and revoke; the list shows prefixes and last use, never secrets.
 */
@Named
@ViewScoped
public class ScimTokensPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ScimTokenFacade tokens;

    @Inject
    AdminTenant admin;

    private String scimBaseUrl;

    private String slug;
    private List<ScimTokenView> list = List.of();
    private String label;
    /** The secret just created; kept only in this view, gone on the next page. */
    private String createdToken;

    @PostConstruct
    void load() {
        slug = admin.getSlug();
        list = tokens.list(slug);
    }

    public void create() {
        try {
            ScimTokenCreated created = tokens.create(slug, new NewScimToken(label, null));
            createdToken = created.token();
            PageErrors.info("Token " + created.prefix() + "… created. Copy it now: Faxgate shows it only once.");
            label = null;
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("label", new Field("newToken:label", "Label")));
        }
        list = tokens.list(slug);
    }

    /** A new token with the same label; the old one stops working at once. Put the new one into Entra first. */
    public void rotate(ScimTokenView old) {
        try {
            ScimTokenCreated created = tokens.create(slug, new NewScimToken(old.label(), old.ratePerSecond()));
            tokens.revoke(slug, old.id());
            createdToken = created.token();
            PageErrors.info("Token " + old.prefix() + "… replaced by " + created.prefix() + "…, which is shown once below.");
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of());
        }
        list = tokens.list(slug);
    }

    public void revoke(ScimTokenView token) {
        try {
            tokens.revoke(slug, token.id());
            PageErrors.info("Token " + token.prefix() + "… revoked; it is refused from the next request on.");
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of());
        }
        list = tokens.list(slug);
    }

    public String getScimBaseUrl() {
        if (scimBaseUrl == null) {
            scimBaseUrl = tokens.scimBaseUrl(slug);
        }
        return scimBaseUrl;
    }

    public List<ScimTokenView> getTokens() { return list; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public String getCreatedToken() { return createdToken; }
}
