package io.faxgate.directory.control;

import java.io.Serializable;

/**
 * A SCIM filter (RFC 7644 3.4.2.2) as a tree, parsed by the web tier and evaluated in the database by
 * {@link io.faxgate.directory.control.ScimSearch}. Attribute names are lower-cased paths without the core schema URN
 * ({@code username}, {@code name.givenname}, {@code emails.value}, {@code meta.lastmodified}); values are a
 * {@link String}, {@link Boolean}, {@link java.math.BigDecimal} or null, as the client wrote them.
 */
public sealed interface ScimFilter extends Serializable {

    /** The comparison operators of RFC 7644 3.4.2.2. */
    enum Operator {
        EQ, NE, CO, SW, EW, PR, GT, GE, LT, LE
    }

    record And(ScimFilter left, ScimFilter right) implements ScimFilter {
    }

    record Or(ScimFilter left, ScimFilter right) implements ScimFilter {
    }

    record Not(ScimFilter inner) implements ScimFilter {
    }

    /** {@code attribute op value}; {@code value} is null for {@code pr}. */
    record Compare(String attribute, Operator op, Object value) implements ScimFilter {
    }

    /** {@code emails[type eq "work"]}: {@code inner} names sub-attributes of {@code attribute}, all of one value. */
    record ValuePath(String attribute, ScimFilter inner) implements ScimFilter {
    }
}
