package io.faxgate.sso.saml;

import io.faxgate.sso.saml.fixture.EntraIdp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One engine per test class, closed afterwards (as the application does at undeploy). */
abstract class EngineTestBase {

    static SamlEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = SamlEngines.keycloak();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    static ValidatedAssertion accept(String encoded, ResponseExpectations.Builder expectations) throws SamlValidationException {
        return engine.validate(encoded, expectations.build());
    }

    static ValidatedAssertion accept(EntraIdp.ResponseBuilder r) throws SamlValidationException {
        return accept(r.encoded(), EntraIdp.expectations());
    }

    static void refused(String encoded, ResponseExpectations.Builder expectations, SamlFailure reason) {
        ResponseExpectations exp = expectations.build();
        assertThatThrownBy(() -> engine.validate(encoded, exp))
                .isInstanceOf(SamlValidationException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SamlValidationException) e).reason())
                        .as("reason (message: %s)", e.getMessage()).isEqualTo(reason));
    }

    static void refused(String encoded, SamlFailure reason) {
        refused(encoded, EntraIdp.expectations(), reason);
    }

    static void refused(EntraIdp.ResponseBuilder r, SamlFailure reason) {
        refused(r.encoded(), EntraIdp.expectations(), reason);
    }
}
