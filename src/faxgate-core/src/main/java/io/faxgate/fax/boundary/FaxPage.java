package io.faxgate.fax.boundary;

import java.io.Serializable;
import java.util.List;

/** One page of a line's faxes, newest first, and how many the line has in all. */
public record FaxPage(List<FaxView> faxes, long total, int first, int max) implements Serializable {
}
