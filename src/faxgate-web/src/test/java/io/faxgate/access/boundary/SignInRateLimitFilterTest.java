package io.faxgate.access.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInRateLimitFilterTest {

    private static boolean attempt(String method, String servletPath, String path) {
        return SignInRateLimitFilter.isSignInAttempt(method, servletPath, path, () -> true);
    }

    @Test
    void signInAttemptsAreFormPostsAndSamlLoginsAndAcsCalls() {
        assertThat(attempt("POST", "/login.xhtml", "/login.xhtml")).isTrue();
        assertThat(attempt("POST", "/login.xhtml", "/login.xhtml;x=y")).as("path parameters change nothing").isTrue();
        assertThat(attempt("GET", "/login.xhtml", "/login.xhtml")).as("showing the form is not").isFalse();
        assertThat(attempt("GET", "/sso", "/sso/acme/login")).isTrue();
        assertThat(attempt("GET", "/sso", "/sso/acme/login/")).isTrue();
        assertThat(attempt("POST", "/sso", "/sso/acme/acs")).isTrue();
        assertThat(attempt("GET", "/sso", "/sso/acme/acs")).isTrue();
    }

    @Test
    void aSamlSignInIsOneAttemptTheAcsPostThatValidates() {
        assertThat(SignInRateLimitFilter.isSignInAttempt("POST", "/sso", "/sso/acme/acs", () -> false))
                .as("the IdP's POST, answered with the self-posting page without reading the response").isFalse();
        assertThat(SignInRateLimitFilter.isSignInAttempt("POST", "/sso", "/sso/acme/acs", () -> true))
                .as("the self-posting page's POST, which validates the response").isTrue();
        assertThat(SignInRateLimitFilter.isSignInAttempt("GET", "/sso", "/sso/acme/login", () -> false))
                .as("SP-initiated sign-in: no marker involved").isTrue();
    }

    @Test
    void otherSsoEndpointsAreNot() {
        assertThat(attempt("GET", "/sso", "/sso/acme/slo")).isFalse();
        assertThat(attempt("GET", "/sso", "/sso/acme/metadata")).isFalse();
        assertThat(attempt("GET", "/sso", "/sso/")).isFalse();
        assertThat(attempt("GET", "/sso", "/sso/acme")).isFalse();
        assertThat(attempt("POST", "", "/api/v1/me/faxes")).isFalse();
    }
}
