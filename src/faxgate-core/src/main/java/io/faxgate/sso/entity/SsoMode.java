package io.faxgate.sso.entity;

/** Who decides permissions once Entra has signed a person in. */
public enum SsoMode {
    /** Entra signs people in; permissions are edited in Faxgate's User Maintenance. */
    AUTHENTICATION_ONLY,
    /** Entra app roles (mapped to Faxgate permissions) decide everything; the in-app editor is read-only. */
    AUTHENTICATION_AND_PERMISSIONS
}
