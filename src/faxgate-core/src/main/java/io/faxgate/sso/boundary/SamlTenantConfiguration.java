package io.faxgate.sso.boundary;

import io.faxgate.sso.entity.ClaimNames;
import java.util.List;

/**
 * Everything the SAML layer needs to talk to one tenant's IdP, read fresh from the settings. The SP signing pair
 * ({@code spCertificatePem}, {@code spPrivateKeyPkcs8}) and the separate encryption pair. Holds the SP private
 * keys in the clear: it stays inside the application (never serialised, never logged — see toString).
 */
public record SamlTenantConfiguration(
        String slug,
        long settingsVersion,
        boolean usable,
        String loginEndpoint,
        String spEntityId,
        String expectedIssuer,
        List<String> idpCertificatesPem,
        boolean allowIdpInitiated,
        boolean allowSha1,
        int clockSkewSeconds,
        ClaimNames claimNames,
        String consumeEndpoint,
        String singleLogoutEndpoint,
        String spCertificatePem,
        byte[] spPrivateKeyPkcs8,
        String spEncryptionCertificatePem,
        byte[] spEncryptionPrivateKeyPkcs8,
        boolean allowAesCbc,
        boolean signAuthnRequests) {

    @Override
    public String toString() {
        return "SamlTenantConfiguration[" + slug + ", v" + settingsVersion + ", usable=" + usable + "]";
    }
}
