package io.faxgate.tenant.control.planted;

import io.faxgate.sso.control.SsoScopeRule;

/** Planted violation for RulesCatchViolationsTest (never in main code): tenant sits below sso. */
public class TenantReachingUp {

    SsoScopeRule scope;
}
