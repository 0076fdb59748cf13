package io.faxgate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    static final String PASSWORD = "metrics-password-0123456789";

    static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheMetricsUserWithItsPasswordIsLetIn() {
        assertThat(MetricsEndpoint.authorized(basic("metrics:" + PASSWORD), PASSWORD)).isTrue();
        assertThat(MetricsEndpoint.authorized("basic " + basic("metrics:" + PASSWORD).substring(6), PASSWORD)).isTrue();
    }

    @Test
    void otherAccountsPrefixesAndGarbageAreRefused() {
        assertThat(MetricsEndpoint.authorized(null, PASSWORD)).isFalse();
        assertThat(MetricsEndpoint.authorized(basic("operator:" + PASSWORD), PASSWORD)).isFalse();
        assertThat(MetricsEndpoint.authorized(basic("metrics:" + PASSWORD.substring(0, 10)), PASSWORD)).isFalse();
        assertThat(MetricsEndpoint.authorized(basic("metrics:" + PASSWORD + "x"), PASSWORD)).isFalse();
        assertThat(MetricsEndpoint.authorized(basic("metrics:"), PASSWORD)).isFalse();
        assertThat(MetricsEndpoint.authorized("Basic %%%not-base64", PASSWORD)).isFalse();
        assertThat(MetricsEndpoint.authorized("Bearer " + PASSWORD, PASSWORD)).isFalse();
    }

    @Test
    void labelValuesCannotBreakOutOfTheirQuotes() {
        assertThat(PrometheusText.escape("a\"} 1\nevil{x=\"")).isEqualTo("a\\\"} 1\\nevil{x=\\\"");
        assertThat(PrometheusText.sanitize("faxgate.sign-in")).isEqualTo("faxgate_sign_in");
    }
}
