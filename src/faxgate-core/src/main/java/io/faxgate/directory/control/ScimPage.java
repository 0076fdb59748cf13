package io.faxgate.directory.control;

import java.io.Serializable;
import java.util.List;

/** One page of a SCIM list: {@code startIndex} is 1-based as in RFC 7644 3.4.2.4. */
public record ScimPage<T>(List<T> resources, long totalResults, int startIndex) implements Serializable {
}
