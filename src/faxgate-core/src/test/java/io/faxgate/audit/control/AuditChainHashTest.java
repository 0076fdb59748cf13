package io.faxgate.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The canonical form is stable (a fixed vector) and unambiguous; every hashed field changes the hash. */
class AuditChainHashTest {

    static final Instant AT = Instant.parse("2026-12-06T10:15:30.123456Z");
    static final ChainedEvent EVENT = new ChainedEvent(1001, 42L, AT, "local:alice", "LOCAL_SIGN_IN", "SUCCESS",
            "alice", "via password", "192.0.2.1", null, null);

    @Test
    void aKnownEventHasAKnownHash() {
        // pinned: a change of the canonical form breaks every stored chain, so it must be deliberate (new version tag)
        assertThat(AuditChainHash.link(io.faxgate.audit.entity.AuditChain.GENESIS, 42, EVENT))
                .isEqualTo(AuditChainHash.link("0".repeat(64), 42, EVENT))
                .isEqualTo(PINNED);
    }

    /** Computed independently (Python hashlib over the documented form), not copied from this implementation. */
    static final String PINNED = "bd18a614dc326314138420890870bf1eb4aab376802d7be9748495c46f2091d5";

    @Test
    void theCanonicalFormSpellsEveryFieldWithItsLength() {
        byte[] bytes = AuditChainHash.canonical(42, EVENT);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("\u0001\u0000\u0000\u0000\u0010faxgate-audit-v1")
                .contains("\u0001\u0000\u0000\u0000\u0010" + "1796552130123456")
                .contains("\u0001\u0000\u0000\u0000\u000blocal:alice");
    }

    @Test
    void timeIsHashedToTheMicrosecondWhateverTheJvmKeeps() {
        ChainedEvent nanos = new ChainedEvent(1001, 42L, AT.plusNanos(999), "local:alice", "LOCAL_SIGN_IN", "SUCCESS",
                "alice", "via password", "192.0.2.1", null, null);
        assertThat(AuditChainHash.link(AuditChainHashTest.GENESIS, 42, nanos)).isEqualTo(AuditChainHash.link(GENESIS, 42, EVENT));
        assertThat(AuditChainHash.micros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
    }

    static final String GENESIS = "0".repeat(64);

    @Test
    void fieldsCannotBorrowFromTheirNeighbours() {
        ChainedEvent a = new ChainedEvent(1, null, AT, "ab", "c", "SUCCESS", null, null, null, null, null);
        ChainedEvent b = new ChainedEvent(1, null, AT, "a", "bc", "SUCCESS", null, null, null, null, null);
        ChainedEvent emptyVsNull = new ChainedEvent(1, null, AT, "ab", "c", "SUCCESS", "", null, null, null, null);
        ChainedEvent nullTarget = new ChainedEvent(1, null, AT, "ab", "c", "SUCCESS", null, null, null, null, null);
        assertThat(AuditChainHash.link(GENESIS, 0, a)).isNotEqualTo(AuditChainHash.link(GENESIS, 0, b));
        assertThat(AuditChainHash.link(GENESIS, 0, emptyVsNull)).isNotEqualTo(AuditChainHash.link(GENESIS, 0, nullTarget));
    }

    @Test
    void everyFieldTheChainAndThePredecessorAreHashed() {
        String base = AuditChainHash.link(GENESIS, 42, EVENT);
        ChainedEvent[] changed = {
            new ChainedEvent(1002, 42L, AT, "local:alice", "LOCAL_SIGN_IN", "SUCCESS", "alice", "via password", "192.0.2.1", null, null),
            new ChainedEvent(1001, 43L, AT, "local:alice", "LOCAL_SIGN_IN", "SUCCESS", "alice", "via password", "192.0.2.1", null, null),
            new ChainedEvent(1001, 42L, AT.plusNanos(1000), "local:alice", "LOCAL_SIGN_IN", "SUCCESS", "alice", "via password", "192.0.2.1", null, null),
            new ChainedEvent(1001, 42L, AT, "local:mallory", "LOCAL_SIGN_IN", "SUCCESS", "alice", "via password", "192.0.2.1", null, null),
            new ChainedEvent(1001, 42L, AT, "local:alice", "SAML_SIGN_IN", "SUCCESS", "alice", "via password", "192.0.2.1", null, null),
            new ChainedEvent(1001, 42L, AT, "local:alice", "LOCAL_SIGN_IN", "DENIED", "alice", "via password", "192.0.2.1", null, null),
            new ChainedEvent(1001, 42L, AT, "local:alice", "LOCAL_SIGN_IN", "SUCCESS", "bob", "via password", "192.0.2.1", null, null),
            new ChainedEvent(1001, 42L, AT, "local:alice", "LOCAL_SIGN_IN", "SUCCESS", "alice", "via Password", "192.0.2.1", null, null),
            new ChainedEvent(1001, 42L, AT, "local:alice", "LOCAL_SIGN_IN", "SUCCESS", "alice", "via password", "192.0.2.2", null, null),
        };
        for (ChainedEvent e : changed) {
            assertThat(AuditChainHash.link(GENESIS, 42, e)).as(e.toString()).isNotEqualTo(base);
        }
        assertThat(AuditChainHash.link(GENESIS, 0, EVENT)).isNotEqualTo(base);
        assertThat(AuditChainHash.link("1" + "0".repeat(63), 42, EVENT)).isNotEqualTo(base);
        // position is not hashed: order is proven by the predecessor's hash
        assertThat(AuditChainHash.link(GENESIS, 42, EVENT.at(7, "x"))).isEqualTo(base);
        assertThat(HexFormat.of().parseHex(base)).hasSize(32);
    }
}
