package io.faxgate.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.platform.control.AccessEpoch;
import io.faxgate.directory.control.ScimFilter;
import io.faxgate.directory.control.ScimFilter.And;
import io.faxgate.directory.control.ScimFilter.Compare;
import io.faxgate.directory.control.ScimFilter.Not;
import io.faxgate.directory.control.ScimFilter.Operator;
import io.faxgate.directory.control.ScimFilter.Or;
import io.faxgate.directory.control.ScimFilter.ValuePath;
import io.faxgate.directory.control.ScimProblem;
import io.faxgate.directory.control.ScimSort;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.control.Databases;
import io.faxgate.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SCIM filter grammar (RFC 7644 3.4.2.2) and sorting, evaluated by the database — PostgreSQL and H2 — with the
 * case rule of each attribute (RFC 7643: id, externalId, members.value case-exact; userName, names, emails not).
 * One test per database so that the fixture is built once; each assertion names the operator it proves.
 */
class ScimSearchTest {

    private ScimSearch search;
    private long acme;
    private long alice;
    private long bob;
    private long carol;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void everyOperatorIsEvaluatedByTheDatabaseWithEachAttributesCaseRule(String name, Supplier<DataSource> database) {
        EntityManagerFactory emf = Databases.migrateAndOpen(database.get());
        EntityManager em = emf.createEntityManager();
        Instant before = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            search = new ScimSearch();
            search.em = em;
            GroupMembers members = new GroupMembers();
            members.em = em;
            members.epoch = new AccessEpoch();
            em.getTransaction().begin();
            Tenant a = new Tenant("acme", "Acme", true, now);
            Tenant g = new Tenant("globex", "Globex", true, now);
            em.persist(a);
            em.persist(g);
            em.flush();
            acme = a.getId();
            alice = user(em, acme, "OID-A", "Alice@Acme.test", "Alice Archer", "alice@acme.test", true, now);
            bob = user(em, acme, "oid-b", "bob@acme.test", "Bob Baker", null, false, now);
            carol = user(em, acme, "oid-c", "carol_50%@acme.test", "Carol", "carol@x.test", true, now);
            user(em, g.getId(), "OID-A", "alice@acme.test", "Alice Archer", "alice@acme.test", true, now);
            SecurityGroup sales = new SecurityGroup(acme, "gid-sales", "Sales", DirectorySource.SCIM, now);
            SecurityGroup support = new SecurityGroup(acme, null, "Support", DirectorySource.SCIM, now);
            em.persist(sales);
            em.persist(support);
            em.flush();
            members.add(acme, sales.getId(), Set.of(alice, bob));
            em.getTransaction().commit();
            em.clear();

            // eq / ne and the case rules
            assertThat(users(cmp("userName", Operator.EQ, "ALICE@acme.TEST"))).as("eq, userName ignores case").containsExactly(alice);
            assertThat(users(cmp("externalId", Operator.EQ, "oid-a"))).as("eq, externalId is case-exact").isEmpty();
            assertThat(users(cmp("externalId", Operator.EQ, "OID-A"))).as("eq, never across tenants").containsExactly(alice);
            assertThat(users(cmp("externalId", Operator.NE, "OID-A"))).as("ne").containsExactly(bob, carol);
            assertThat(users(cmp("emails.value", Operator.NE, "alice@acme.test"))).as("ne holds where unassigned").containsExactly(bob, carol);
            // co / sw / ew, with LIKE wildcards in the value matching themselves
            assertThat(users(cmp("displayName", Operator.CO, "ARCH"))).as("co").containsExactly(alice);
            assertThat(users(cmp("userName", Operator.SW, "B"))).as("sw").containsExactly(bob);
            assertThat(users(cmp("emails.value", Operator.EW, "@ACME.test"))).as("ew").containsExactly(alice);
            assertThat(users(cmp("userName", Operator.CO, "50%"))).as("co with %").containsExactly(carol);
            assertThat(users(cmp("userName", Operator.CO, "_"))).as("co with _").containsExactly(carol);
            assertThat(users(cmp("name.familyName", Operator.SW, "bak"))).as("sw on a sub-attribute").containsExactly(bob);
            // pr, not, and, or, grouping
            assertThat(users(cmp("emails", Operator.PR, null))).as("pr").containsExactly(alice, carol);
            assertThat(users(new Not(cmp("emails", Operator.PR, null)))).as("not pr").containsExactly(bob);
            assertThat(users(new Not(cmp("active", Operator.EQ, Boolean.TRUE)))).as("not").containsExactly(bob);
            assertThat(users(new And(cmp("active", Operator.EQ, Boolean.TRUE),
                    new Or(cmp("displayName", Operator.SW, "a"), cmp("displayName", Operator.SW, "b")))))
                    .as("and over a grouped or").containsExactly(alice);
            assertThat(users(new Or(cmp("userName", Operator.SW, "bob"), cmp("userName", Operator.SW, "carol"))))
                    .as("or").containsExactly(bob, carol);
            assertThat(users(cmp("active", Operator.EQ, "False"))).as("a quoted boolean (Entra)").containsExactly(bob);
            // gt ge lt le on strings (in lower case), dateTimes and ids
            assertThat(users(cmp("userName", Operator.GT, "BOB@acme.test"))).as("gt").containsExactly(carol);
            assertThat(users(cmp("userName", Operator.GE, "bob@acme.test"))).as("ge").containsExactly(bob, carol);
            assertThat(users(cmp("userName", Operator.LT, "bob@acme.test"))).as("lt").containsExactly(alice);
            assertThat(users(cmp("userName", Operator.LE, "bob@acme.test"))).as("le").containsExactly(alice, bob);
            assertThat(users(cmp("meta.created", Operator.GT, before.toString()))).as("gt on a dateTime").containsExactly(alice, bob, carol);
            assertThat(users(cmp("meta.lastModified", Operator.LT, "2000-01-01T00:00:00Z"))).as("lt on a dateTime").isEmpty();
            assertThat(users(cmp("id", Operator.GT, new BigDecimal(alice)))).as("gt on id").containsExactly(bob, carol);
            assertThat(users(cmp("id", Operator.EQ, "x"))).as("an id that cannot be ours").isEmpty();
            // complex attribute filters
            assertThat(users(new ValuePath("emails", cmp("type", Operator.EQ, "work")))).as("emails[type eq work]").containsExactly(alice, carol);
            assertThat(users(new ValuePath("emails", cmp("type", Operator.EQ, "home")))).isEmpty();
            assertThat(users(new ValuePath("emails", new And(cmp("type", Operator.EQ, "WORK"), cmp("value", Operator.CO, "x.test")))))
                    .as("emails[type eq work and value co x.test]").containsExactly(carol);
            assertThat(users(new ValuePath("emails", cmp("primary", Operator.EQ, Boolean.TRUE)))).containsExactly(alice, carol);
            // sorting: case-insensitive attributes sort in lower case, ties by id
            assertThat(sorted(new ScimSort("username", true))).containsExactly(carol, bob, alice);
            assertThat(sorted(new ScimSort("displayname", false))).containsExactly(alice, bob, carol);
            assertThat(sorted(new ScimSort("active", false))).as("false before true").startsWith(bob);

            // groups: by members (one subquery, never a scan in Java), by an absent externalId
            assertThat(groups(new ValuePath("members", cmp("value", Operator.EQ, Long.toString(alice))))).containsExactly(sales.getId());
            assertThat(groups(cmp("members", Operator.EQ, Long.toString(carol)))).isEmpty();
            assertThat(groups(cmp("members", Operator.PR, null))).containsExactly(sales.getId());
            assertThat(groups(new Not(cmp("members", Operator.PR, null)))).containsExactly(support.getId());
            assertThat(groups(new Not(cmp("externalId", Operator.PR, null)))).as("a group without externalId").containsExactly(support.getId());
            assertThat(groups(cmp("displayName", Operator.CO, "PORT"))).containsExactly(support.getId());

            // refusals, each invalidFilter (or invalidValue for sortBy) with a reason
            refused(() -> users(cmp("title", Operator.EQ, "x")), "invalidFilter", "unknown or not filterable attribute 'title'");
            refused(() -> users(cmp("active", Operator.GT, Boolean.TRUE)), "invalidFilter", "boolean");
            refused(() -> users(cmp("meta.created", Operator.CO, "2026-01-01T00:00:00Z")), "invalidFilter", "not a string");
            refused(() -> users(cmp("meta.created", Operator.GT, "yesterday")), "invalidFilter", "dateTime");
            refused(() -> users(cmp("userName", Operator.EQ, Boolean.TRUE)), "invalidFilter", "string");
            refused(() -> users(cmp("userName", Operator.EQ, null)), "invalidFilter", "pr");
            refused(() -> users(new ValuePath("name", cmp("givenName", Operator.EQ, "x"))), "invalidFilter", "multi-valued");
            refused(() -> groups(new ValuePath("members", cmp("display", Operator.EQ, "x"))), "invalidFilter", "value");
            refused(() -> users(cmp("members", Operator.EQ, "1")), "invalidFilter", "members");
            refused(() -> sorted(new ScimSort("emails.type", false)), "invalidValue", "sortBy");
        } finally {
            em.close();
            emf.close();
        }
    }

    private static Compare cmp(String attribute, Operator op, Object value) {
        return new Compare(attribute.toLowerCase(java.util.Locale.ROOT), op, value);
    }

    private List<Long> users(ScimFilter filter) {
        return search.users(acme, filter, null, 1, 100).resources().stream().map(DirectoryUser::getId).toList();
    }

    private List<Long> sorted(ScimSort sort) {
        return search.users(acme, null, sort, 1, 100).resources().stream().map(DirectoryUser::getId).toList();
    }

    private List<Long> groups(ScimFilter filter) {
        return search.groups(acme, filter, null, 1, 100).resources().stream().map(SecurityGroup::getId).toList();
    }

    private static void refused(ThrowingCallable call, String scimType, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimProblem.class, p -> {
            assertThat(p.scimType()).isEqualTo(scimType);
            assertThat(p.getMessage()).contains(detail);
        });
    }

    private static long user(EntityManager em, long tenantId, String externalId, String userName, String display, String email,
                             boolean active, Instant now) {
        DirectoryUser u = new DirectoryUser(tenantId, externalId, userName, DirectorySource.SCIM, now);
        u.describe(userName, email, display, now);
        u.name(display.split(" ")[0], display.contains(" ") ? display.split(" ")[1] : null, now);
        u.activate(active, now);
        em.persist(u);
        em.flush();
        return u.getId();
    }
}
