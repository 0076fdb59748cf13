package io.faxgate.directory.control;

import io.faxgate.directory.control.ScimFilter;
import io.faxgate.directory.control.ScimFilter.Operator;
import io.faxgate.directory.control.ScimProblem;
import io.faxgate.directory.control.ScimSort;
import io.faxgate.directory.entity.GroupMembership;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@link ScimFilter} as a JPA Criteria predicate: every value is a named query parameter ({@link #bind}), every
 * attribute a fixed mapping below — nothing from the client becomes query text.
 * Case rules follow RFC 7643: {@code id}, {@code externalId} and {@code members.value} compare case-exact; the other
 * strings ignore case. A comparison on an unassigned attribute is false (so {@code not}/{@code ne} select it).
 */
final class ScimCriteria {

    /** How an attribute compares. */
    enum Kind {
        /** Faxgate's numeric id, compared as a number. */
        ID,
        /** Case-exact string. */
        EXACT,
        /** Case-insensitive string, compared in lower case. */
        IGNORE_CASE,
        /** Case-insensitive string whose lower-cased copy is a column (indexed): userName. */
        KEYED,
        BOOLEAN,
        DATE_TIME,
        /** emails.type: the one address Faxgate keeps is the work address; present when there is an email. */
        EMAIL_TYPE,
        /** emails.primary: true when there is an email. */
        EMAIL_PRIMARY,
        /** members / members.value: a membership row exists. */
        MEMBER
    }

    /** An attribute: the entity field it lives in and how it compares. */
    record Attribute(String field, Kind kind) {
    }

    static final Map<String, Attribute> USER = Map.ofEntries(
            Map.entry("id", new Attribute("id", Kind.ID)),
            Map.entry("externalid", new Attribute("externalId", Kind.EXACT)),
            Map.entry("username", new Attribute("userNameKey", Kind.KEYED)),
            Map.entry("displayname", new Attribute("displayName", Kind.IGNORE_CASE)),
            Map.entry("name.givenname", new Attribute("givenName", Kind.IGNORE_CASE)),
            Map.entry("name.familyname", new Attribute("familyName", Kind.IGNORE_CASE)),
            Map.entry("emails", new Attribute("email", Kind.IGNORE_CASE)),
            Map.entry("emails.value", new Attribute("email", Kind.IGNORE_CASE)),
            Map.entry("emails.type", new Attribute("email", Kind.EMAIL_TYPE)),
            Map.entry("emails.primary", new Attribute("email", Kind.EMAIL_PRIMARY)),
            Map.entry("active", new Attribute("active", Kind.BOOLEAN)),
            Map.entry("meta.created", new Attribute("createdAt", Kind.DATE_TIME)),
            Map.entry("meta.lastmodified", new Attribute("updatedAt", Kind.DATE_TIME)));

    static final Map<String, Attribute> GROUP = Map.ofEntries(
            Map.entry("id", new Attribute("id", Kind.ID)),
            Map.entry("externalid", new Attribute("externalId", Kind.EXACT)),
            Map.entry("displayname", new Attribute("displayName", Kind.IGNORE_CASE)),
            Map.entry("members", new Attribute("directoryUserId", Kind.MEMBER)),
            Map.entry("members.value", new Attribute("directoryUserId", Kind.MEMBER)),
            Map.entry("meta.created", new Attribute("createdAt", Kind.DATE_TIME)),
            Map.entry("meta.lastmodified", new Attribute("updatedAt", Kind.DATE_TIME)));

    /** Sub-attributes a value path may name, per multi-valued attribute. */
    private static final Map<String, String> VALUE_PATHS = Map.of("emails", "emails.", "members", "members.");

    private final CriteriaBuilder cb;
    private final AbstractQuery<?> query;
    private final Root<?> root;
    private final Map<String, Attribute> attributes;
    private final long tenantId;
    private final Map<ParameterExpression<?>, Object> parameters = new java.util.LinkedHashMap<>();

    ScimCriteria(CriteriaBuilder cb, AbstractQuery<?> query, Root<?> root, Map<String, Attribute> attributes, long tenantId) {
        this.cb = cb;
        this.query = query;
        this.root = root;
        this.attributes = attributes;
        this.tenantId = tenantId;
    }

    /** Binds the values of the filter to the query built from this predicate. */
    <T> jakarta.persistence.TypedQuery<T> bind(jakarta.persistence.TypedQuery<T> query) {
        // A predicate the provider simplified away (x AND FALSE) takes its parameters with it.
        java.util.Set<String> used = new java.util.HashSet<>();
        query.getParameters().forEach(p -> used.add(p.getName()));
        // EclipseLink would otherwise inline the values of a statement with LIKE … ESCAPE, and print booleans as 1/0,
        // which H2 2.x refuses: values stay bound.
        query.setHint("eclipselink.jdbc.bind-parameters", "true");
        parameters.forEach((p, v) -> {
            if (used.contains(p.getName())) {
                query.setParameter(p.getName(), v);
            }
        });
        return query;
    }

    @SuppressWarnings("unchecked")
    private <T> Expression<T> param(T value) {
        ParameterExpression<T> p = cb.parameter((Class<T>) value.getClass(), "v" + parameters.size());
        parameters.put(p, value);
        return p;
    }

    Predicate where(ScimFilter filter) {
        Predicate tenant = cb.equal(root.get("tenantId"), param(tenantId));
        return filter == null ? tenant : cb.and(tenant, predicate(filter, ""));
    }

    Order order(ScimSort sort) {
        Attribute a = attribute(sort.attribute(), "sortBy");
        Expression<?> key = switch (a.kind()) {
            case IGNORE_CASE -> cb.lower(root.get(a.field()));
            case ID, EXACT, KEYED, BOOLEAN, DATE_TIME -> root.get(a.field());
            default -> throw ScimProblem.invalidValue("sortBy: " + sort.attribute() + " is multi-valued or derived and cannot be sorted by");
        };
        return sort.descending() ? cb.desc(key) : cb.asc(key);
    }

    private Predicate predicate(ScimFilter f, String prefix) {
        if (f instanceof ScimFilter.And and) {
            return cb.and(predicate(and.left(), prefix), predicate(and.right(), prefix));
        }
        if (f instanceof ScimFilter.Or or) {
            return cb.or(predicate(or.left(), prefix), predicate(or.right(), prefix));
        }
        if (f instanceof ScimFilter.Not not) {
            return cb.not(predicate(not.inner(), prefix));
        }
        if (f instanceof ScimFilter.ValuePath vp) {
            if (!prefix.isEmpty() || !VALUE_PATHS.containsKey(vp.attribute()) || !attributes.containsKey(vp.attribute())) {
                throw ScimProblem.invalidFilter("'" + vp.attribute() + "[...]' is not a multi-valued attribute of this resource"
                        + " (value filters: " + String.join(", ", new TreeSet<>(VALUE_PATHS.keySet()).stream()
                        .filter(attributes::containsKey).toList()) + ")");
            }
            if (vp.attribute().equals("members")) {
                return memberExists(vp.inner());
            }
            // Faxgate keeps one email per user: a filter on "one value of emails" is a filter on that value.
            return predicate(vp.inner(), VALUE_PATHS.get(vp.attribute()));
        }
        ScimFilter.Compare c = (ScimFilter.Compare) f;
        String name = prefix + c.attribute();
        Attribute a = attribute(name, "filter");
        if (a.kind() == Kind.MEMBER) {
            return memberExists(new ScimFilter.Compare("value", c.op(), c.value()));
        }
        return compare(root.get(a.field()), a.kind(), name, c.op(), c.value());
    }

    /** One membership row of the group satisfies {@code inner}, whose only attribute is {@code value} (the user id). */
    private Predicate memberExists(ScimFilter inner) {
        Subquery<Long> sub = query.subquery(Long.class);
        Root<GroupMembership> m = sub.from(GroupMembership.class);
        sub.select(m.get("directoryUserId")).where(cb.equal(m.get("tenantId"), param(tenantId)),
                cb.equal(m.get("securityGroupId"), root.get("id")), memberPredicate(m, inner));
        return cb.exists(sub);
    }

    private Predicate memberPredicate(Root<GroupMembership> m, ScimFilter f) {
        if (f instanceof ScimFilter.And and) {
            return cb.and(memberPredicate(m, and.left()), memberPredicate(m, and.right()));
        }
        if (f instanceof ScimFilter.Or or) {
            return cb.or(memberPredicate(m, or.left()), memberPredicate(m, or.right()));
        }
        if (f instanceof ScimFilter.Not not) {
            return cb.not(memberPredicate(m, not.inner()));
        }
        if (f instanceof ScimFilter.Compare c && c.attribute().equals("value")) {
            return compare(m.get("directoryUserId"), Kind.ID, "members.value", c.op(), c.value());
        }
        throw ScimProblem.invalidFilter("members can be filtered by value (the user id) only");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate compare(Expression<?> field, Kind kind, String name, Operator op, Object value) {
        if (op == Operator.PR) {
            return switch (kind) {
                case EMAIL_TYPE, EMAIL_PRIMARY, ID, EXACT, IGNORE_CASE, KEYED, BOOLEAN, DATE_TIME -> cb.isNotNull(field);
                case MEMBER -> cb.conjunction();
            };
        }
        if (value == null) {
            throw ScimProblem.invalidFilter(name + ": compare with a value (use 'pr' or 'not (… pr)' for presence)");
        }
        Predicate p = switch (kind) {
            case ID -> {
                Long number = idValue(value, name);
                if (number == null) {
                    // Not a number: no id of ours equals it; ne holds for every row.
                    yield op == Operator.NE ? cb.conjunction() : ordered(op, name) ? refuseOrdering(name) : cb.disjunction();
                }
                yield ordering(op, (Expression<Long>) field, number, name);
            }
            case EXACT -> strings(op, (Expression<String>) field, text(value, name), name);
            case IGNORE_CASE -> strings(op, cb.lower((Expression<String>) field), lower(text(value, name)), name);
            case KEYED -> strings(op, (Expression<String>) field, lower(text(value, name)), name);
            case BOOLEAN -> {
                boolean b = bool(value, name);
                yield switch (op) {
                    case EQ -> cb.equal(field, param(b));
                    case NE -> cb.notEqual(field, param(b));
                    default -> throw ScimProblem.invalidFilter(name + " is a boolean: eq, ne and pr only");
                };
            }
            case DATE_TIME -> ordering(op, (Expression<Instant>) field, instant(value, name), name);
            case EMAIL_TYPE -> {
                // The stored address is the work address: type compares like the constant "work" where there is one.
                Predicate constant = strings(op, param("work"), lower(text(value, name)), name);
                yield op == Operator.NE ? cb.or(cb.isNull(field), constant) : cb.and(cb.isNotNull(field), constant);
            }
            case EMAIL_PRIMARY -> {
                boolean b = bool(value, name);
                yield switch (op) {
                    case EQ -> b ? cb.isNotNull(field) : cb.disjunction();
                    case NE -> b ? cb.disjunction() : cb.isNotNull(field);
                    default -> throw ScimProblem.invalidFilter(name + " is a boolean: eq, ne and pr only");
                };
            }
            case MEMBER -> throw new IllegalStateException("members are compared in a subquery");
        };
        if (op == Operator.NE) {
            return p; // ne is the negation of eq (built below), true where the attribute is unassigned
        }
        return cb.and(cb.isNotNull(field), p);
    }

    private Predicate strings(Operator op, Expression<String> field, String value, String name) {
        return switch (op) {
            case EQ -> cb.equal(field, param(value));
            case NE -> cb.or(cb.isNull(field), cb.notEqual(field, param(value)));
            case CO -> cb.like(field, param("%" + escaped(value) + "%"), '\\');
            case SW -> cb.like(field, param(escaped(value) + "%"), '\\');
            case EW -> cb.like(field, param("%" + escaped(value)), '\\');
            case GT -> cb.greaterThan(field, param(value));
            case GE -> cb.greaterThanOrEqualTo(field, param(value));
            case LT -> cb.lessThan(field, param(value));
            case LE -> cb.lessThanOrEqualTo(field, param(value));
            case PR -> throw new IllegalStateException(name);
        };
    }

    private <Y extends Comparable<? super Y>> Predicate ordering(Operator op, Expression<Y> field, Y value, String name) {
        Expression<Y> v = param(value);
        return switch (op) {
            case EQ -> cb.equal(field, v);
            case NE -> cb.or(cb.isNull(field), cb.notEqual(field, v));
            case GT -> cb.greaterThan(field, v);
            case GE -> cb.greaterThanOrEqualTo(field, v);
            case LT -> cb.lessThan(field, v);
            case LE -> cb.lessThanOrEqualTo(field, v);
            case CO, SW, EW -> throw ScimProblem.invalidFilter(name + " is not a string: co, sw and ew do not apply");
            case PR -> throw new IllegalStateException(name);
        };
    }

    private static boolean ordered(Operator op, String name) {
        return op == Operator.GT || op == Operator.GE || op == Operator.LT || op == Operator.LE;
    }

    private static Predicate refuseOrdering(String name) {
        throw ScimProblem.invalidFilter(name + ": compare ids in order with a number");
    }

    private Attribute attribute(String name, String where) {
        Attribute a = attributes.get(name);
        if (a == null) {
            throw ScimProblem.invalidFilter(where + ": unknown or not filterable attribute '" + name + "' (supported: "
                    + String.join(", ", new TreeSet<>(attributes.keySet())) + ")");
        }
        return a;
    }

    private static Long idValue(Object value, String name) {
        String text = value instanceof BigDecimal n ? n.toPlainString() : text(value, name);
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    private static String text(Object value, String name) {
        if (value instanceof String s) {
            return s;
        }
        throw ScimProblem.invalidFilter(name + " is a string: compare with a string in quotes");
    }

    private static boolean bool(Object value, String name) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT)); // Entra's default dialect quotes booleans
        }
        throw ScimProblem.invalidFilter(name + " compares with true or false");
    }

    private static Instant instant(Object value, String name) {
        try {
            return OffsetDateTime.parse(text(value, name)).toInstant();
        } catch (DateTimeParseException e) {
            throw ScimProblem.invalidFilter(name + " is a dateTime: compare with an xsd:dateTime such as \"2026-01-01T00:00:00Z\"");
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** LIKE wildcards in the value match themselves. */
    static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
