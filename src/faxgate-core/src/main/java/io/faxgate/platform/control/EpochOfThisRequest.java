package io.faxgate.platform.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * The {@link AccessEpoch} as this request read it: one data-grid read per request instead of one per access decision
 * (a sign-in made about ten). Valid only while this member has not moved the epoch since — a change committed here is
 * seen by the rest of the same request at once; one committed on another member by this member's next request, which
 * is the promise the epoch makes anyway.
 */
@RequestScoped
class EpochOfThisRequest {

    private long value;
    private long movesSeen = -1;

    /** True when the value was read while this member had moved the epoch {@code movesHere} times. */
    boolean readAt(long movesHere) {
        return movesSeen == movesHere;
    }

    long value() {
        return value;
    }

    void remember(long value, long movesHere) {
        this.value = value;
        this.movesSeen = movesHere;
    }
}
