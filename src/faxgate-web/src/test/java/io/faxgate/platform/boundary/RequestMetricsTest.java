package io.faxgate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Counting SCIM requests must never fail them: a 503 written during a database outage stays a 503. */
class RequestMetricsTest {

    static RequestMetrics withDatabaseAway() {
        RequestMetrics metrics = new RequestMetrics();
        metrics.tenants = new Tenants() {
            @Override
            public Optional<Tenant> bySlug(String slug) {
                throw new IllegalStateException("Error in allocating a connection");
            }
        };
        return metrics;
    }

    @Test
    void aRefusalDuringAnOutageIsLabelledWithoutLookingTheTenantUp() {
        assertThat(withDatabaseAway().scimTenant("/scim/v2/acme/Users", 503)).isEqualTo("unknown");
    }

    @Test
    void aFailingTenantLookUpLabelsUnknownInsteadOfThrowing() {
        assertThat(withDatabaseAway().scimTenant("/scim/v2/acme/Users", 401)).isEqualTo("unknown");
    }

    @Test
    void answeredRequestsKeepTheirTenant() {
        assertThat(withDatabaseAway().scimTenant("/scim/v2/acme/Users", 200)).isEqualTo("acme");
    }
}
