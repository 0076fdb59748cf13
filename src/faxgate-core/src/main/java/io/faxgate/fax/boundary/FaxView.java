package io.faxgate.fax.boundary;

import io.faxgate.fax.entity.Fax;
import java.io.Serializable;
import java.time.Instant;

/** One fax as staff see it: a row of a line's inbox/outbox. */
public record FaxView(long id, long lineId, String direction, String status, String remoteNumber, int pages,
                      String coverNote, String sentBy, String failureReason, Instant createdAt, Instant updatedAt)
        implements Serializable {

    public static FaxView of(Fax f) {
        return new FaxView(f.getId(), f.getFaxLineId(), f.getDirection().name(), f.getStatus().name(),
                f.getRemoteNumber(), f.getPages(), f.getCoverNote(), f.getSentBy(), f.getFailureReason(),
                f.getCreatedAt(), f.getUpdatedAt());
    }
}
