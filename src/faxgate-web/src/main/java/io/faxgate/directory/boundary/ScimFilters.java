package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import io.faxgate.directory.control.ScimFilter;

import io.faxgate.directory.control.ScimSort;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import io.faxgate.directory.control.ScimFilter.Operator;
import java.util.List;
import java.util.Locale;

/**
 * SCIM filter text (RFC 7644 3.4.2.2) parsed by the UnboundID SDK into Faxgate's {@link ScimFilter}: every operator,
 * {@code and}/{@code or}/{@code not}, grouping, and value filters such as {@code emails[type eq "work"]}. Attribute
 * names are checked against the resource's attributes by the query ({@code invalidFilter} for an unknown one); here
 * the schema URN prefix is resolved: the resource's core schema is the default, an extension's attributes are not
 * stored and so cannot be filtered on.
 */
final class ScimFilters {

    static final int MAX_FILTER = 2000;
    /** Nesting depth of and/or/not/[…]: bounds the work a hostile filter can make the parser and database do. */
    static final int MAX_DEPTH = 20;

    private ScimFilters() {
    }

    static ScimFilter parse(String text, String coreSchema) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_FILTER) {
            throw ScimProblem.invalidFilter("the filter is longer than " + MAX_FILTER + " characters");
        }
        Filter filter;
        try {
            filter = Filter.fromString(text);
        } catch (ScimException e) {
            throw ScimProblem.invalidFilter("the filter cannot be parsed: " + e.getScimError().getDetail());
        } catch (RuntimeException e) {
            throw ScimProblem.invalidFilter("the filter cannot be parsed");
        }
        return convert(filter, coreSchema, 0);
    }

    /** {@code sortBy} as a lower-cased attribute path; {@code sortOrder} ascending (default) or descending. */
    static ScimSort sort(String sortBy, String sortOrder, String coreSchema) {
        if (sortBy == null || sortBy.isBlank()) {
            if (sortOrder != null && !sortOrder.isBlank()) {
                orderOf(sortOrder); // still refuse nonsense
            }
            return null;
        }
        Path path;
        try {
            path = Path.fromString(sortBy.strip());
        } catch (ScimException | RuntimeException e) {
            throw ScimProblem.invalidValue("sortBy is not an attribute path");
        }
        return new ScimSort(name(path, coreSchema, "sortBy"), orderOf(sortOrder));
    }

    private static boolean orderOf(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.strip().equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.strip().equalsIgnoreCase("descending")) {
            return true;
        }
        throw ScimProblem.invalidValue("sortOrder is ascending or descending");
    }

    private static ScimFilter convert(Filter f, String coreSchema, int depth) {
        if (depth > MAX_DEPTH) {
            throw ScimProblem.invalidFilter("the filter nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (f.getFilterType()) {
            case AND, OR -> {
                List<Filter> parts = f.getCombinedFilters();
                ScimFilter combined = convert(parts.get(0), coreSchema, depth + 1);
                for (Filter part : parts.subList(1, parts.size())) {
                    ScimFilter next = convert(part, coreSchema, depth + 1);
                    combined = f.getFilterType() == com.unboundid.scim2.common.filters.FilterType.AND ? new ScimFilter.And(combined, next) : new ScimFilter.Or(combined, next);
                }
                return combined;
            }
            case NOT -> {
                return new ScimFilter.Not(convert(f.getInvertedFilter(), coreSchema, depth + 1));
            }
            case COMPLEX_VALUE -> {
                String attribute = name(f.getAttributePath(), coreSchema, "filter");
                return new ScimFilter.ValuePath(attribute, convert(f.getValueFilter(), coreSchema, depth + 1));
            }
            case PRESENT -> {
                return new ScimFilter.Compare(name(f.getAttributePath(), coreSchema, "filter"), Operator.PR, null);
            }
            default -> {
                Operator op = switch (f.getFilterType()) {
                    case EQUAL -> Operator.EQ;
                    case NOT_EQUAL -> Operator.NE;
                    case CONTAINS -> Operator.CO;
                    case STARTS_WITH -> Operator.SW;
                    case ENDS_WITH -> Operator.EW;
                    case GREATER_THAN -> Operator.GT;
                    case GREATER_OR_EQUAL -> Operator.GE;
                    case LESS_THAN -> Operator.LT;
                    case LESS_OR_EQUAL -> Operator.LE;
                    default -> throw ScimProblem.invalidFilter("unsupported filter operator " + f.getFilterType());
                };
                return new ScimFilter.Compare(name(f.getAttributePath(), coreSchema, "filter"), op, value(f.getComparisonValue()));
            }
        }
    }

    private static Object value(ValueNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw ScimProblem.invalidFilter("compare with a string, number, boolean or null");
    }

    /** The lower-cased dotted path; the core schema's URN may prefix it, no other. */
    private static String name(Path path, String coreSchema, String where) {
        String urn = path.getSchemaUrn();
        if (urn != null && !urn.equalsIgnoreCase(coreSchema)) {
            String scimType = where.equals("filter") ? "invalidFilter" : "invalidValue";
            throw new ScimProblem(400, scimType, where + ": attributes of " + EntraPatchDialect.printable(urn)
                    + " are not stored by Faxgate and cannot be " + (where.equals("filter") ? "filtered" : "sorted") + " on");
        }
        StringBuilder name = new StringBuilder();
        for (Path.Element e : path) {
            if (e.getValueFilter() != null) {
                throw ScimProblem.invalidFilter(where + ": a value filter belongs in front of the comparison, as in"
                        + " emails[type eq \"work\"]; not inside a path: " + EntraPatchDialect.printable(path.toString()));
            }
            name.append(name.length() == 0 ? "" : ".").append(e.getAttribute().toLowerCase(Locale.ROOT));
        }
        if (name.length() == 0) {
            throw ScimProblem.invalidFilter(where + ": an attribute is required");
        }
        return name.toString();
    }
}
