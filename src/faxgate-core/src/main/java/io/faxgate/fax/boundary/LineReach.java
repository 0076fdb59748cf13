package io.faxgate.fax.boundary;

import java.io.Serializable;

/** One row of the reach matrix: this user reaches this line through this group. */
public record LineReach(long lineId, String number, String label, long groupId, String group, long userId,
                        String userName, boolean userActive) implements Serializable {
}
