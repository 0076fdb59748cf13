package io.faxgate.directory.entity;

/** Where a user or group came from; decides who may change it. */
public enum DirectorySource {
    /** Created just in time at first SAML sign-in. */
    SAML,
    /** Provisioned by Entra (or another SCIM client). */
    SCIM,
    /** Provisioned by the on-premises AD sync agent (through SCIM, but tagged). */
    AGENT,
    /** Created by hand in Faxgate. */
    LOCAL
}
