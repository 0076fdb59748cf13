package io.faxgate.directory.control;

import java.io.Serializable;
import java.util.Set;

/**
 * An {@code If-Match} precondition (RFC 7644 3.14, RFC 9110 13.1.1): the versions ({@code meta.version}, the entity's
 * optimistic-lock version) the client's change is based on, or any version ({@code *}). Checked under the row lock,
 * so a stale version is answered 412 and the change is not made.
 */
public record IfMatch(Set<Long> versions, boolean any) implements Serializable {

    public void require(long current, String what) {
        if (!any && !versions.contains(current)) {
            throw new ScimProblem(412, null, what + " has changed (now version W/\"" + current
                    + "\"); read it again and retry with its current ETag");
        }
    }
}
