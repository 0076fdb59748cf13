package io.faxgate.benchmarks;

import io.faxgate.platform.control.AccessEpoch;
import io.faxgate.access.control.CallerDirectory;
import io.faxgate.access.control.LocalAccounts;
import io.faxgate.access.control.PermissionSources;
import io.faxgate.sso.control.SsoScopeRule;
import io.faxgate.access.entity.AssertedRole;
import io.faxgate.access.entity.Caller;
import io.faxgate.access.entity.Permission;
import io.faxgate.access.entity.RoleMapping;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.control.SchemaMigration;
import io.faxgate.sso.control.TenantSsoSettings;
import io.faxgate.sso.entity.ClaimNames;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoMode;
import io.faxgate.sso.entity.SsoScope;
import io.faxgate.sso.entity.SsoSettings;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The access decision every request makes: "who is this principal and which roles do they hold right now"
 * ({@link CallerDirectory#find} + {@link Caller#roles}), for a directory user in mode "Authentication and
 * permissions" with 20 groups, 5 asserted app roles and 30 role mappings.
 * <ul>
 * <li>{@code fromMemory}: the steady state — nothing changed since the last request (includes the forced
 *     recomputation at most once per second per caller);</li>
 * <li>{@code recomputed}: something that decides access just changed, so the decision is computed from the
 *     database (H2 in memory here, the same queries as on PostgreSQL).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AccessDecisionBenchmark {

    private EntityManagerFactory emf;
    private EntityManager em;
    private CallerDirectory directory;
    private AccessEpoch epoch;
    private String principal;

    @Setup(Level.Trial)
    public void seed() throws ReflectiveOperationException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.apply(ds, getClass().getClassLoader());
        emf = Persistence.createEntityManagerFactory("faxgate", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", ds,
                "eclipselink.logging.level", "WARNING"));
        em = emf.createEntityManager();
        Instant now = Instant.now();
        em.getTransaction().begin();
        Tenant tenant = new Tenant("bench", "Bench Corp", true, now);
        em.persist(tenant);
        em.flush();
        SsoSettings settings = new SsoSettings(tenant.getId(), now);
        settings.replace(new SsoConfiguration(true, SsoMode.AUTHENTICATION_AND_PERMISSIONS, SsoScope.BOTH,
                "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/saml2", "client", null, "pem",
                null, false, false, false, true, 180, ClaimNames.entra(), false, false), now);
        em.persist(settings);
        DirectoryUser user = new DirectoryUser(tenant.getId(), "oid", "user@bench.test", DirectorySource.SCIM, now);
        em.persist(user);
        em.flush();
        for (int g = 0; g < 20; g++) {
            SecurityGroup group = new SecurityGroup(tenant.getId(), "group-" + g, "Group " + g, DirectorySource.SCIM, now);
            em.persist(group);
            em.flush();
            em.persist(new GroupMembership(tenant.getId(), group.getId(), user.getId()));
        }
        for (int r = 0; r < 5; r++) {
            em.persist(new AssertedRole(tenant.getId(), user.getId(), "Role." + r));
        }
        Permission[] all = Permission.values();
        for (int m = 0; m < 30; m++) {
            em.persist(new RoleMapping(tenant.getId(), m % 2 == 0 ? "group-" + m : "Role." + (m % 7), all[m % all.length]));
        }
        em.getTransaction().commit();
        principal = Caller.userPrincipal(user.getId());

        Tenants tenants = inject(new Tenants(), "em", em);
        epoch = new AccessEpoch();
        TenantSsoSettings ssoSettings = inject(new TenantSsoSettings(), "em", em);
        SsoScopeRule ssoRule = inject(inject(new SsoScopeRule(), "ssoSettings", ssoSettings), "tenants", tenants);
        directory = new CallerDirectory();
        inject(directory, "em", em);
        inject(directory, "accounts", inject(new LocalAccounts(), "em", em));
        inject(directory, "tenants", tenants);
        inject(directory, "sources", inject(inject(new PermissionSources(), "em", em), "sso", ssoRule));
        inject(directory, "ssoRule", ssoRule);
        inject(directory, "epoch", epoch);
        Set<String> roles = directory.find(principal).orElseThrow().roles();
        if (roles.size() < 3) {
            throw new IllegalStateException("seed did not grant the expected permissions: " + roles);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        em.close();
        emf.close();
    }

    @Benchmark
    public Set<String> fromMemory() {
        return directory.find(principal).orElseThrow().roles();
    }

    @Benchmark
    public Set<String> recomputed() {
        epoch.changed();
        em.clear();
        return directory.find(principal).orElseThrow().roles();
    }

    /** The container injects these; outside it the benchmark sets them itself. */
    private static <T> T inject(T target, String field, Object value) throws ReflectiveOperationException {
        Class<?> type = target.getClass();
        while (type != null) {
            try {
                Field f = type.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return target;
            } catch (NoSuchFieldException e) {
                type = type.getSuperclass();
            }
        }
        throw new NoSuchFieldException(field);
    }
}
