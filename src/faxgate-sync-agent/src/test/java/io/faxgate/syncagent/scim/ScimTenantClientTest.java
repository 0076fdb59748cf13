package io.faxgate.syncagent.scim;

import io.faxgate.syncagent.config.FaxgateSettings;
import io.faxgate.syncagent.config.Secret;
import io.faxgate.syncagent.model.UserProfile;
import io.faxgate.syncagent.testsupport.FakeFaxgateScim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimTenantClientTest {

    private FakeFaxgateScim faxgate;
    private final List<Duration> pauses = new ArrayList<>();

    private static final UserProfile ALICE = new UserProfile("alice@corp.example", "Alice Archer", "Alice", "Archer",
            "alice.archer@corp.example", true, "aarcher", "S-1-5-21-1-2-3-1101");

    @BeforeEach
    void start() throws Exception {
        faxgate = new FakeFaxgateScim();
    }

    @AfterEach
    void stop() {
        faxgate.close();
    }

    private ScimTenantClient client(String token, int maxRetries, Pause pause) {
        return client(URI.create(faxgate.baseUrl()), token, maxRetries, pause);
    }

    private static ScimTenantClient client(URI base, String token, int maxRetries, Pause pause) {
        return new ScimTenantClient(new FaxgateSettings(base, FakeFaxgateScim.TENANT, Secret.of(token),
                Duration.ofSeconds(2), Duration.ofSeconds(5), maxRetries, Duration.ofSeconds(30)), pause);
    }

    @Test
    void sendsTheDocumentedUserAndGroupShapes() {
        try (ScimTenantClient c = client(FakeFaxgateScim.TOKEN, 0, Pause.REAL)) {
            String userId = c.createUser("35918bc9-196d-40ea-9779-889d79b753f0", ALICE);
            assertThat(c.findUser("35918bc9-196d-40ea-9779-889d79b753f0")).get()
                    .satisfies(u -> assertThat(u.id()).isEqualTo(userId))
                    .satisfies(u -> assertThat(u.profile()).isEqualTo(ALICE));
            var sent = faxgate.userByExternalId("35918bc9-196d-40ea-9779-889d79b753f0");
            assertThat(sent.path("userName").asText()).isEqualTo("alice@corp.example");
            assertThat(sent.path("emails").get(0).path("type").asText()).isEqualTo("work");
            assertThat(sent.path("emails").get(0).path("primary").asBoolean()).isTrue();
            assertThat(sent.path(ScimDocuments.AD_EXTENSION).path("sAMAccountName").asText()).isEqualTo("aarcher");
            assertThat(sent.path("schemas").toString()).contains(ScimDocuments.AD_EXTENSION);

            String groupId = c.createGroup("g-1", "Fax Users");
            c.addMembers(groupId, List.of(userId));
            assertThat(c.findGroup("g-1").get().memberIds()).containsExactly(userId);
            c.removeMembers(groupId, List.of(userId));
            assertThat(c.findGroup("g-1").get().memberIds()).isEmpty();
            assertThat(faxgate.requests()).filteredOn(r -> r.method().equals("PATCH")).last()
                    .satisfies(r -> assertThat(r.body()).contains("\"remove\"").contains("members[value eq \\\"" + userId + "\\\"]"));

            c.deactivateUser(userId);
            assertThat(faxgate.userByExternalId("35918bc9-196d-40ea-9779-889d79b753f0").path("active").asBoolean()).isFalse();
            assertThat(faxgate.requests()).filteredOn(r -> r.path().equals("Users/" + userId) && r.method().equals("PATCH"))
                    .singleElement().satisfies(r -> assertThat(r.body()).contains("\"replace\"").contains("\"active\"").contains("false"));
        }
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheRetryAfterDelay() {
        faxgate.throttle(1, "1");
        Instant before = Instant.now();
        try (ScimTenantClient c = client(FakeFaxgateScim.TOKEN, 3, Pause.REAL)) {
            assertThat(c.findUser("nobody")).isEmpty();
        }
        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(faxgate.requests()).hasSize(2);
    }

    @Test
    void retriesAreBoundedAndCapped() {
        faxgate.throttle(10, "3600");
        try (ScimTenantClient c = client(FakeFaxgateScim.TOKEN, 2, pauses::add)) {
            assertThatThrownBy(() -> c.findUser("nobody")).isInstanceOf(FaxgateRequestException.class)
                    .hasMessageContaining("429");
        }
        assertThat(pauses).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30)); // capped at maxRetryWait
        assertThat(faxgate.requests()).hasSize(3);
    }

    @Test
    void withoutRetryAfterTheBackoffDoubles() {
        faxgate.throttle(3, "");
        try (ScimTenantClient c = client(FakeFaxgateScim.TOKEN, 5, pauses::add)) {
            assertThat(c.findUser("nobody")).isEmpty();
        }
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void retryAfterAsHttpDate() {
        Instant now = Instant.parse("2025-06-01T10:00:00Z");
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 10:00:07 GMT", now)).hasValue(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
    }

    @Test
    void refusedTokenStopsTheRunWithoutShowingTheToken() {
        try (ScimTenantClient c = client("wrong-token-value", 3, pauses::add)) {
            assertThatThrownBy(() -> c.findUser("x")).isInstanceOf(FaxgateUnavailableException.class)
                    .hasMessageContaining("401").hasMessageNotContaining("wrong-token-value");
        }
        assertThat(pauses).isEmpty();
    }

    @Test
    void unreachableServerIsReportedAsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ScimTenantClient c = client(URI.create("http://127.0.0.1:" + port), "t", 0, Pause.REAL)) {
            assertThatThrownBy(() -> c.findUser("x")).isInstanceOf(FaxgateUnavailableException.class)
                    .hasMessageContaining("Cannot reach Faxgate");
        }
    }

    @Test
    void conflictIsARequestFailureWithTheServersDetail() {
        try (ScimTenantClient c = client(FakeFaxgateScim.TOKEN, 0, Pause.REAL)) {
            c.createUser("g-1", ALICE);
            assertThatThrownBy(() -> c.createUser("g-2", ALICE)).isInstanceOf(FaxgateRequestException.class)
                    .hasMessageContaining("409").hasMessageContaining("already exists");
        }
    }
}
