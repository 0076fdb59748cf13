package io.faxgate.fax.boundary;

import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.fax.entity.FaxLine;
import java.time.Instant;
import java.util.List;

public record FaxLineView(long id, String number, String label, long version, Instant createdAt, List<Long> boundGroupIds) implements java.io.Serializable {

    public static FaxLineView of(FaxLine l) {
        return new FaxLineView(l.getId(), l.getNumber(), l.getLabel(), l.getVersion(), l.getCreatedAt(),
                l.getBoundGroups().stream().map(SecurityGroup::getId).sorted().toList());
    }
}
