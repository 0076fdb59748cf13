package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.sso.saml.SamlFailure;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The explanations an admin reads in the sign-in debugger: the Entra mistakes they map to. */
class EntraExplanationsTest {

    @Test
    void aWrongCertificateIsNamedAsSuch() {
        assertThat(EntraExplanations.summary("SIGNATURE_INVALID")).isEqualTo("not made by the configured certificate");
        assertThat(EntraExplanations.remedy("SIGNATURE_INVALID")).contains("SAML Certificates").contains("C");
    }

    @Test
    void entityIdAndReplyUrlMistakesCarryEntrasCodes() {
        assertThat(EntraExplanations.remedy("AUDIENCE_MISMATCH")).contains("AADSTS700016").contains("Identifier (Entity ID)");
        assertThat(EntraExplanations.remedy("DESTINATION_MISMATCH")).contains("AADSTS50011");
        assertThat(EntraExplanations.remedy("RECIPIENT_MISMATCH")).contains("AADSTS50011");
        assertThat(EntraExplanations.remedy("STATUS_NOT_SUCCESS")).contains("AADSTS50105");
    }

    @Test
    void everyReasonAnAdminCanCauseHasAnExplanation() {
        Set<SamlFailure> internal = Set.of(SamlFailure.TOO_LARGE, SamlFailure.DTD_FORBIDDEN, SamlFailure.MULTIPLE_ASSERTIONS,
                SamlFailure.SUBJECT_CONFIRMATION_INVALID, SamlFailure.NO_NAME_ID, SamlFailure.CONDITION_UNSUPPORTED,
                SamlFailure.NO_AUTHN_STATEMENT, SamlFailure.REPLAY_CACHE_FULL, SamlFailure.ENGINE_ERROR);
        for (SamlFailure f : SamlFailure.values()) {
            if (!internal.contains(f)) {
                assertThat(EntraExplanations.of(f.name())).as(f.name()).isPresent();
            }
        }
        assertThat(EntraExplanations.of("MFA_REQUIRED")).isPresent();
        assertThat(EntraExplanations.of("MISSING_OBJECT_ID")).isPresent();
    }

    @Test
    void anUnknownReasonIsShownAsItIs() {
        assertThat(EntraExplanations.summary("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(EntraExplanations.remedy("SOMETHING_NEW")).isNull();
        assertThat(EntraExplanations.summary(null)).isNull();
    }
}
