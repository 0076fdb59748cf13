package io.faxgate.sso.entity;

/**
 * What an SP key pair is for. Separate pairs: a key that decrypts is never the one that signs, so a decryption
 * oracle on one cannot forge signatures with the other (and each can be rotated on its own).
 */
public enum SpKeyUse {
    /** Signs AuthnRequests, logout messages and our metadata; published with use="signing". */
    SIGNING,
    /** Decrypts encrypted assertions; published with use="encryption". */
    ENCRYPTION
}
