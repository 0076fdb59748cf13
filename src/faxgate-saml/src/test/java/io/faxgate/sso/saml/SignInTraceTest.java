package io.faxgate.sso.saml;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.sso.saml.SignInTrace.Check;
import io.faxgate.sso.saml.SignInTrace.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sign-in debugger's view of the engine: each check's outcome, what arrived, and who signed it. */
class SignInTraceTest extends EngineTestBase {

    @Test
    void anAcceptedResponseListsEveryCheckPassedAndTheCertificateThatSignedIt() throws Exception {
        SignInTrace trace = new SignInTrace();
        accept(response().set(r -> r.signingKey = IDP_NEXT).encoded(),
                expectations().trustedCertificates(List.of(IDP.certificate(), IDP_NEXT.certificate())).trace(trace));

        assertThat(trace.verified()).isTrue();
        assertThat(trace.outcomes()).allMatch(Outcome::passed);
        assertThat(trace.outcomes()).extracting(Outcome::check).containsExactly(Check.MESSAGE, Check.STATUS, Check.ASSERTION,
                Check.SIGNATURE, Check.ISSUER, Check.DESTINATION, Check.VALIDITY, Check.AUDIENCE, Check.SUBJECT,
                Check.IN_RESPONSE_TO, Check.AUTHN_STATEMENT, Check.ONE_TIME_USE);
        assertThat(trace.signingCertificate()).as("of two trusted certificates, the one that verifies")
                .isEqualTo(IDP_NEXT.certificate());
        assertThat(trace.issuer()).isEqualTo(ISSUER);
        assertThat(trace.audiences()).containsExactly(SP_ENTITY_ID);
        assertThat(trace.nameId()).isEqualTo(EMAIL);
        assertThat(trace.inResponseTo()).isEqualTo(REQUEST_ID);
        assertThat(trace.notOnOrAfter()).isNotNull();
        assertThat(trace.attributes()).containsKey(EntraClaims.OBJECT_ID);
    }

    @Test
    void aWrongCertificateFailsTheSignatureCheckStopsThereAndStillShowsWhatArrivedUnverified() {
        SignInTrace trace = new SignInTrace();
        ResponseExpectations exp = expectations().trace(trace).build();
        String signedByAnother = response().set(r -> r.signingKey = ATTACKER).encoded();
        assertThatThrownBy(() -> engine.validate(signedByAnother, exp)).isInstanceOf(SamlValidationException.class);

        assertThat(trace.verified()).isFalse();
        Outcome last = trace.outcomes().get(trace.outcomes().size() - 1);
        assertThat(last.check()).isEqualTo(Check.SIGNATURE);
        assertThat(last.passed()).isFalse();
        assertThat(last.reason()).isEqualTo(SamlFailure.SIGNATURE_INVALID);
        assertThat(trace.outcomes()).extracting(Outcome::check).doesNotContain(Check.ISSUER, Check.ONE_TIME_USE);
        assertThat(trace.signingCertificate()).as("no trusted certificate verified it").isNull();
        assertThat(trace.nameId()).as("shown to the admin, marked unverified").isEqualTo(EMAIL);
        assertThat(trace.issuer()).isEqualTo(ISSUER);
    }

    @Test
    void aWrongAudienceIsTheFailedCheckAfterTheSignaturePassed() {
        SignInTrace trace = new SignInTrace();
        ResponseExpectations exp = expectations().audience("api://another-app").trace(trace).build();
        assertThatThrownBy(() -> engine.validate(response().encoded(), exp)).isInstanceOf(SamlValidationException.class);

        assertThat(trace.outcomes()).filteredOn(Outcome::passed).extracting(Outcome::check).contains(Check.SIGNATURE, Check.ISSUER);
        Outcome failed = trace.outcomes().get(trace.outcomes().size() - 1);
        assertThat(failed.check()).isEqualTo(Check.AUDIENCE);
        assertThat(failed.reason()).isEqualTo(SamlFailure.AUDIENCE_MISMATCH);
        assertThat(trace.signingCertificate()).isEqualTo(IDP.certificate());
    }

    @Test
    void aReplayIsTheOneTimeUseCheck() throws Exception {
        ResponseExpectations.Builder exp = expectations();
        String once = response().encoded();
        accept(once, exp);
        SignInTrace trace = new SignInTrace();
        ResponseExpectations again = exp.trace(trace).build();
        assertThatThrownBy(() -> engine.validate(once, again)).isInstanceOf(SamlValidationException.class);
        Outcome failed = trace.outcomes().get(trace.outcomes().size() - 1);
        assertThat(failed.check()).isEqualTo(Check.ONE_TIME_USE);
        assertThat(failed.reason()).isEqualTo(SamlFailure.REPLAYED);
    }
}
