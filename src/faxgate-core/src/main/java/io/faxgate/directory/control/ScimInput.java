package io.faxgate.directory.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a SCIM client may send: required fields, lengths, app role limits. Values are trimmed; blank is absent.
 * Refusals are {@link ScimProblem}s ({@code invalidSyntax} for a missing body, {@code invalidValue} otherwise), so a
 * bad request is answered before anything is written.
 */
public final class ScimInput {

    public static final int MAX_NAME = 300;
    public static final int MAX_EXTERNAL_ID = 200;
    public static final int MAX_EMAIL = 320;
    /** The attributes kept as sent (JSON text): room for Entra's default mappings many times over. */
    public static final int MAX_ATTRIBUTES = 16_000;

    private ScimInput() {
    }

    /** Required fields and lengths; the display name falls back to "given family", then the userName. */
    public static ScimUserData checked(ScimUserData d) {
        if (d == null) {
            throw ScimProblem.invalidSyntax("a User resource is required");
        }
        String userName = trimmed(d.userName());
        if (userName == null) {
            throw ScimProblem.invalidValue("userName is required");
        }
        String given = trimmed(d.givenName());
        String family = trimmed(d.familyName());
        String display = trimmed(d.displayName());
        if (display == null) {
            String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
            display = joined.isEmpty() ? userName : joined;
        }
        ScimUserData c = new ScimUserData(userName, trimmed(d.externalId()), display, given, family, trimmed(d.email()),
                d.active(), d.source(), roles(d.roles()), d.attributes());
        length("userName", c.userName(), MAX_NAME);
        length("externalId", c.externalId(), MAX_EXTERNAL_ID);
        length("displayName", c.displayName(), MAX_NAME);
        length("name.givenName", c.givenName(), MAX_NAME);
        length("name.familyName", c.familyName(), MAX_NAME);
        length("emails.value", c.email(), MAX_EMAIL);
        if (c.attributes() != null && c.attributes().length() > MAX_ATTRIBUTES) {
            throw ScimProblem.invalidValue("the attributes Faxgate keeps as sent (title, phoneNumbers, addresses, the"
                    + " enterprise extension, …) exceed " + MAX_ATTRIBUTES + " characters together");
        }
        return c;
    }

    /** A group needs a display name; externalId is optional (most non-Entra clients send none). */
    public static ScimGroupData checked(ScimGroupData d) {
        if (d == null) {
            throw ScimProblem.invalidSyntax("a Group resource is required");
        }
        String name = displayName(d.displayName());
        String externalId = externalId(d.externalId());
        return new ScimGroupData(name, externalId, d.memberIds() == null ? List.of() : d.memberIds());
    }

    /** A group's display name, trimmed: required, at most {@link #MAX_NAME} characters. */
    public static String displayName(String value) {
        String name = trimmed(value);
        if (name == null) {
            throw ScimProblem.invalidValue("displayName is required");
        }
        length("displayName", name, MAX_NAME);
        return name;
    }

    /** An externalId, trimmed (blank: none), at most {@link #MAX_EXTERNAL_ID} characters. */
    public static String externalId(String value) {
        String externalId = trimmed(value);
        length("externalId", externalId, MAX_EXTERNAL_ID);
        return externalId;
    }

    /** App roles: trimmed, blanks dropped, duplicates collapsed, within {@link UserAppRoles}' limits; null stays null. */
    static List<String> roles(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> roles = new ArrayList<>(new LinkedHashSet<>(values.stream().map(ScimInput::trimmed)
                .filter(Objects::nonNull).toList()));
        if (roles.size() > UserAppRoles.MAX_ROLES) {
            throw ScimProblem.invalidValue("roles: at most " + UserAppRoles.MAX_ROLES + " app roles per user");
        }
        for (String r : roles) {
            length("roles.value", r, UserAppRoles.MAX_ROLE_LENGTH);
        }
        return roles;
    }

    /** Member values to remove: ids that are malformed or not members are a no-op (idempotent) and reveal nothing. */
    public static Set<Long> memberIdsToRemove(List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String v : values) {
            try {
                ids.add(Long.parseLong(v == null ? "" : v.strip()));
            } catch (NumberFormatException ignored) {
                // not one of ours: nothing to remove
            }
        }
        return ids;
    }

    static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ScimProblem.invalidValue(field + " is longer than " + max + " characters");
        }
    }
}
