package io.faxgate.access.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInRateLimitFilterTest {

    @Test
    void signInAttemptsAreFormPostsAndSamlLoginsAndAcsCalls() {
        assertThat(SignInRateLimitFilter.isSignInAttempt("POST", "/login.xhtml")).isTrue();
        assertThat(SignInRateLimitFilter.isSignInAttempt("GET", "/login.xhtml")).as("showing the form is not").isFalse();
        assertThat(SignInRateLimitFilter.isSignInAttempt("GET", "/sso/acme/login")).isTrue();
        assertThat(SignInRateLimitFilter.isSignInAttempt("POST", "/sso/acme/acs")).isTrue();
        assertThat(SignInRateLimitFilter.isSignInAttempt("GET", "/sso/acme/acs")).isTrue();
    }

    @Test
    void otherSsoEndpointsAreNot() {
        assertThat(SignInRateLimitFilter.isSignInAttempt("GET", "/sso/acme/slo")).isFalse();
        assertThat(SignInRateLimitFilter.isSignInAttempt("GET", "/sso/acme/metadata")).isFalse();
        assertThat(SignInRateLimitFilter.isSignInAttempt("GET", "/sso/")).isFalse();
        assertThat(SignInRateLimitFilter.isSignInAttempt("GET", "/sso/acme")).isFalse();
        assertThat(SignInRateLimitFilter.isSignInAttempt("POST", "/api/v1/me/faxes")).isFalse();
    }
}
