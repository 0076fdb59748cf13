package io.faxgate.sso.saml;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayCacheAndEntraTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void rememberedUntilExpiry() {
        InMemoryReplayCache c = new InMemoryReplayCache(10);
        assertThat(c.markUsed("a", T.plusSeconds(60), T)).isEqualTo(ReplayCache.Result.FIRST_USE);
        assertThat(c.markUsed("a", T.plusSeconds(60), T.plusSeconds(59))).isEqualTo(ReplayCache.Result.REPLAYED);
        // once expired the assertion itself is no longer valid; the id may be forgotten
        assertThat(c.markUsed("a", T.plusSeconds(200), T.plusSeconds(60))).isEqualTo(ReplayCache.Result.FIRST_USE);
    }

    @Test
    void boundedFailsClosedAndPurgesExpired() {
        InMemoryReplayCache c = new InMemoryReplayCache(2);
        c.markUsed("a", T.plusSeconds(10), T);
        c.markUsed("b", T.plusSeconds(100), T);
        assertThat(c.markUsed("c", T.plusSeconds(100), T.plusSeconds(5))).isEqualTo(ReplayCache.Result.FULL);
        assertThat(c.markUsed("c", T.plusSeconds(100), T.plusSeconds(11))).isEqualTo(ReplayCache.Result.FIRST_USE);
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.markUsed("b", T.plusSeconds(100), T.plusSeconds(12))).isEqualTo(ReplayCache.Result.REPLAYED);
    }

    @Test
    void threadSafeExactlyOneWinner() throws Exception {
        InMemoryReplayCache c = new InMemoryReplayCache();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger first = new AtomicInteger();
        for (int i = 0; i < 800; i++) {
            String key = "id-" + (i % 100);
            pool.execute(() -> {
                if (c.markUsed(key, T.plusSeconds(60), T) == ReplayCache.Result.FIRST_USE) {
                    first.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.get()).isEqualTo(100);
    }

    @Test
    void entraIssuerFromLoginEndpoint() {
        UUID tenant = UUID.fromString("9188040D-6C67-4C5B-B112-36A304B66DAD");
        assertThat(EntraEndpoints.issuerFromLoginUrl("https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/saml2"))
                .isEqualTo("https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/");
        assertThat(EntraEndpoints.issuerFromLoginUrl(" https://login.microsoftonline.com/9188040D-6C67-4C5B-B112-36A304B66DAD/saml2/ "))
                .isEqualTo(EntraEndpoints.issuerForTenant(tenant));
        assertThat(EntraEndpoints.loginUrlForTenant(tenant)).isEqualTo("https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/saml2");
    }

    @Test
    void entraLoginEndpointMustNameTheTenantGuid() {
        assertThatThrownBy(() -> EntraEndpoints.issuerFromLoginUrl("https://login.microsoftonline.com/contoso.onmicrosoft.com/saml2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GUID");
        assertThatThrownBy(() -> EntraEndpoints.issuerFromLoginUrl("https://login.evil.com/9188040d-6c67-4c5b-b112-36a304b66dad/saml2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntraEndpoints.issuerFromLoginUrl("http://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/saml2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntraEndpoints.issuerFromLoginUrl(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionMessagesAreClipped() {
        SamlValidationException e = new SamlValidationException(SamlFailure.ISSUER_MISMATCH, "x".repeat(5000) + "\n<secret>");
        assertThat(e.getMessage()).hasSizeLessThan(260).doesNotContain("\n").startsWith("ISSUER_MISMATCH: ");
    }
}
