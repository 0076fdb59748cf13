package io.faxgate.sso.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.platform.boundary.FieldError;
import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoMode;
import io.faxgate.sso.entity.SsoScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SSO settings rules without a server: each refusal names its field, as the admin page and the API show it. */
class SsoSettingsValidationTest {

    static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    static final String ENTRA = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/saml2";
    static final String CLIENT = "0d4c6a3e-1b2f-4c5d-8e9f-0a1b2c3d4e5f";
    static String valid;
    static String expired;
    static String weak;

    @BeforeAll
    static void certificates() {
        valid = TestCertificates.pem(2048, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        expired = TestCertificates.pem(2048, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
        weak = TestCertificates.pem(1024, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    }

    static SsoSettingsRequest request(boolean enabled, String endpoint, String clientId, List<String> certs) {
        return new SsoSettingsRequest(enabled, "AUTHENTICATION_ONLY", "BOTH", endpoint, clientId, certs, null, false,
                false, null, false, null, null, 0L, false, null, false);
    }

    static List<String> fields(Runnable r) {
        try {
            r.run();
            return List.of();
        } catch (InvalidInputException e) {
            return e.fieldErrors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void aCompleteEntraSetupIsAccepted() {
        SsoConfiguration c = SsoSettingsValidation.validate(request(true, ENTRA, CLIENT, List.of(valid)), true, NOW);
        assertThat(c.enabled()).isTrue();
        assertThat(c.mode()).isEqualTo(SsoMode.AUTHENTICATION_ONLY);
        assertThat(c.scope()).isEqualTo(SsoScope.BOTH);
        assertThat(c.spEntityId()).isEqualTo("api://" + CLIENT);
        assertThat(c.justInTimeUsers()).as("default on").isTrue();
    }

    @Test
    void enablingNeedsTheOperatorsAllowanceAndEveryPart() {
        assertThat(fields(() -> SsoSettingsValidation.validate(request(true, null, null, null), false, NOW)))
                .containsExactlyInAnyOrder("enabled", "loginEndpoint", "clientId", "certificates");
        assertThat(fields(() -> SsoSettingsValidation.validate(request(false, null, null, null), false, NOW)))
                .as("saving a draft while SSO is off is allowed").isEmpty();
    }

    @Test
    void theEntityIdIsBuiltByUsNotPasted() {
        assertThat(fields(() -> SsoSettingsValidation.validate(request(false, ENTRA, "api://" + CLIENT, null), true, NOW)))
                .containsExactly("clientId");
        assertThat(fields(() -> SsoSettingsValidation.validate(request(false, ENTRA, "my-app", null), true, NOW)))
                .as("Entra's client id is a GUID (AADSTS700016 otherwise)").containsExactly("clientId");
    }

    @Test
    void expiredWeakDuplicateOrTooManyCertificatesAreRefused() {
        assertThat(fields(() -> SsoSettingsValidation.validate(request(false, ENTRA, CLIENT, List.of(expired)), true, NOW)))
                .containsExactly("certificates[0]");
        assertThat(fields(() -> SsoSettingsValidation.validate(request(false, ENTRA, CLIENT, List.of(weak)), true, NOW)))
                .containsExactly("certificates[0]");
        assertThat(fields(() -> SsoSettingsValidation.validate(request(false, ENTRA, CLIENT, List.of(valid, valid)), true, NOW)))
                .containsExactly("certificates[1]");
        assertThat(fields(() -> SsoSettingsValidation.validate(request(false, ENTRA, CLIENT, List.of(valid, valid, valid)), true, NOW)))
                .containsExactly("certificates");
        assertThat(fields(() -> SsoSettingsValidation.validate(request(false, ENTRA, CLIENT, List.of("not a certificate")), true, NOW)))
                .containsExactly("certificates[0]");
    }

    @Test
    void unknownEnumsAndSkewOutOfRangeNameTheirFields() {
        SsoSettingsRequest r = new SsoSettingsRequest(false, "EVERYTHING", "", null, null, null, null, null, null,
                3600, null, null, null, 0L, null, null, null);
        assertThat(fields(() -> SsoSettingsValidation.validate(r, true, NOW)))
                .containsExactlyInAnyOrder("mode", "scope", "clockSkewSeconds");
    }

    @Test
    void aNonEntraIdpNeedsItsEntityId() {
        assertThat(fields(() -> SsoSettingsValidation.validate(request(true, "https://idp.example.test/sso", "faxgate",
                List.of(valid)), true, NOW))).containsExactly("idpEntityId");
    }

    @Test
    void noBodyIsAFieldErrorNotANullPointer() {
        assertThatThrownBy(() -> SsoSettingsValidation.validate(null, true, NOW)).isInstanceOf(InvalidInputException.class);
    }
}
