package io.faxgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.List;
import java.util.UUID;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real SCIM client library (UnboundID SCIM 2 SDK on Jersey) against the server: typed resources round-trip. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScimClientIT {

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @Test
    void theUnboundIdClientProvisionsUsersAndGroups() throws Exception {
        ScimEndpoint endpoint = ScimEndpoint.newTenant("sdk");
        Client http = ClientBuilder.newClient(new ClientConfig().connectorProvider(new JavaNetHttpConnectorProvider()))
                .register((ClientRequestFilter) r -> r.getHeaders().putSingle("Authorization", "Bearer " + endpoint.token));
        try {
            ScimService scim = new ScimService(http.target(endpoint.base()));

            ServiceProviderConfigResource config = scim.getServiceProviderConfig();
            assertThat(config.getPatch().isSupported()).isTrue();
            assertThat(scim.getResourceTypes().getResources()).extracting(r -> r.getName()).contains("User", "Group");

            UserResource carol = new UserResource().setUserName("carol@" + endpoint.slug + ".example")
                    .setName(new Name().setGivenName("Carol").setFamilyName("Cooper"))
                    .setEmails(List.of(new Email().setValue("carol@" + endpoint.slug + ".example").setType("work").setPrimary(true)))
                    .setActive(true);
            carol.setExternalId(UUID.randomUUID().toString());
            UserResource created = scim.create("Users", carol);
            assertThat(created.getId()).isNotBlank();
            assertThat(created.getDisplayName()).isEqualTo("Carol Cooper");
            assertThat(created.getMeta().getLocation().toString()).isEqualTo(endpoint.base() + "/Users/" + created.getId());

            ListResponse<UserResource> found = scim.searchRequest("Users")
                    .filter(Filter.eq("externalId", carol.getExternalId()).toString()).invoke(UserResource.class);
            assertThat(found.getTotalResults()).isEqualTo(1);
            assertThat(found.getResources().get(0).getUserName()).isEqualTo(carol.getUserName());
            assertThat(scim.searchRequest("Users").filter(Filter.eq("userName", "nobody@nowhere").toString())
                    .invoke(UserResource.class).getTotalResults()).isZero();

            UserResource retrieved = scim.retrieve("Users", created.getId(), UserResource.class);
            retrieved.setDisplayName("Carol C.");
            UserResource replaced = scim.replace(retrieved);
            assertThat(replaced.getDisplayName()).isEqualTo("Carol C.");

            UserResource deactivated = scim.modifyRequest("Users", created.getId())
                    .addOperation(PatchOperation.replace("active", Boolean.FALSE)).invoke(UserResource.class);
            assertThat(deactivated.getActive()).isFalse();

            GroupResource group = new GroupResource().setDisplayName("Fax Night Shift");
            group.setExternalId(UUID.randomUUID().toString());
            GroupResource createdGroup = scim.create("Groups", group);
            scim.modifyRequest("Groups", createdGroup.getId())
                    .addOperation(PatchOperation.add("members", JsonUtils.getJsonNodeFactory().arrayNode()
                            .add(JsonUtils.getJsonNodeFactory().objectNode().put("value", created.getId()))))
                    .invoke(String.class);
            GroupResource withMember = scim.retrieve("Groups", createdGroup.getId(), GroupResource.class);
            assertThat(withMember.getMembers()).extracting(Member::getValue).containsExactly(created.getId());
            scim.modifyRequest("Groups", createdGroup.getId())
                    .addOperation(PatchOperation.remove("members[value eq \"" + created.getId() + "\"]")).invoke(String.class);
            assertThat(scim.retrieve("Groups", createdGroup.getId(), GroupResource.class).getMembers()).isNullOrEmpty();

            UserResource duplicate = new UserResource().setUserName(carol.getUserName());
            assertThatThrownBy(() -> scim.create("Users", duplicate)).isInstanceOf(ScimException.class)
                    .satisfies(e -> {
                        assertThat(((ScimException) e).getScimError().getStatus()).isEqualTo(409);
                        assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("uniqueness");
                    });

            scim.delete("Users", created.getId());
            assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), GenericScimResource.class))
                    .isInstanceOf(ScimException.class)
                    .satisfies(e -> assertThat(((ScimException) e).getScimError().getStatus()).isEqualTo(404));
        } finally {
            http.close();
        }
    }
}
