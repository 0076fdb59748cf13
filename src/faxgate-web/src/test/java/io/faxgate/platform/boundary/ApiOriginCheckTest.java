package io.faxgate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiOriginCheckTest {

    @Test
    void originsAreSchemeHostAndNonDefaultPort() {
        assertThat(ApiOriginCheck.originOf("https://Fax.Example.com")).isEqualTo("https://fax.example.com");
        assertThat(ApiOriginCheck.originOf("https://fax.example.com:443/console/x?y")).isEqualTo("https://fax.example.com");
        assertThat(ApiOriginCheck.originOf("http://localhost:8080/")).isEqualTo("http://localhost:8080");
        assertThat(ApiOriginCheck.originOf("http://localhost:80")).isEqualTo("http://localhost");
    }

    @Test
    void nothingUsableIsNoOrigin() {
        assertThat(ApiOriginCheck.originOf(null)).isNull();
        assertThat(ApiOriginCheck.originOf("")).isNull();
        assertThat(ApiOriginCheck.originOf("null")).isNull();
        assertThat(ApiOriginCheck.originOf("file:///etc/passwd")).isNull();
        assertThat(ApiOriginCheck.originOf("javascript:alert(1)")).isNull();
        assertThat(ApiOriginCheck.originOf("https://exa mple.com")).isNull();
    }

    @Test
    void lookalikesAreDifferentOrigins() {
        String ours = ApiOriginCheck.originOf("https://fax.example.com");
        assertThat(ApiOriginCheck.originOf("https://fax.example.com.evil.test")).isNotEqualTo(ours);
        assertThat(ApiOriginCheck.originOf("http://fax.example.com")).isNotEqualTo(ours);
        assertThat(ApiOriginCheck.originOf("https://fax.example.com:8443")).isNotEqualTo(ours);
        assertThat(ApiOriginCheck.originOf("https://user@fax.example.com")).as("userinfo is not part of the origin").isEqualTo(ours);
    }
}
