package io.faxgate.platform.boundary;

import java.io.Serializable;

/** A problem with one input field, named as the client sent it (JSON property or form field). */
public record FieldError(String field, String message) implements Serializable {
}
