package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.sso.control.SsoSettingsRequest;
import io.faxgate.sso.control.SsoSettingsValidation;
import io.faxgate.sso.entity.ClaimNames;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoMode;
import io.faxgate.sso.entity.SsoScope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When enforcing SSO for the admin tool needs a passed test sign-in of exactly the settings being enforced. */
class TestBeforeEnforceTest {

    private static SsoConfiguration config(boolean enabled, SsoScope scope, String certificate, ClaimNames claims) {
        return new SsoConfiguration(enabled, SsoMode.AUTHENTICATION_ONLY, scope,
                "https://login.microsoftonline.com/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d/saml2",
                "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", null, certificate, null, false, false, false, true, 180, claims, false, false);
    }

    private static final SsoConfiguration OFF = config(false, SsoScope.BOTH, "cert-1", ClaimNames.entra());
    private static final SsoConfiguration ON = config(true, SsoScope.BOTH, "cert-1", ClaimNames.entra());

    @Test
    void switchingSsoOnForTheAdminToolNeedsATestOfTheSameConnectionSettings() {
        assertThat(SsoSettingsFacade.enforcesUntested(OFF, ON, null)).as("never tested").isTrue();
        assertThat(SsoSettingsFacade.enforcesUntested(OFF, ON, OFF.connectionFingerprint()))
                .as("switching on keeps a test of the same connection settings valid").isFalse();
    }

    @Test
    void aChangedCertificateOrClaimNameInvalidatesAnEarlierTest() {
        String tested = ON.connectionFingerprint();
        SsoConfiguration otherCertificate = config(true, SsoScope.BOTH, "cert-2", ClaimNames.entra());
        SsoConfiguration otherMfaClaim = config(true, SsoScope.BOTH, "cert-1",
                ClaimNames.of(null, null, null, null, "amr", "mfa"));
        assertThat(SsoSettingsFacade.enforcesUntested(ON, otherCertificate, tested)).isTrue();
        assertThat(SsoSettingsFacade.enforcesUntested(OFF, otherMfaClaim, tested)).isTrue();
        assertThat(otherMfaClaim.connectionFingerprint()).isNotEqualTo(tested);
    }

    @Test
    void webStaffOnlyAndUnchangedEnforcementNeedNoTest() {
        assertThat(SsoSettingsFacade.enforcesUntested(OFF, config(true, SsoScope.WEB_STAFF, "cert-1", ClaimNames.entra()), null))
                .as("administrators keep their passwords").isFalse();
        assertThat(SsoSettingsFacade.enforcesUntested(ON, ON, null))
                .as("already enforced before tests existed, connection unchanged").isFalse();
        assertThat(SsoSettingsFacade.enforcesUntested(config(true, SsoScope.WEB_STAFF, "cert-1", ClaimNames.entra()), ON, null))
                .as("widening the scope to the admin tool is enforcing it").isTrue();
    }

    @Test
    void claimNamesOfOtherIdpsAreValidatedNamingTheField() {
        SsoSettingsRequest request = new SsoSettingsRequest(false, "AUTHENTICATION_ONLY", "BOTH", null, null, List.of(), null,
                false, false, 180, false, true, new SsoSettingsRequest.ClaimNamesRequest("oid", null, null, null, "amr value", "x".repeat(301)),
                null, false, null, null);
        assertThatThrownBy(() -> SsoSettingsValidation.validate(request, true, Instant.now()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).contains("claimNames.mfa", "claimNames.mfaValue"));
    }

    @Test
    void entraIsTheDefaultMfaClaim() {
        ClaimNames entra = ClaimNames.entra();
        assertThat(entra.mfa()).isEqualTo(ClaimNames.ENTRA_AUTHN_METHODS);
        assertThat(entra.mfaValue()).isEqualTo(ClaimNames.ENTRA_MFA);
        assertThat(ClaimNames.of("oid", null, null, null, " amr ", "mfa").mfa()).isEqualTo("amr");
    }
}
