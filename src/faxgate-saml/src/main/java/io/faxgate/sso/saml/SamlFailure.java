package io.faxgate.sso.saml;

/**
 * Why an incoming SAML message was refused. Stable names: the web layer maps them to audit events and admin hints.
 */
public enum SamlFailure {
    /** Not base64, not well-formed XML, wrong root element, missing mandatory element or bad date. */
    MALFORMED_XML,
    /** Encoded or decoded message larger than the configured limit. */
    TOO_LARGE,
    /** The XML carries a DOCTYPE (DTD, entity declarations: XXE, billion laughs). */
    DTD_FORBIDDEN,
    /** Top-level StatusCode is not Success (includes the IdP's Responder/Requester errors). */
    STATUS_NOT_SUCCESS,
    NO_ASSERTION,
    MULTIPLE_ASSERTIONS,
    /** Neither the Assertion nor the enclosing Response carries a signature. */
    SIGNATURE_MISSING,
    /** Signature does not verify against any trusted IdP certificate (or uses forbidden transforms). */
    SIGNATURE_INVALID,
    /** Signature does not cover the element that would be used (XML signature wrapping, duplicate IDs, nested assertions). */
    SIGNATURE_WRAPPING,
    /**
     * SHA-1 (without allowSha1), MD5 or an unknown signature/digest algorithm; an encryption algorithm outside the
     * allow-list (RSA-1_5, AES-CBC without the tenant's opt-in, anything but RSA-OAEP with AES-GCM).
     */
    WEAK_ALGORITHM,
    ISSUER_MISMATCH,
    AUDIENCE_MISMATCH,
    DESTINATION_MISMATCH,
    RECIPIENT_MISMATCH,
    /** No bearer SubjectConfirmation, or its SubjectConfirmationData is missing/incomplete. */
    SUBJECT_CONFIRMATION_INVALID,
    /** No NameID in the Subject (EncryptedID and BaseID are not supported). */
    NO_NAME_ID,
    /** A Condition we do not understand (SAML core 2.5.1: must be treated as invalid). */
    CONDITION_UNSUPPORTED,
    NOT_YET_VALID,
    EXPIRED,
    IN_RESPONSE_TO_UNKNOWN,
    IDP_INITIATED_NOT_ALLOWED,
    NO_AUTHN_STATEMENT,
    REPLAYED,
    /** The replay cache is full of unexpired entries; refused rather than forgetting one (fail closed). */
    REPLAY_CACHE_FULL,
    DECRYPTION_FAILED,
    /** Unexpected failure inside the engine (a bug, not an attack signal); message is generic. */
    ENGINE_ERROR
}
