package io.faxgate.sso.entity;

/** Which part of Faxgate SSO applies to; where it applies, password sign-in is refused (except break-glass). */
public enum SsoScope {
    ADMIN_TOOL,
    WEB_STAFF,
    BOTH
}
