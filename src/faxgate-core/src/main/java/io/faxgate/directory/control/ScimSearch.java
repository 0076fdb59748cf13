package io.faxgate.directory.control;

import io.faxgate.directory.control.ScimFilter;
import io.faxgate.directory.control.ScimPage;
import io.faxgate.directory.control.ScimSort;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.SecurityGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SCIM list and search queries, evaluated by the database: the filter becomes a Criteria predicate
 * ({@link ScimCriteria}), always within one tenant; pages are ordered by {@code sortBy} (if given), then by id, so
 * paging is stable. Nothing is loaded to be filtered in Java.
 */
@ApplicationScoped
public class ScimSearch {

    @PersistenceContext
    EntityManager em;

    public ScimPage<DirectoryUser> users(long tenantId, ScimFilter filter, ScimSort sort, int startIndex, int count) {
        return page(DirectoryUser.class, ScimCriteria.USER, tenantId, filter, sort, startIndex, count);
    }

    public ScimPage<SecurityGroup> groups(long tenantId, ScimFilter filter, ScimSort sort, int startIndex, int count) {
        return page(SecurityGroup.class, ScimCriteria.GROUP, tenantId, filter, sort, startIndex, count);
    }

    private <T> ScimPage<T> page(Class<T> type, Map<String, ScimCriteria.Attribute> attributes, long tenantId,
                                 ScimFilter filter, ScimSort sort, int startIndex, int count) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> total = cb.createQuery(Long.class);
        Root<T> counted = total.from(type);
        ScimCriteria countCriteria = new ScimCriteria(cb, total, counted, attributes, tenantId);
        total.select(cb.count(counted)).where(countCriteria.where(filter));
        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> root = select.from(type);
        ScimCriteria criteria = new ScimCriteria(cb, select, root, attributes, tenantId);
        List<Order> order = new ArrayList<>();
        if (sort != null) {
            order.add(criteria.order(sort));
        }
        order.add(sort != null && sort.descending() ? cb.desc(root.get("id")) : cb.asc(root.get("id")));
        select.select(root).where(criteria.where(filter)).orderBy(order);

        long totalResults = countCriteria.bind(em.createQuery(total)).getSingleResult();
        if (count == 0 || totalResults < startIndex) {
            return new ScimPage<>(List.of(), totalResults, startIndex);
        }
        List<T> resources = new ArrayList<>(criteria.bind(em.createQuery(select)).setFirstResult(startIndex - 1).setMaxResults(count)
                .getResultList());
        return new ScimPage<>(resources, totalResults, startIndex);
    }
}
