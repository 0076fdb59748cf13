package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsoEndpointLimitsTest {

    private static SsoEndpointLimits limits(int perMinute) {
        SsoEndpointLimits limits = new SsoEndpointLimits();
        limits.metadataPerMinute = perMinute;
        limits.sloPerMinute = perMinute;
        limits.create();
        return limits;
    }

    @Test
    void eachAddressGetsItsAllowancePerEndpointThen429WithRetryAfter() {
        SsoEndpointLimits limits = limits(3);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.metadata("203.0.113.7")).isEmpty();
            assertThat(limits.singleLogout("203.0.113.7")).isEmpty();
        }
        // counted by slots of a tenth of the window: a refused client may wait up to one slot (6 s) longer than a minute
        assertThat(limits.metadata("203.0.113.7")).hasValueSatisfying(wait -> assertThat(wait).isBetween(1L, 66L));
        assertThat(limits.singleLogout("203.0.113.7")).hasValueSatisfying(wait -> assertThat(wait).isBetween(1L, 66L));
        assertThat(limits.metadata("2001:db8:1:2::99")).isEmpty();
        for (int i = 0; i < 2; i++) {
            assertThat(limits.metadata("2001:db8:1:2::" + i)).isEmpty();
        }
        assertThat(limits.metadata("2001:db8:1:2:ffff::1")).as("another address of the same IPv6 /64").isPresent();
        assertThat(limits.metadata("198.51.100.1")).as("another address is not affected").isEmpty();
    }

    @Test
    void aRefusalIsAuditedOncePerTenantReasonAndMinute() {
        SsoEndpointLimits limits = limits(3);
        assertThat(limits.firstInWindow("acme", "LOGOUT_SIGNATURE_INVALID")).isTrue();
        for (int i = 0; i < 1000; i++) {
            assertThat(limits.firstInWindow("acme", "LOGOUT_SIGNATURE_INVALID")).isFalse();
        }
        assertThat(limits.firstInWindow("acme", "SLO_RATE_LIMITED")).as("another reason").isTrue();
        assertThat(limits.firstInWindow("globex", "LOGOUT_SIGNATURE_INVALID")).as("another tenant").isTrue();
    }
}
