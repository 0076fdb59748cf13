package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A tenant's SSO trust is remembered only while nothing that decides access changed (the AccessEpoch). */
class SamlConfigurationsTest {

    private final Map<String, Set<String>> trustedNow = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicLong epoch = new AtomicLong();
    private final SamlConfigurations configurations = new SamlConfigurations(new SamlSignInFacade() {
        @Override
        public Optional<Set<String>> trustedCertificates(String slug) {
            loads.incrementAndGet();
            return Optional.ofNullable(trustedNow.get(slug));
        }
    }, epoch::get);

    @Test
    void rememberedWhileTheEpochStands() {
        trustedNow.put("acme", Set.of("A"));
        assertThat(configurations.trustedCertificates("acme")).contains(Set.of("A"));
        assertThat(configurations.trustedCertificates("acme")).contains(Set.of("A"));
        assertThat(loads).hasValue(1);
    }

    /** The attack: a certificate is removed (or SSO switched off) — sessions resting on it must end on the next request. */
    @Test
    void aRemovedCertificateOrSwitchedOffSsoIsSeenOnceTheEpochMoves() {
        trustedNow.put("acme", Set.of("A", "B"));
        assertThat(configurations.trustedCertificates("acme")).contains(Set.of("A", "B"));
        trustedNow.put("acme", Set.of("B"));
        epoch.incrementAndGet(); // what committing the settings change does (AccessChangeListener on SsoSettings)
        assertThat(configurations.trustedCertificates("acme")).contains(Set.of("B"));
        trustedNow.remove("acme");
        epoch.incrementAndGet();
        assertThat(configurations.trustedCertificates("acme")).isEmpty();
        assertThat(configurations.trustedCertificates("acme")).as("nothing is remembered for it").isEmpty();
        assertThat(loads).hasValue(4);
    }

    @Test
    void unknownTenantsAreNeverRemembered() {
        for (int i = 0; i < 3; i++) {
            assertThat(configurations.trustedCertificates("invented-" + i)).isEmpty();
            assertThat(configurations.trustedCertificates("invented-" + i)).isEmpty();
        }
        assertThat(loads).as("each unknown name asks the database; none fills memory").hasValue(6);
    }
}
