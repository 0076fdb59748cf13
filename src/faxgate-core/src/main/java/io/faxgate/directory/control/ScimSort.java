package io.faxgate.directory.control;

import java.io.Serializable;

/** {@code sortBy} (a lower-cased attribute path as in {@link ScimFilter}) and {@code sortOrder}. */
public record ScimSort(String attribute, boolean descending) implements Serializable {
}
