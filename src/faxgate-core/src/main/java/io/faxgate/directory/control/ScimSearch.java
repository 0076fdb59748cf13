package io.faxgate.directory.control;

import io.faxgate.directory.boundary.ScimCondition;
import io.faxgate.directory.boundary.ScimPage;
import io.faxgate.directory.boundary.ScimProblem;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.SecurityGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SCIM list queries: a conjunction of equality conditions, always within one tenant, in id order (stable pages).
 * The JPQL is assembled from fixed fragments per attribute; values are always bound parameters.
 */
@ApplicationScoped
public class ScimSearch {

    @PersistenceContext
    EntityManager em;

    public ScimPage<DirectoryUser> users(long tenantId, List<ScimCondition> conditions, int startIndex, int count) {
        return page("DirectoryUser", "u", DirectoryUser.class, tenantId, conditions, startIndex, count, false);
    }

    public ScimPage<SecurityGroup> groups(long tenantId, List<ScimCondition> conditions, int startIndex, int count) {
        return page("SecurityGroup", "u", SecurityGroup.class, tenantId, conditions, startIndex, count, true);
    }

    private <T> ScimPage<T> page(String entity, String a, Class<T> type, long tenantId, List<ScimCondition> conditions,
                                 int startIndex, int count, boolean groups) {
        StringBuilder where = new StringBuilder(" from " + entity + " " + a + " where " + a + ".tenantId = :tenantId");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenantId", tenantId);
        int i = 0;
        for (ScimCondition c : conditions) {
            String p = "p" + i++;
            Object value = c.value();
            switch (c.attribute()) {
                case ID -> {
                    try {
                        value = Long.parseLong(c.value());
                    } catch (NumberFormatException notOurs) {
                        return new ScimPage<>(List.of(), 0, startIndex); // no such id can exist
                    }
                    where.append(" and ").append(a).append(".id = :").append(p);
                }
                case EXTERNAL_ID -> where.append(" and ").append(a).append(".externalId = :").append(p);
                case DISPLAY_NAME -> where.append(" and ").append(a).append(".displayName = :").append(p);
                case USER_NAME -> {
                    requireUsers(groups, c);
                    value = DirectoryUser.userNameKey(c.value());
                    where.append(" and ").append(a).append(".userNameKey = :").append(p);
                }
                case EMAIL -> {
                    requireUsers(groups, c);
                    value = c.value() == null ? null : c.value().toLowerCase(Locale.ROOT);
                    where.append(" and lower(").append(a).append(".email) = :").append(p);
                }
                case ACTIVE -> {
                    requireUsers(groups, c);
                    if (!"true".equalsIgnoreCase(c.value()) && !"false".equalsIgnoreCase(c.value())) {
                        throw ScimProblem.invalidFilter("active compares with true or false");
                    }
                    value = Boolean.parseBoolean(c.value().toLowerCase(Locale.ROOT));
                    where.append(" and ").append(a).append(".active = :").append(p);
                }
                case MEMBER -> {
                    if (!groups) {
                        throw ScimProblem.invalidFilter("Users cannot be filtered by members");
                    }
                    try {
                        value = Long.parseLong(c.value());
                    } catch (NumberFormatException notOurs) {
                        return new ScimPage<>(List.of(), 0, startIndex);
                    }
                    where.append(" and exists (select m from GroupMembership m where m.tenantId = :tenantId")
                            .append(" and m.securityGroupId = ").append(a).append(".id and m.directoryUserId = :").append(p).append(")");
                }
                default -> throw ScimProblem.invalidFilter("unsupported filter attribute");
            }
            if (value == null) {
                throw ScimProblem.invalidFilter("compare with a value, not null");
            }
            parameters.put(p, value);
        }
        TypedQuery<Long> total = em.createQuery("select count(" + a + ")" + where, Long.class);
        parameters.forEach(total::setParameter);
        long totalResults = total.getSingleResult();
        if (count == 0 || totalResults < startIndex) {
            return new ScimPage<>(List.of(), totalResults, startIndex);
        }
        TypedQuery<T> query = em.createQuery("select " + a + where + " order by " + a + ".id", type);
        parameters.forEach(query::setParameter);
        List<T> resources = new ArrayList<>(query.setFirstResult(startIndex - 1).setMaxResults(count).getResultList());
        return new ScimPage<>(resources, totalResults, startIndex);
    }

    private static void requireUsers(boolean groups, ScimCondition c) {
        if (groups) {
            throw ScimProblem.invalidFilter("Groups cannot be filtered by " + c.attribute().name());
        }
    }
}
