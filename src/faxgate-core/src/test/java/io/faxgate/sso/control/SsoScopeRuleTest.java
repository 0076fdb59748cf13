package io.faxgate.sso.control;

import io.faxgate.access.entity.Permission;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.sso.entity.ClaimNames;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoMode;
import io.faxgate.sso.entity.SsoScope;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where SSO refuses passwords, and where permissions come from — the policy access enforces (SsoPolicy). */
class SsoScopeRuleTest {

    static SsoScopeRule rule(boolean allowed, boolean enabled, SsoScope scope, SsoMode mode) {
        SsoScopeRule rule = new SsoScopeRule();
        rule.tenants = new Tenants() {
            @Override
            public Optional<Tenant> byId(long id) {
                return id == 1 ? Optional.of(new Tenant("acme", "Acme", allowed, Instant.EPOCH)) : Optional.empty();
            }
        };
        rule.ssoSettings = new TenantSsoSettings() {
            @Override
            public SsoConfiguration configurationOf(long tenantId) {
                return tenantId == 1 ? new SsoConfiguration(enabled, mode, scope, null, null, null, null, null, false,
                        false, false, true, 120, ClaimNames.entra(), false, false) : SsoConfiguration.defaults();
            }
        };
        return rule;
    }

    @ParameterizedTest(name = "allowed={0} enabled={1} scope={2} → admin tool {3}, web staff {4}")
    @CsvSource({
            "true,  true,  BOTH,       true,  true",
            "true,  true,  ADMIN_TOOL, true,  false",
            "true,  true,  WEB_STAFF,  false, true",
            "true,  false, BOTH,       false, false",
            // the operator withdrew the allowance: passwords work again, whatever the tenant set
            "false, true,  BOTH,       false, false"})
    void ssoAppliesWhereTheOperatorAllowsTheTenantEnabledAndTheScopeCovers(boolean allowed, boolean enabled, SsoScope scope,
                                                                            boolean adminTool, boolean webStaff) {
        SsoScopeRule rule = rule(allowed, enabled, scope, SsoMode.AUTHENTICATION_ONLY);
        assertThat(rule.forAdminTool(1)).isEqualTo(adminTool);
        assertThat(rule.forWebStaff(1)).isEqualTo(webStaff);
    }

    @ParameterizedTest
    @CsvSource({"AUTHENTICATION_ONLY, false", "AUTHENTICATION_AND_PERMISSIONS, true"})
    void permissionsComeFromTheDirectoryOnlyInThatMode(SsoMode mode, boolean fromDirectory) {
        assertThat(rule(true, true, SsoScope.BOTH, mode).directoryDecidedParts(1).isEmpty()).isEqualTo(!fromDirectory);
    }

    @ParameterizedTest(name = "scope={0}: SAML sessions reach {1}; the directory decides {1}")
    @CsvSource({"ADMIN_TOOL, ADMIN_TOOL", "WEB_STAFF, WEB_STAFF"})
    void theScopeNamesThePartsForBothWaysInAndForTheMode(SsoScope scope, Permission.Area part) {
        SsoScopeRule rule = rule(true, true, scope, SsoMode.AUTHENTICATION_AND_PERMISSIONS);
        assertThat(rule.coveredParts(1)).containsExactly(part);
        assertThat(rule.directoryDecidedParts(1)).containsExactly(part);
        assertThat(rule(true, false, scope, SsoMode.AUTHENTICATION_AND_PERMISSIONS).coveredParts(1))
                .as("SSO off: no SAML session reaches any part").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"BOTH"})
    void anUnknownTenantHasNoSso(SsoScope scope) {
        SsoScopeRule rule = rule(true, true, scope, SsoMode.AUTHENTICATION_AND_PERMISSIONS);
        assertThat(rule.forAdminTool(2)).isFalse();
        assertThat(rule.forWebStaff(2)).isFalse();
        assertThat(rule.directoryDecidedParts(2)).isEmpty();
        assertThat(rule.coveredParts(2)).isEmpty();
    }
}
