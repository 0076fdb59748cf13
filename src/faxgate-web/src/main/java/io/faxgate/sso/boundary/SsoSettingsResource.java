package io.faxgate.sso.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.faxgate.sso.control.SsoSettingsRequest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("tenants/{slug}/sso")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SSO settings")
public class SsoSettingsResource {

    @EJB
    SsoSettingsFacade settings;

    @GET
    @Operation(summary = "SSO settings plus the Consume, Redirect and Metadata endpoints to enter in Entra")
    public SsoSettingsView get(@PathParam("slug") String slug) {
        return settings.get(slug);
    }

    @PUT
    @Operation(summary = "Save SSO settings (all-or-nothing)", description = "400 names every invalid field; nothing is saved then.")
    public SsoSettingsView save(@PathParam("slug") String slug, SsoSettingsRequest request) {
        return settings.save(slug, request);
    }
}
