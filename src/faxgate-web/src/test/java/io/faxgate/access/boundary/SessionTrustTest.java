package io.faxgate.access.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.sso.boundary.SamlConfigurations;
import io.faxgate.sso.boundary.SamlSignInFacade;
import io.faxgate.sso.boundary.SamlSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pac4j.core.profile.CommonProfile;

/** Sessions end at their maximum age, at the IdP's SessionNotOnOrAfter, and when the trust they came from is gone. */
class SessionTrustTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-06T08:00:00Z");

    /** The tenant's SSO trust as the core answers it: certificates now trusted, or empty when SSO is off/disallowed. */
    private static SessionTrust trust(Instant now, Map<String, Set<String>> trustedNow) {
        SessionTrust trust = new SessionTrust();
        trust.maxAge = Duration.ofHours(12);
        trust.clock = Clock.fixed(now, ZoneOffset.UTC);
        trust.sso = new SamlConfigurations(new SamlSignInFacade() {
            @Override
            public Optional<Set<String>> trustedCertificates(String slug) {
                return Optional.ofNullable(trustedNow.get(slug));
            }
        }, () -> 0L);
        return trust;
    }

    private static CommonProfile samlSession(Instant idpSessionEnd, Set<String> certificates) {
        CommonProfile profile = new CommonProfile();
        profile.setId("user:1");
        profile.addAttribute("tenant", "acme");
        SamlSessions.rememberTrust(profile, SIGNED_IN, Optional.ofNullable(idpSessionEnd), certificates);
        return profile;
    }

    @Test
    void maximumAgeCountsFromTheSignIn() {
        Duration twelveHours = Duration.ofHours(12);
        assertThat(SessionTrust.withinMaxAge(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(11)), twelveHours)).isTrue();
        assertThat(SessionTrust.withinMaxAge(SIGNED_IN, SIGNED_IN.plus(twelveHours).minusSeconds(1), twelveHours)).isTrue();
        assertThat(SessionTrust.withinMaxAge(SIGNED_IN, SIGNED_IN.plus(twelveHours), twelveHours)).isFalse();
        assertThat(SessionTrust.withinMaxAge(SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(30)), twelveHours)).isFalse();
        assertThat(SessionTrust.withinMaxAge(SIGNED_IN, SIGNED_IN.plus(Duration.ofMinutes(20)), Duration.ofMinutes(15))).isFalse();
    }

    @Test
    void aSamlSessionHoldsWhileItsTrustHolds() {
        Map<String, Set<String>> now = Map.of("acme", Set.of("A", "B"));
        assertThat(trust(SIGNED_IN.plusSeconds(60), now).holds(samlSession(null, Set.of("A")))).isTrue();
        assertThat(trust(SIGNED_IN.plusSeconds(60), now).holds(samlSession(null, Set.of("A", "B")))).isTrue();
        assertThat(trust(SIGNED_IN.plus(Duration.ofHours(12)), now).holds(samlSession(null, Set.of("A")))).as("max age").isFalse();
    }

    @Test
    void withdrawnTrustEndsTheSamlSession() {
        CommonProfile session = samlSession(null, Set.of("A", "B"));
        Instant later = SIGNED_IN.plusSeconds(60);
        assertThat(trust(later, Map.of()).holds(session)).as("SSO off or disallowed for the tenant").isFalse();
        assertThat(trust(later, Map.of("acme", Set.of("B"))).holds(session)).as("certificate A removed").isFalse();
        assertThat(trust(later, Map.of("acme", Set.of("C"))).holds(session)).as("certificates replaced").isFalse();
        assertThat(trust(later, Map.of("acme", Set.of("A", "B", "C"))).holds(session)).as("a certificate added").isTrue();
        assertThat(trust(later, Map.of("acme", Set.of("A"))).holds(samlSession(null, Set.of()))).as("no recorded trust").isFalse();
    }

    @Test
    void theIdpsSessionNotOnOrAfterEndsTheSamlSession() {
        Map<String, Set<String>> now = Map.of("acme", Set.of("A"));
        CommonProfile session = samlSession(SIGNED_IN.plus(Duration.ofMinutes(30)), Set.of("A"));
        assertThat(trust(SIGNED_IN.plus(Duration.ofMinutes(29)), now).holds(session)).isTrue();
        assertThat(trust(SIGNED_IN.plus(Duration.ofMinutes(30)), now).holds(session)).isFalse();
    }

    @Test
    void aSessionFromBeforeTheseRulesCarriesNoSignInTimeAndEnds() {
        CommonProfile old = new CommonProfile();
        old.setId("user:1");
        old.addAttribute("tenant", "acme");
        assertThat(trust(SIGNED_IN, Map.of("acme", Set.of("A"))).holds(old)).isFalse();
        assertThat(SamlSessions.signedInAt(old)).isEmpty();
    }
}
