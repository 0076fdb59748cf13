package io.faxgate.audit.control;

/** The audit event types written today; the audit log filters by these strings. */
public final class AuditTypes {

    public static final String TENANT_CREATED = "TENANT_CREATED";
    public static final String TENANT_UPDATED = "TENANT_UPDATED";
    public static final String TENANT_ADMIN_CREATED = "TENANT_ADMIN_CREATED";
    public static final String SSO_SETTINGS_CHANGED = "SSO_SETTINGS_CHANGED";
    public static final String FAX_LINE_CREATED = "FAX_LINE_CREATED";
    public static final String FAX_LINE_UPDATED = "FAX_LINE_UPDATED";
    public static final String FAX_LINE_DELETED = "FAX_LINE_DELETED";
    public static final String GROUP_CREATED = "GROUP_CREATED";
    public static final String GROUP_LINE_BOUND = "GROUP_LINE_BOUND";
    public static final String GROUP_LINE_UNBOUND = "GROUP_LINE_UNBOUND";
    public static final String LOCAL_SIGN_IN = "LOCAL_SIGN_IN";
    public static final String OPERATOR_BOOTSTRAPPED = "OPERATOR_BOOTSTRAPPED";
    public static final String SAML_SIGN_IN = "SAML_SIGN_IN";
    public static final String SAML_GROUPS_OVERAGE = "SAML_GROUPS_OVERAGE";
    public static final String SAML_SIGN_OUT = "SAML_SIGN_OUT";
    public static final String SSO_TEST_SIGN_IN = "SSO_TEST_SIGN_IN";
    public static final String SSO_ENFORCED_UNTESTED = "SSO_ENFORCED_UNTESTED";
    public static final String USER_CREATED = "USER_CREATED";
    public static final String USER_ACTIVATION_CHANGED = "USER_ACTIVATION_CHANGED";
    public static final String PERMISSION_GRANTED = "PERMISSION_GRANTED";
    public static final String PERMISSION_REVOKED = "PERMISSION_REVOKED";
    public static final String PERMISSION_CHANGE_REFUSED = "PERMISSION_CHANGE_REFUSED";
    public static final String ROLE_MAPPING_CREATED = "ROLE_MAPPING_CREATED";
    public static final String ROLE_MAPPING_DELETED = "ROLE_MAPPING_DELETED";
    public static final String LOCAL_ACCOUNT_CHANGED = "LOCAL_ACCOUNT_CHANGED";
    public static final String LOCAL_ACCOUNT_LOCKED = "LOCAL_ACCOUNT_LOCKED";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String USER_UPDATED = "USER_UPDATED";
    public static final String USER_DELETED = "USER_DELETED";
    public static final String GROUP_UPDATED = "GROUP_UPDATED";
    public static final String GROUP_MEMBERS_CHANGED = "GROUP_MEMBERS_CHANGED";
    public static final String GROUP_DELETED = "GROUP_DELETED";
    public static final String SCIM_TOKEN_CREATED = "SCIM_TOKEN_CREATED";
    public static final String SCIM_TOKEN_REVOKED = "SCIM_TOKEN_REVOKED";
    public static final String FAX_QUEUED = "FAX_QUEUED";
    public static final String FAX_SENT = "FAX_SENT";
    public static final String FAX_FAILED = "FAX_FAILED";
    public static final String FAX_RECEIVED = "FAX_RECEIVED";
    public static final String FAX_DOCUMENT_VIEWED = "FAX_DOCUMENT_VIEWED";
    public static final String CARRIER_WEBHOOK_REFUSED = "CARRIER_WEBHOOK_REFUSED";
    public static final String WEB_STAFF_PASSWORD_SET = "WEB_STAFF_PASSWORD_SET";
    public static final String WEB_STAFF_PASSWORD_REMOVED = "WEB_STAFF_PASSWORD_REMOVED";
    public static final String SIGN_IN_RATE_LIMITED = "SIGN_IN_RATE_LIMITED";
    public static final String RETENTION_PURGED = "RETENTION_PURGED";

    /** Every type above, for the audit log's filter. */
    public static java.util.List<String> all() {
        return java.util.Arrays.stream(AuditTypes.class.getFields())
                .filter(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).sorted().toList();
    }

    private AuditTypes() {
    }
}
