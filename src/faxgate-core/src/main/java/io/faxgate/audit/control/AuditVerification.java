package io.faxgate.audit.control;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * The result of walking one audit chain. {@code events}: sealed events still stored (all walked);
 * {@code firstBroken}: null when intact; {@code anchorPosition}/{@code purgedEvents}/{@code purgedThrough}: what
 * retention removed — the walk starts from the anchor's hash, so a purge leaves the rest verifiable.
 */
@JsonbNillable // "firstBroken": null is part of the contract, not an absent field
public record AuditVerification(boolean intact, long events, BrokenLink firstBroken, long headPosition,
                                long anchorPosition, long purgedEvents, Instant purgedThrough) {
}
