package io.faxgate.sso.saml;

import io.faxgate.sso.saml.fixture.EntraIdp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine hands the replay cache (issue 11, item 4): a hashed key, an expiry that covers exactly the
 * acceptance window, capped however long the IdP makes the assertion; over-long IDs never reach the cache.
 */
class ReplayRulesTest extends EngineTestBase {

    private static final Duration SKEW = ResponseExpectations.DEFAULT_CLOCK_SKEW;

    /** Records what it is asked; answers FIRST_USE. */
    static final class RecordingCache implements ReplayCache {
        final List<String> keys = new ArrayList<>();
        final List<Instant> expiries = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();

        @Override
        public Result markUsed(String key, Instant expiresAt, Instant now) {
            keys.add(key);
            expiries.add(expiresAt);
            threads.add(Thread.currentThread());
            return Result.FIRST_USE;
        }
    }

    private static ResponseExpectations.Builder at(Instant now, ReplayCache cache) {
        return expectations().clock(Clock.fixed(now, ZoneOffset.UTC)).replayCache(cache);
    }

    @Test
    void keyIsTheSha256OfIssuerAndIdNeverTheRawId() throws Exception {
        RecordingCache cache = new RecordingCache();
        EntraIdp.ResponseBuilder r = response();
        accept(r.encoded(), expectations().replayCache(cache));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(ISSUER.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        String expected = HexFormat.of().formatHex(sha.digest(r.assertionId.getBytes(StandardCharsets.UTF_8)));
        assertThat(cache.keys).containsExactly(expected);
        assertThat(cache.keys.get(0)).hasSize(64).doesNotContain(r.assertionId.substring(1));
    }

    @Test
    void sameIdFromAnotherIssuerIsAnotherKey() {
        assertThat(io.faxgate.sso.saml.internal.ResponseValidation.replayKey(ISSUER, "_a"))
                .isNotEqualTo(io.faxgate.sso.saml.internal.ResponseValidation.replayKey("https://evil.example/", "_a"))
                .isNotEqualTo(io.faxgate.sso.saml.internal.ResponseValidation.replayKey(ISSUER + "_", "a"));
    }

    @Test
    void theCacheIsAskedOnTheCallersThread() throws Exception {
        // a database-backed cache needs the container's context (transactions, security) of the request thread
        RecordingCache cache = new RecordingCache();
        accept(response().encoded(), expectations().replayCache(cache));
        assertThat(cache.threads).containsExactly(Thread.currentThread());
    }

    @Test
    void assertionIdLongerThan256CharactersIsRefusedBeforeAnythingIsStored() {
        RecordingCache cache = new RecordingCache();
        refused(response().set(r -> r.assertionId = "_" + "a".repeat(256)).encoded(), expectations().replayCache(cache),
                SamlFailure.MALFORMED_XML);
        assertThat(cache.keys).isEmpty();
    }

    @Test
    void assertionIdOf256CharactersIsFine() throws Exception {
        accept(response().set(r -> r.assertionId = "_" + "a".repeat(255)));
    }

    @Test
    void responseIdLongerThan256CharactersIsRefused() {
        RecordingCache cache = new RecordingCache();
        refused(response().set(r -> r.responseId = "_" + "r".repeat(300)).encoded(), expectations().replayCache(cache),
                SamlFailure.MALFORMED_XML);
        assertThat(cache.keys).isEmpty();
    }

    @Test
    void entryLivesUntilTheEarliestNotOnOrAfterPlusSkew() throws Exception {
        RecordingCache cache = new RecordingCache();
        EntraIdp.ResponseBuilder r = response().set(x -> {
            x.notOnOrAfter = NOW.plus(Duration.ofMinutes(30));
            x.scdNotOnOrAfter = NOW.plus(Duration.ofMinutes(20));
        });
        accept(r.encoded(), expectations().replayCache(cache));
        assertThat(cache.expiries).containsExactly(NOW.plus(Duration.ofMinutes(20)).plus(SKEW));
    }

    @Test
    void year9999IsCappedToIssueInstantPlusTheMaximumLifetime() throws Exception {
        RecordingCache cache = new RecordingCache();
        EntraIdp.ResponseBuilder r = response().set(x -> {
            x.notOnOrAfter = Instant.parse("9999-12-31T23:59:59Z");
            x.scdNotOnOrAfter = Instant.parse("9999-12-31T23:59:59Z");
        });
        String encoded = r.encoded();
        accept(encoded, expectations().replayCache(cache));
        Instant forgetAt = r.issueInstant.plus(ResponseExpectations.DEFAULT_MAX_ASSERTION_LIFETIME).plus(SKEW);
        assertThat(cache.expiries).containsExactly(forgetAt);

        // no window where a replay passes: accepted one second before the entry may be forgotten, refused from then on
        accept(encoded, at(forgetAt.minusSeconds(1), new RecordingCache()));
        refused(encoded, at(forgetAt, new RecordingCache()), SamlFailure.EXPIRED);
        refused(encoded, at(forgetAt.plus(Duration.ofDays(365)), new RecordingCache()), SamlFailure.EXPIRED);
    }

    @Test
    void theCapIsConfigurable() throws Exception {
        RecordingCache cache = new RecordingCache();
        EntraIdp.ResponseBuilder r = response();
        accept(r.encoded(), expectations().replayCache(cache).maxAssertionLifetime(Duration.ofMinutes(10)));
        assertThat(cache.expiries).containsExactly(r.issueInstant.plus(Duration.ofMinutes(10)).plus(SKEW));
        refused(r.encoded(), at(r.issueInstant.plus(Duration.ofMinutes(10)).plus(SKEW), new RecordingCache())
                .maxAssertionLifetime(Duration.ofMinutes(10)), SamlFailure.EXPIRED);
    }

    @Test
    void issueInstantInTheFutureCannotPushTheCapOut() {
        refused(response().set(x -> {
            x.issueInstant = Instant.parse("9999-01-01T00:00:00Z");
            x.notOnOrAfter = Instant.parse("9999-12-31T23:59:59Z");
            x.scdNotOnOrAfter = Instant.parse("9999-12-31T23:59:59Z");
        }), SamlFailure.NOT_YET_VALID);
    }

    @Test
    void capIsBounded() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> expectations().maxAssertionLifetime(Duration.ofDays(2)).build())
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> expectations().maxAssertionLifetime(Duration.ofSeconds(10)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingCacheFailsClosed() {
        refused(response().encoded(), expectations().replayCache((key, expiresAt, now) -> {
            throw new IllegalStateException("database down");
        }), SamlFailure.ENGINE_ERROR);
    }

    @Test
    void aFullCacheRefusesWithItsOwnReason() {
        refused(response().encoded(), expectations().replayCache((key, expiresAt, now) -> ReplayCache.Result.FULL),
                SamlFailure.REPLAY_CACHE_FULL);
    }
}
