package io.faxgate.fax.boundary;

import java.util.List;

/** Who reaches which line through which group; {@code truncated} when more rows exist than were returned. */
public record ReachMatrix(List<LineReach> rows, boolean truncated) {
}
