package io.faxgate.it.idp;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.formats.Pem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A real SAML IdP for end-to-end tests: Keycloak (org.keycloak:keycloak-quarkus-dist, unpacked by the pom into
 * {@code target/}) in dev mode on {@code 127.0.0.1:8180} (management/health on 9180), with realm {@code faxgate-test}
 * imported from {@code src/test/resources/keycloak/faxgate-test-realm.json}, set up through the Admin REST API to
 * behave like Microsoft Entra ID (claim names, signing defaults; see shared/ENTRA.md).
 *
 * <p>One instance per test JVM, started lazily by the first {@link #get()} (≈ 30–55 s) and stopped by a JVM shutdown
 * hook; test runs that never call {@link #get()} never start it. Its database is in memory: every JVM starts from the
 * realm file. Output goes to {@code target/keycloak.log}. Tests in the same JVM share the realm, so they should use
 * their own slugs, usernames and group names (e.g. suffixed with a random id).
 *
 * <p>This class is the tests' one entry point; the work is split: {@link KeycloakProcess} starts and stops the
 * server, {@link KeycloakAdminClient} calls its Admin REST API, {@link EntraClaimMappers} makes a client speak Entra's
 * claim names. Here remain the IdP's facts (endpoints, certificate), SAML clients, roles, users and groups.
 */
public final class KeycloakIdp {

    public static final String REALM = "faxgate-test";
    public static final String HOST = KeycloakProcess.HOST;
    public static final int HTTP_PORT = KeycloakProcess.HTTP_PORT;
    public static final int MANAGEMENT_PORT = KeycloakProcess.MANAGEMENT_PORT;
    /** The user attribute that holds the Entra object id (a GUID) of a test user. */
    public static final String OBJECT_ID_ATTRIBUTE = "objectidentifier";

    private static final String BASE_URL = KeycloakProcess.BASE_URL;
    private static final String MD_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakIdp instance;
    private static RuntimeException startFailure;

    private final KeycloakProcess process;
    private final KeycloakAdminClient adminApi;
    private final Map<String, String> groupIds = new ConcurrentHashMap<>();

    /** A SAML client registered for one tenant; {@code id} is Keycloak's internal id. */
    public record RegisteredClient(String id, SamlClientSpec spec) {
        public String slug() {
            return spec.slug();
        }

        public String entityId() {
            return spec.entityId();
        }
    }

    /** A user of the test IdP. {@code objectId} is what the objectidentifier claim carries. */
    public record TestUser(String id, String username, String password, String email, String firstName, String lastName,
            String objectId) {
    }

    private KeycloakIdp(KeycloakProcess process) {
        this.process = process;
        this.adminApi = new KeycloakAdminClient(process.adminPassword());
    }

    /** The running IdP of this JVM; starts it on first use (and waits until it is ready and configured). */
    public static synchronized KeycloakIdp get() {
        if (startFailure != null) {
            throw new IllegalStateException("the test IdP failed to start earlier in this JVM", startFailure);
        }
        if (instance == null) {
            try {
                KeycloakProcess running = KeycloakProcess.start();
                Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "keycloak-idp-stop"));
                KeycloakIdp started = new KeycloakIdp(running);
                started.configureRealm();
                instance = started;
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /** Whether this JVM has started the IdP (without starting it). */
    public static synchronized boolean isStarted() {
        return instance != null;
    }

    /** Declares the objectidentifier attribute in the realm's user profile (unmanaged attributes are dropped). */
    private void configureRealm() {
        ObjectNode profile = (ObjectNode) admin("GET", "/users/profile", null);
        ArrayNode attributes = (ArrayNode) profile.get("attributes");
        boolean declared = false;
        for (JsonNode attribute : attributes) {
            declared |= OBJECT_ID_ATTRIBUTE.equals(attribute.path("name").asText());
        }
        if (!declared) {
            ObjectNode attribute = attributes.addObject();
            attribute.put("name", OBJECT_ID_ATTRIBUTE);
            attribute.put("displayName", "Object ID (Entra)");
            attribute.put("multivalued", false);
            ObjectNode permissions = attribute.putObject("permissions");
            permissions.putArray("view").add("admin").add("user");
            permissions.putArray("edit").add("admin");
        }
        admin("PUT", "/users/profile", profile);
    }

    // ------------------------------------------------------------------------------------------------ facts

    public Duration startupTime() {
        return process.startupTime();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** {@code http://127.0.0.1:8180} */
    public String baseUrl() {
        return BASE_URL;
    }

    /** The SAML endpoint for AuthnRequests (Redirect or POST binding) and logout: like Entra's Login URL. */
    public String loginEndpoint() {
        return BASE_URL + "/realms/" + REALM + "/protocol/saml";
    }

    /** The IdP entity id = Issuer of Response and Assertion: like Entra's {@code https://sts.windows.net/{tenant}/}. */
    public String entityId() {
        return BASE_URL + "/realms/" + REALM;
    }

    public String descriptorUrl() {
        return loginEndpoint() + "/descriptor";
    }

    /** Where a browser starts an IdP-initiated sign-in to the client registered for {@code slug} (Entra: My Apps tile). */
    public String idpInitiatedUrl(String slug) {
        return loginEndpoint() + "/clients/" + slug;
    }

    /** The realm's SAML signing certificate as PEM (with armour), read from the IdP's metadata. */
    public String signingCertificatePem() {
        return Pem.armourBase64Certificate(signingCertificateBase64()) + "\n";
    }

    public X509Certificate signingCertificate() {
        try {
            return Pem.parseCertificate(signingCertificateBase64());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the IdP metadata's certificate does not parse", e);
        }
    }

    /** The IdP metadata XML, as served. */
    public String descriptor() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(descriptorUrl())).GET());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + descriptorUrl() + " → " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private String signingCertificateBase64() {
        Document metadata = SamlResponse.parseXml(descriptor());
        NodeList keyDescriptors = metadata.getElementsByTagNameNS(MD_NS, "KeyDescriptor");
        for (int i = 0; i < keyDescriptors.getLength(); i++) {
            Element keyDescriptor = (Element) keyDescriptors.item(i);
            String use = keyDescriptor.getAttribute("use");
            NodeList certs = keyDescriptor.getElementsByTagNameNS(DS_NS, "X509Certificate");
            if ((use.isEmpty() || use.equals("signing")) && certs.getLength() > 0) {
                return certs.item(0).getTextContent().replaceAll("\\s", "");
            }
        }
        throw new IllegalStateException("no signing certificate in " + descriptorUrl());
    }

    // ------------------------------------------------------------------------------------------------ clients

    /**
     * Registers (creates) the SAML client of one tenant. Fails if its entity id is already registered; slugs must be
     * unique too (they name the IdP-initiated URL), which Keycloak does not check.
     */
    public RegisteredClient registerSamlClient(SamlClientSpec spec) {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", spec.entityId());
        client.put("name", "Faxgate tenant " + spec.slug());
        client.put("protocol", "saml");
        client.put("enabled", true);
        client.put("frontchannelLogout", true);
        client.put("fullScopeAllowed", false); // role claim = this client's roles (Entra app roles) + mapped realm roles
        ArrayNode redirectUris = client.putArray("redirectUris").add(spec.acsUrl());
        if (spec.sloUrl() != null) {
            redirectUris.add(spec.sloUrl());
        }
        client.putArray("defaultClientScopes"); // no Keycloak "role_list" scope: only the Entra claims below
        client.putArray("optionalClientScopes");
        ObjectNode attributes = client.putObject("attributes");
        attributes.put("saml.assertion.signature", Boolean.toString(spec.assertionSigned()));
        attributes.put("saml.server.signature", Boolean.toString(spec.responseSigned()));
        attributes.put("saml.signature.algorithm", spec.signatureAlgorithm());
        attributes.put("saml_signature_canonicalization_method", "http://www.w3.org/2001/10/xml-exc-c14n#");
        attributes.put("saml.client.signature", Boolean.toString(spec.signedRequestsRequired()));
        if (spec.signedRequestsRequired()) {
            attributes.put("saml.signing.certificate", pemBody(spec.spSigningCertificatePem()));
        }
        attributes.put("saml.encrypt", Boolean.toString(spec.encryptedAssertions()));
        if (spec.encryptedAssertions()) {
            attributes.put("saml.encryption.certificate", pemBody(spec.encryptionCertificatePem()));
            attributes.put("saml.encryption.algorithm", spec.encryptionAlgorithm());
            attributes.put("saml.encryption.keyAlgorithm", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
        }
        attributes.put("saml.force.post.binding", "true");
        attributes.put("saml.authnstatement", "true");
        attributes.put("saml_name_id_format", "email");
        attributes.put("saml_force_name_id_format", "true");
        attributes.put("saml_idp_initiated_sso_url_name", spec.slug());
        if (spec.idpInitiatedRelayState() != null) {
            attributes.put("saml_idp_initiated_sso_relay_state", spec.idpInitiatedRelayState());
        }
        attributes.put("saml_assertion_consumer_url_post", spec.acsUrl());
        if (spec.sloUrl() != null) {
            attributes.put("saml_single_logout_service_url_redirect", spec.sloUrl());
        }
        attributes.put("saml.allow.ecp.flow", "false");
        ArrayNode mappers = client.putArray("protocolMappers");
        spec.claims().stream().sorted().forEach(claim -> mappers.add(EntraClaimMappers.mapper(claim, spec)));

        String location = adminCreate("/clients", client);
        return new RegisteredClient(location.substring(location.lastIndexOf('/') + 1), spec);
    }

    public void deleteClient(RegisteredClient client) {
        admin("DELETE", "/clients/" + client.id(), null);
    }

    /** The client registered with this entity id ({@code api://…}), if any. */
    public Optional<String> findClientId(String entityId) {
        JsonNode found = admin("GET", "/clients?clientId=" + encode(entityId), null);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).get("id").asText());
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
    }

    // ------------------------------------------------------------------------------------------------ roles

    /** An app role of this client (what Entra calls an app role); it appears in the role claim of users who have it. */
    public void createClientRole(RegisteredClient client, String role) {
        adminCreate("/clients/" + client.id() + "/roles", JSON.createObjectNode().put("name", role));
    }

    public void grantClientRole(TestUser user, RegisteredClient client, String role) {
        admin("POST", "/users/" + user.id() + "/role-mappings/clients/" + client.id(), roleList(clientRole(client, role)));
    }

    public void revokeClientRole(TestUser user, RegisteredClient client, String role) {
        admin("DELETE", "/users/" + user.id() + "/role-mappings/clients/" + client.id(), roleList(clientRole(client, role)));
    }

    public void createRealmRole(String role) {
        adminCreate("/roles", JSON.createObjectNode().put("name", role));
    }

    /** Lets the realm role appear in this client's role claim (clients are registered without full scope). */
    public void addRealmRoleToClientScope(RegisteredClient client, String role) {
        admin("POST", "/clients/" + client.id() + "/scope-mappings/realm", roleList(realmRole(role)));
    }

    public void grantRealmRole(TestUser user, String role) {
        admin("POST", "/users/" + user.id() + "/role-mappings/realm", roleList(realmRole(role)));
    }

    public void revokeRealmRole(TestUser user, String role) {
        admin("DELETE", "/users/" + user.id() + "/role-mappings/realm", roleList(realmRole(role)));
    }

    private JsonNode clientRole(RegisteredClient client, String role) {
        return admin("GET", "/clients/" + client.id() + "/roles/" + encodePath(role), null);
    }

    private JsonNode realmRole(String role) {
        return admin("GET", "/roles/" + encodePath(role), null);
    }

    private static ArrayNode roleList(JsonNode role) {
        return JSON.createArrayNode().add(role);
    }

    // ------------------------------------------------------------------------------------------------ users, groups

    /** A user with a password (not temporary), verified email and the objectidentifier attribute. */
    public TestUser createUser(String username, String password, String email, String firstName, String lastName,
            String objectId) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        user.put("enabled", true);
        user.putObject("attributes").putArray(OBJECT_ID_ATTRIBUTE).add(objectId);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        String location = adminCreate("/users", user);
        return new TestUser(location.substring(location.lastIndexOf('/') + 1), username, password, email, firstName,
                lastName, objectId);
    }

    /** A user {@code username} with a random password and object id, email {@code username@faxgate.test}. */
    public TestUser createUser(String username) {
        return createUser(username, "Pw-" + UUID.randomUUID(), username + "@faxgate.test", "Test", "User " + username,
                UUID.randomUUID().toString());
    }

    public void deleteUser(TestUser user) {
        admin("DELETE", "/users/" + user.id(), null);
    }

    public void setUserEnabled(TestUser user, boolean enabled) {
        updateUser(user, rep -> rep.put("enabled", enabled));
    }

    /** Changes the user's email (Entra: email may change, object id does not). */
    public void setUserEmail(TestUser user, String email) {
        updateUser(user, rep -> rep.put("email", email));
    }

    /** Read-modify-write of the full user representation (a partial one would clear profile attributes). */
    private void updateUser(TestUser user, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode rep = (ObjectNode) admin("GET", "/users/" + user.id(), null);
        change.accept(rep);
        admin("PUT", "/users/" + user.id(), rep);
    }

    /** Ends the user's IdP sessions, so that the next sign-in shows the login form again. */
    public void logout(TestUser user) {
        admin("POST", "/users/" + user.id() + "/logout", null);
    }

    /** A top-level group; returns Keycloak's id. Its NAME is what the groups claim carries (use a GUID, as Entra). */
    public String createGroup(String name) {
        String location = adminCreate("/groups", JSON.createObjectNode().put("name", name));
        String id = location.substring(location.lastIndexOf('/') + 1);
        groupIds.put(name, id);
        return id;
    }

    /** A group named by a fresh GUID, like an Entra group object id; returns that name. */
    public String createEntraGroup() {
        String objectId = UUID.randomUUID().toString();
        createGroup(objectId);
        return objectId;
    }

    public void deleteGroup(String name) {
        admin("DELETE", "/groups/" + groupId(name), null);
        groupIds.remove(name);
    }

    public void addToGroup(TestUser user, String groupName) {
        admin("PUT", "/users/" + user.id() + "/groups/" + groupId(groupName), null);
    }

    public void removeFromGroup(TestUser user, String groupName) {
        admin("DELETE", "/users/" + user.id() + "/groups/" + groupId(groupName), null);
    }

    /** The names of the groups the user is a direct member of. */
    public List<String> groupsOf(TestUser user) {
        List<String> names = new ArrayList<>();
        admin("GET", "/users/" + user.id() + "/groups", null).forEach(g -> names.add(g.get("name").asText()));
        return names;
    }

    private String groupId(String name) {
        return groupIds.computeIfAbsent(name, n -> {
            JsonNode found = admin("GET", "/groups?exact=true&search=" + encode(n), null);
            for (JsonNode group : found) {
                if (n.equals(group.path("name").asText())) {
                    return group.get("id").asText();
                }
            }
            throw new IllegalArgumentException("no group named " + n + " in realm " + REALM);
        });
    }

    // ------------------------------------------------------------------------------------------------ Admin REST API

    /** Calls the Admin REST API of realm faxgate-test; see {@link KeycloakAdminClient#admin}. */
    public JsonNode admin(String method, String path, JsonNode body) {
        return adminApi.admin(method, path, body);
    }

    private String adminCreate(String path, JsonNode body) {
        return adminApi.adminCreate(path, body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return adminApi.send(request);
    }

    private static String encode(String value) {
        return KeycloakAdminClient.encode(value);
    }

    private static String encodePath(String value) {
        return KeycloakAdminClient.encodePath(value);
    }

    @Override
    public String toString() {
        return "KeycloakIdp[" + BASE_URL + ", realm " + REALM + ", log " + process.logFile() + "]";
    }
}
