package io.faxgate.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.audit.entity.AuditChain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk names the first event changed, removed, moved or inserted — the attacks on a stored chain. */
class ChainWalkTest {

    static final long KEY = 7;

    /** A chain of n events as the sealer would have stored it, from the given anchor. */
    static List<ChainedEvent> chain(int n, long anchorPosition, String anchorHash) {
        List<ChainedEvent> events = new ArrayList<>();
        String hash = anchorHash;
        for (int i = 1; i <= n; i++) {
            ChainedEvent e = new ChainedEvent(100 + i, KEY, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                    "local:a" + i, "LOCAL_SIGN_IN", "SUCCESS", "t" + i, "d" + i, "192.0.2." + i, null, null);
            hash = AuditChainHash.link(hash, KEY, e);
            events.add(e.at(anchorPosition + i, hash));
        }
        return events;
    }

    static ChainWalk walk(List<ChainedEvent> stored, long headPosition, String headHash) {
        ChainWalk walk = new ChainWalk(KEY, 0, AuditChain.GENESIS);
        walk.check(stored);
        walk.finish(headPosition, headHash);
        return walk;
    }

    @Test
    void anUntouchedChainIsIntact() {
        List<ChainedEvent> c = chain(10, 0, AuditChain.GENESIS);
        ChainWalk w = walk(c, 10, c.get(9).hash());
        assertThat(w.intact()).isTrue();
        assertThat(w.events()).isEqualTo(10);
        assertThat(w.firstBroken()).isNull();
    }

    @Test
    void anEmptyChainIsIntact() {
        assertThat(walk(List.of(), 0, AuditChain.GENESIS).intact()).isTrue();
    }

    @Test
    void aChangedDetailIsNamed() {
        List<ChainedEvent> c = new ArrayList<>(chain(10, 0, AuditChain.GENESIS));
        ChainedEvent e = c.get(4);
        c.set(4, new ChainedEvent(e.id(), e.tenantId(), e.occurredAt(), e.actor(), e.type(), e.outcome(), e.target(),
                "nothing happened", e.sourceIp(), e.position(), e.hash()));
        ChainWalk w = walk(c, 10, c.get(9).hash());
        assertThat(w.intact()).isFalse();
        assertThat(w.firstBroken().position()).isEqualTo(5);
        assertThat(w.firstBroken().eventId()).isEqualTo(105);
        assertThat(w.firstBroken().problem()).isEqualTo("CHANGED");
        assertThat(w.events()).isEqualTo(10);
    }

    @Test
    void aRecomputedHashOnAChangedEventBreaksTheNextLink() {
        // an attacker who edits event 5 and recomputes its own hash still breaks event 6, which committed to the old one
        List<ChainedEvent> c = new ArrayList<>(chain(10, 0, AuditChain.GENESIS));
        ChainedEvent e = c.get(4);
        ChainedEvent forged = new ChainedEvent(e.id(), e.tenantId(), e.occurredAt(), "local:mallory", e.type(),
                e.outcome(), e.target(), e.detail(), e.sourceIp(), null, null);
        c.set(4, forged.at(5, AuditChainHash.link(c.get(3).hash(), KEY, forged)));
        ChainWalk w = walk(c, 10, c.get(9).hash());
        assertThat(w.firstBroken().position()).isEqualTo(6);
        assertThat(w.firstBroken().eventId()).isEqualTo(106);
    }

    @Test
    void aRemovedEventIsNamedByItsPosition() {
        List<ChainedEvent> c = new ArrayList<>(chain(10, 0, AuditChain.GENESIS));
        c.remove(3);
        ChainWalk w = walk(c, 10, c.get(8).hash());
        assertThat(w.firstBroken().problem()).isEqualTo("REMOVED");
        assertThat(w.firstBroken().position()).isEqualTo(4);
        assertThat(w.firstBroken().eventId()).isEqualTo(105); // the next one still there
        assertThat(w.events()).isEqualTo(9);
    }

    @Test
    void theLastEventsCutOffAreNamedAgainstTheHead() {
        List<ChainedEvent> c = chain(10, 0, AuditChain.GENESIS);
        String head = c.get(9).hash();
        ChainWalk w = walk(c.subList(0, 8), 10, head);
        assertThat(w.firstBroken().problem()).isEqualTo("REMOVED");
        assertThat(w.firstBroken().position()).isEqualTo(9);
    }

    @Test
    void twoSwappedEventsAreNamedAsReordered() {
        List<ChainedEvent> c = new ArrayList<>(chain(10, 0, AuditChain.GENESIS));
        ChainedEvent fourth = c.get(3);
        ChainedEvent fifth = c.get(4);
        // UPDATE audit_event SET chain_position = … swapping positions 4 and 5 (hashes stay on their rows)
        c.set(3, fifth.at(4, fifth.hash()));
        c.set(4, fourth.at(5, fourth.hash()));
        ChainWalk w = walk(c, 10, c.get(9).hash());
        assertThat(w.firstBroken().problem()).isEqualTo("REORDERED");
        assertThat(w.firstBroken().position()).isEqualTo(4);
        assertThat(w.firstBroken().eventId()).isEqualTo(105);
    }

    @Test
    void aSecondEventAtATakenPlaceIsNamed() {
        List<ChainedEvent> c = new ArrayList<>(chain(10, 0, AuditChain.GENESIS));
        ChainedEvent copy = c.get(2);
        c.add(3, new ChainedEvent(999, KEY, copy.occurredAt(), "x", "y", "SUCCESS", null, null, null, 3L, copy.hash()));
        ChainWalk w = walk(c, 10, c.get(10).hash());
        assertThat(w.firstBroken().problem()).isEqualTo("INSERTED");
        assertThat(w.firstBroken().eventId()).isEqualTo(999);
    }

    @Test
    void aHeadThatDisagreesIsABreak() {
        List<ChainedEvent> c = chain(3, 0, AuditChain.GENESIS);
        ChainWalk w = walk(c, 3, "f".repeat(64));
        assertThat(w.intact()).isFalse();
        assertThat(w.firstBroken().position()).isEqualTo(3);
    }

    @Test
    void aChainAfterAPurgeVerifiesFromItsAnchor() {
        List<ChainedEvent> full = chain(10, 0, AuditChain.GENESIS);
        ChainedEvent anchor = full.get(5); // retention removed positions 1..6
        ChainWalk w = new ChainWalk(KEY, anchor.position(), anchor.hash());
        w.check(full.subList(6, 10));
        w.finish(10, full.get(9).hash());
        assertThat(w.intact()).isTrue();
        assertThat(w.events()).isEqualTo(4);

        ChainWalk wrongAnchor = new ChainWalk(KEY, 0, AuditChain.GENESIS);
        wrongAnchor.check(full.subList(6, 10));
        wrongAnchor.finish(10, full.get(9).hash());
        assertThat(wrongAnchor.firstBroken().problem()).isEqualTo("REMOVED");
    }

    @Test
    void batchesGiveTheSameAnswerAsOneWalk() {
        List<ChainedEvent> c = chain(25, 0, AuditChain.GENESIS);
        ChainWalk w = new ChainWalk(KEY, 0, AuditChain.GENESIS);
        for (int i = 0; i < 25; i += 7) {
            w.check(c.subList(i, Math.min(25, i + 7)));
        }
        w.finish(25, c.get(24).hash());
        assertThat(w.intact()).isTrue();
        assertThat(w.events()).isEqualTo(25);
    }
}
