package io.faxgate.directory.boundary;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.faxgate.directory.boundary.ScimCondition.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SCIM filter parsed by the UnboundID SDK and turned into equality conditions joined by {@code and} — the filters
 * Entra and the AD agent send ({@code userName eq "a@b.c"}, {@code externalId eq "…"}, {@code displayName eq "…"}).
 * Any other operator is refused as invalidFilter rather than half-supported.
 */
final class ScimFilterConditions {

    private static final int MAX_FILTER = 2000;

    static final Map<String, Attribute> USER_ATTRIBUTES = Map.of("id", Attribute.ID, "username", Attribute.USER_NAME,
            "externalid", Attribute.EXTERNAL_ID, "displayname", Attribute.DISPLAY_NAME, "emails", Attribute.EMAIL,
            "emails.value", Attribute.EMAIL, "active", Attribute.ACTIVE);
    static final Map<String, Attribute> GROUP_ATTRIBUTES = Map.of("id", Attribute.ID, "externalid", Attribute.EXTERNAL_ID,
            "displayname", Attribute.DISPLAY_NAME, "members", Attribute.MEMBER, "members.value", Attribute.MEMBER);

    private ScimFilterConditions() {
    }

    static List<ScimCondition> parse(String text, Map<String, Attribute> attributes, String schemaUrn) {
        List<ScimCondition> conditions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return conditions;
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
        collect(filter, attributes, schemaUrn, conditions);
        return conditions;
    }

    private static void collect(Filter f, Map<String, Attribute> attributes, String schemaUrn, List<ScimCondition> out) {
        if (f.getFilterType() == FilterType.AND) {
            for (Filter part : f.getCombinedFilters()) {
                collect(part, attributes, schemaUrn, out);
            }
            return;
        }
        if (f.getFilterType() != FilterType.EQUAL) {
            throw ScimProblem.invalidFilter("only 'eq' and 'and' are supported (as Microsoft Entra ID sends them)");
        }
        Path path = f.getAttributePath();
        if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(schemaUrn)) {
            throw ScimProblem.invalidFilter("unsupported filter attribute " + path);
        }
        StringBuilder name = new StringBuilder();
        for (Path.Element e : path) {
            if (e.getValueFilter() != null) {
                throw ScimProblem.invalidFilter("value filters inside a filter are not supported: " + path);
            }
            name.append(name.length() == 0 ? "" : ".").append(e.getAttribute().toLowerCase(Locale.ROOT));
        }
        Attribute attribute = attributes.get(name.toString());
        if (attribute == null) {
            throw ScimProblem.invalidFilter("unsupported filter attribute '" + EntraPatchDialect.printable(path.toString())
                    + "' (supported: " + String.join(", ", attributes.keySet().stream().sorted().toList()) + ")");
        }
        if (f.getComparisonValue() == null || f.getComparisonValue().isNull() || !f.getComparisonValue().isValueNode()) {
            throw ScimProblem.invalidFilter("compare with a string, number or boolean");
        }
        out.add(new ScimCondition(attribute, f.getComparisonValue().asText()));
    }
}
