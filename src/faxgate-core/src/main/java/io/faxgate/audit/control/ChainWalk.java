package io.faxgate.audit.control;

import io.faxgate.audit.control.BrokenLink;
import java.util.List;

/**
 * Walks one audit chain in position order and recomputes every link; remembers the first place where the stored
 * chain differs from what was sealed. Fed in batches (a chain can hold millions of events); keeps counting after
 * the first break so the answer still says how many events are stored.
 */
public final class ChainWalk {

    /** How far ahead a broken event's stored hash is looked for, to tell a moved event from a changed one. */
    private static final int REORDER_WINDOW = 64;

    private final long chainKey;
    private long expectedPosition;
    private String previousHash;
    private long events;
    private ChainedEvent last;
    private BrokenLink broken;

    public ChainWalk(long chainKey, long anchorPosition, String anchorHash) {
        this.chainKey = chainKey;
        this.expectedPosition = anchorPosition + 1;
        this.previousHash = anchorHash;
    }

    /** The next events of the chain, in position order. */
    public void check(List<ChainedEvent> batch) {
        for (int i = 0; i < batch.size(); i++) {
            events++;
            if (broken == null) {
                broken = linkError(batch, i);
            }
        }
    }

    private BrokenLink linkError(List<ChainedEvent> batch, int i) {
        ChainedEvent e = batch.get(i);
        long position = e.position();
        if (position < expectedPosition) {
            return new BrokenLink(position, e.id(), e.occurredAt(), "INSERTED",
                    "a second event at position " + position + ", or one at a place retention had removed");
        }
        if (position > expectedPosition) {
            return new BrokenLink(expectedPosition, e.id(), e.occurredAt(), "REMOVED", "no event at position "
                    + expectedPosition + (position == expectedPosition + 1 ? "" : " to " + (position - 1))
                    + "; the next event still stored is " + e.id());
        }
        String recomputed = AuditChainHash.link(previousHash, chainKey, e);
        if (!recomputed.equals(e.hash())) {
            if (belongsFurtherOn(batch, i)) {
                return new BrokenLink(position, e.id(), e.occurredAt(), "REORDERED",
                        "event " + e.id() + " is intact but was sealed at a later position");
            }
            return new BrokenLink(position, e.id(), e.occurredAt(), "CHANGED",
                    "event " + e.id() + " or its stored hash differs from what was sealed");
        }
        previousHash = e.hash();
        expectedPosition++;
        last = e;
        return null;
    }

    private boolean belongsFurtherOn(List<ChainedEvent> batch, int i) {
        ChainedEvent e = batch.get(i);
        for (int j = i + 1; j < batch.size() && j <= i + REORDER_WINDOW; j++) {
            String predecessor = batch.get(j).hash();
            if (predecessor != null && AuditChainHash.link(predecessor, chainKey, e).equals(e.hash())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares the end of the walk with the chain's head: events cut off the end are missing positions too, and a
     * head that disagrees with the last event means one of them was edited.
     */
    public void finish(long headPosition, String headHash) {
        if (broken != null) {
            return;
        }
        long lastWalked = expectedPosition - 1;
        if (lastWalked < headPosition) {
            broken = new BrokenLink(expectedPosition, null, null, "REMOVED", "no event at position " + expectedPosition
                    + (headPosition == expectedPosition ? "" : " to " + headPosition) + "; the chain was sealed up to "
                    + headPosition);
        } else if (!previousHash.equals(headHash)) {
            broken = new BrokenLink(lastWalked, last == null ? null : last.id(), last == null ? null : last.occurredAt(),
                    "CHANGED", "the chain's head does not match its last event");
        }
    }

    public boolean intact() {
        return broken == null;
    }

    public long events() {
        return events;
    }

    public BrokenLink firstBroken() {
        return broken;
    }

    /** Hash of the last event verified intact (the anchor's, if none was). */
    public String lastVerifiedHash() {
        return previousHash;
    }

    public long lastVerifiedPosition() {
        return expectedPosition - 1;
    }
}
