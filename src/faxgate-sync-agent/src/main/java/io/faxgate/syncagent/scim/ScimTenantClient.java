package io.faxgate.syncagent.scim;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import io.faxgate.syncagent.config.FaxgateSettings;
import io.faxgate.syncagent.model.UserProfile;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseFilter;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/**
 * {@link FaxgateTenant} over SCIM 2.0 with the UnboundID SCIM 2 SDK on Jersey (JDK HttpClient connector, which can
 * send PATCH). Sends the tenant's bearer token on every request; never logs it. Requests answered with 429 or 503
 * are retried up to {@code faxgate.maxRetries} times, waiting as long as the Retry-After header asks (capped at
 * {@code faxgate.maxRetryWait}), or with exponential backoff (1 s, 2 s, 4 s, ... max 60 s) when it is absent.
 */
public final class ScimTenantClient implements FaxgateTenant {

    private static final Logger LOG = Logger.getLogger(ScimTenantClient.class.getName());
    private static final int MAX_OPS_PER_PATCH = 100;

    private final FaxgateSettings settings;
    private final Pause pause;
    private final Client client;
    private final ScimService scim;
    private final ThreadLocal<String> lastRetryAfter = new ThreadLocal<>();

    public ScimTenantClient(FaxgateSettings settings, Pause pause) {
        this.settings = settings;
        this.pause = pause;
        ClientConfig config = new ClientConfig()
                .connectorProvider(new JavaNetHttpConnectorProvider())
                .property(ClientProperties.CONNECT_TIMEOUT, (int) settings.connectTimeout().toMillis())
                .property(ClientProperties.READ_TIMEOUT, (int) settings.readTimeout().toMillis())
                .property(ClientProperties.FOLLOW_REDIRECTS, false);
        String authorization = "Bearer " + settings.token().reveal();
        this.client = ClientBuilder.newClient(config)
                .register((ClientRequestFilter) request -> {
                    request.getHeaders().putSingle("Authorization", authorization);
                    request.getHeaders().putSingle("User-Agent", "faxgate-sync-agent");
                })
                .register((ClientResponseFilter) (request, response) ->
                        lastRetryAfter.set(response.getHeaderString("Retry-After")));
        this.scim = new ScimService(client.target(settings.scimBase()));
    }

    @Override
    public Optional<TenantUser> findUser(String externalId) {
        List<GenericScimResource> found = search("Users", externalId);
        return found.stream().findFirst().map(r -> new TenantUser(r.getId(), ScimDocuments.profileOf(r)));
    }

    @Override
    public String createUser(String externalId, UserProfile profile) {
        GenericScimResource created = call("create user " + profile.userName(),
                () -> scim.create("Users", ScimDocuments.user(null, externalId, profile)));
        return requireId(created, "user " + profile.userName());
    }

    @Override
    public void replaceUser(String scimId, String externalId, UserProfile profile) {
        call("update user " + profile.userName(), () -> scim.replaceRequest(
                URI.create("Users/" + segment(scimId)), ScimDocuments.user(scimId, externalId, profile)).invoke(String.class));
    }

    @Override
    public void deactivateUser(String scimId) {
        call("deactivate user " + scimId, () -> scim.modifyRequest("Users", scimId)
                .addOperation(PatchOperation.replace("active", Boolean.FALSE)).invoke(String.class));
    }

    @Override
    public Optional<TenantGroup> findGroup(String externalId) {
        List<GenericScimResource> found = search("Groups", externalId);
        return found.stream().findFirst().map(r -> new TenantGroup(r.getId(),
                r.getObjectNode().path("displayName").asText(null), ScimDocuments.memberIdsOf(r)));
    }

    @Override
    public String createGroup(String externalId, String displayName) {
        GenericScimResource created = call("create group " + displayName,
                () -> scim.create("Groups", ScimDocuments.group(externalId, displayName)));
        return requireId(created, "group " + displayName);
    }

    @Override
    public void renameGroup(String scimId, String displayName) {
        call("rename group " + scimId, () -> scim.modifyRequest("Groups", scimId)
                .addOperation(PatchOperation.replace("displayName", displayName)).invoke(String.class));
    }

    @Override
    public void addMembers(String groupScimId, List<String> userScimIds) {
        for (List<String> chunk : chunks(userScimIds)) {
            call("add " + chunk.size() + " member(s) to group " + groupScimId, () -> scim.modifyRequest("Groups", groupScimId)
                    .addOperation(PatchOperation.add("members", ScimDocuments.memberValues(chunk))).invoke(String.class));
        }
    }

    @Override
    public void removeMembers(String groupScimId, List<String> userScimIds) {
        for (List<String> chunk : chunks(userScimIds)) {
            call("remove " + chunk.size() + " member(s) from group " + groupScimId, () -> {
                var request = scim.modifyRequest("Groups", groupScimId);
                for (String id : chunk) {
                    request.addOperation(PatchOperation.remove("members[value eq " + quoted(id) + "]"));
                }
                return request.invoke(String.class);
            });
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private List<GenericScimResource> search(String endpoint, String externalId) {
        ListResponse<GenericScimResource> list = call("look up " + endpoint + " externalId " + externalId,
                () -> scim.searchRequest(endpoint).filter(Filter.eq("externalId", externalId)).invoke(GenericScimResource.class));
        List<GenericScimResource> resources = list.getResources() == null ? List.of() : list.getResources();
        if (resources.size() > 1) {
            throw new FaxgateRequestException("Faxgate has " + resources.size() + " " + endpoint
                    + " with externalId " + externalId + "; resolve the duplicate in Faxgate", 0, null);
        }
        return resources;
    }

    @FunctionalInterface
    private interface ScimCall<T> {
        T run() throws ScimException;
    }

    private <T> T call(String what, ScimCall<T> request) {
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 0; ; attempt++) {
            lastRetryAfter.remove();
            try {
                return request.run();
            } catch (ScimException e) {
                int status = e.getScimError() == null ? 0 : e.getScimError().getStatus();
                String detail = e.getScimError() == null || e.getScimError().getDetail() == null
                        ? "" : ": " + e.getScimError().getDetail();
                if (status == 401 || status == 403) {
                    throw new FaxgateUnavailableException("Faxgate refused the SCIM token for tenant '" + settings.tenant()
                            + "' (HTTP " + status + detail + "). Check FAXGATE_SCIM_TOKEN / faxgate.tokenFile.", e);
                }
                if ((status == 429 || status == 503) && attempt < settings.maxRetries()) {
                    Duration wait = RetryAfter.parse(lastRetryAfter.get(), Instant.now()).orElse(backoff);
                    if (wait.compareTo(settings.maxRetryWait()) > 0) {
                        wait = settings.maxRetryWait();
                    }
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60) : backoff.multipliedBy(2);
                    Duration w = wait;
                    int n = attempt + 1;
                    LOG.warning(() -> "Faxgate answered " + status + " to '" + what + "'; retry " + n + "/"
                            + settings.maxRetries() + " in " + w.toMillis() + " ms");
                    sleep(wait);
                    continue;
                }
                throw new FaxgateRequestException(what + " failed: HTTP " + status + detail, status, e);
            } catch (ProcessingException e) {
                if (isUnreachable(e)) {
                    throw new FaxgateUnavailableException("Cannot reach Faxgate at " + settings.scimBase() + " ("
                            + rootCause(e).getClass().getSimpleName() + ": " + rootCause(e).getMessage() + ")", e);
                }
                throw new FaxgateRequestException(what + " failed: " + rootCause(e).getClass().getSimpleName()
                        + ": " + rootCause(e).getMessage(), 0, e);
            } finally {
                lastRetryAfter.remove();
            }
        }
    }

    private void sleep(Duration d) {
        try {
            pause.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaxgateUnavailableException("Interrupted while waiting to retry", e);
        }
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof HttpConnectTimeoutException || t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String requireId(GenericScimResource r, String what) {
        if (r == null || r.getId() == null) {
            throw new FaxgateRequestException("Faxgate created " + what + " but returned no id", 0, null);
        }
        return r.getId();
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_OPS_PER_PATCH) {
            out.add(List.copyOf(ids.subList(i, Math.min(ids.size(), i + MAX_OPS_PER_PATCH))));
        }
        return out;
    }
}
