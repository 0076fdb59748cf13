package io.faxgate.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.tenant.entity.Tenant;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tenant isolation: operators reach every tenant; anyone else only their own, and another's looks like none. */
class TenantAccessTest {

    static final Map<String, Tenant> TENANTS = Map.of(
            "acme", new Tenant("acme", "Acme", true, Instant.EPOCH),
            "globex", new Tenant("globex", "Globex", true, Instant.EPOCH));

    static TenantAccess access() {
        TenantAccess access = new TenantAccess();
        access.tenants = new Tenants() {
            @Override
            public Optional<Tenant> bySlug(String slug) {
                return Optional.ofNullable(TENANTS.get(slug));
            }
        };
        return access;
    }

    static final CallerScope OPERATOR = new CallerScope("local:operator", true, null, null, null, "operator");
    static final CallerScope ACME_ADMIN = new CallerScope("local:admin@acme", false, 1L, "acme", null, "admin");

    @Test
    void anOperatorReachesEveryTenant() {
        assertThat(access().tenantFor(OPERATOR, "acme").getSlug()).isEqualTo("acme");
        assertThat(access().tenantFor(OPERATOR, "globex").getSlug()).isEqualTo("globex");
    }

    @Test
    void aTenantMemberReachesTheirOwnTenant() {
        assertThat(access().tenantFor(ACME_ADMIN, "acme").getSlug()).isEqualTo("acme");
    }

    @Test
    void anotherTenantIsAnsweredExactlyLikeOneThatDoesNotExist() {
        NotFoundException other = catchNotFound(() -> access().tenantFor(ACME_ADMIN, "globex"));
        NotFoundException none = catchNotFound(() -> access().tenantFor(ACME_ADMIN, "initech"));
        assertThat(other.getMessage()).isEqualTo(none.getMessage());
        assertThat(catchNotFound(() -> access().tenantFor(OPERATOR, "initech")).getMessage()).isEqualTo(none.getMessage());
    }

    @Test
    void aCallerWithoutATenantReachesNone() {
        CallerScope stray = new CallerScope("user:7", false, null, null, 7L, "stray");
        assertThatThrownBy(() -> access().tenantFor(stray, "")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> access().tenantFor(stray, "acme")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void slugsAreComparedExactly() {
        assertThatThrownBy(() -> access().tenantFor(ACME_ADMIN, "ACME")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> access().tenantFor(ACME_ADMIN, "acme ")).isInstanceOf(NotFoundException.class);
    }

    private static NotFoundException catchNotFound(Runnable r) {
        try {
            r.run();
        } catch (NotFoundException e) {
            return e;
        }
        throw new AssertionError("expected not found");
    }
}
