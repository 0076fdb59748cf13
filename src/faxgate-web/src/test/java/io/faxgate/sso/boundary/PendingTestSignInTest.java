package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A test sign-in's answer counts only for the admin, tenant and RelayState that started it, and only for a while. */
class PendingTestSignInTest {

    private static final Instant STARTED = Instant.parse("2026-12-06T23:00:00Z");
    private final String relay = PendingTestSignIn.newRelayState();
    private final PendingTestSignIn pending = new PendingTestSignIn(new TestSignInTicket("acme", "f".repeat(64)), "ID_1",
            relay, "local:admin", STARTED);

    @Test
    void theSameAdminTenantAndRelayStateMatch() {
        assertThat(pending.matches("acme", relay, "local:admin", STARTED.plusSeconds(30))).isTrue();
        assertThat(PendingTestSignIn.looksLikeTest(relay)).isTrue();
        assertThat(relay.length()).as("fits the AuthnRequest's RelayState limit").isLessThanOrEqualTo(80);
    }

    @Test
    void anotherTenantDoesNotGetTheTest() {
        assertThat(pending.matches("other", relay, "local:admin", STARTED)).isFalse();
    }

    @Test
    void aGuessedOrOtherRelayStateDoesNotMatch() {
        assertThat(pending.matches("acme", PendingTestSignIn.newRelayState(), "local:admin", STARTED)).isFalse();
        assertThat(pending.matches("acme", PendingTestSignIn.RELAY_PREFIX, "local:admin", STARTED)).isFalse();
    }

    @Test
    void anotherSignedInPersonOrNobodyDoesNotMatch() {
        assertThat(pending.matches("acme", relay, "local:other-admin", STARTED)).isFalse();
        assertThat(pending.matches("acme", relay, null, STARTED)).isFalse();
    }

    @Test
    void anOldTestExpires() {
        assertThat(pending.matches("acme", relay, "local:admin", STARTED.plus(PendingTestSignIn.MAX_AGE).plus(Duration.ofSeconds(1)))).isFalse();
    }

    @Test
    void realSignInsNeverLookLikeATest() {
        assertThat(PendingTestSignIn.looksLikeTest("/admin/users.xhtml")).isFalse();
        assertThat(PendingTestSignIn.looksLikeTest(null)).isFalse();
        assertThat(SafeTarget.of(relay)).as("a test's RelayState is no landing target").isEmpty();
    }
}
