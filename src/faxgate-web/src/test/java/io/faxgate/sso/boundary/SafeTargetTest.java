package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for every redirect target taken from a request (RelayState, target, the logout url), attacked. */
class SafeTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/\\evil.example/", "\\\\evil.example", "/\\/evil.example", // backslash: browsers read it as a slash
            "//evil.example", "///evil.example", "//evil.example/%2F..", // scheme-relative
            "https://evil.example/", "http:/evil.example", "javascript:alert(1)", "data:text/html,x", "HTTPS://evil.example",
            "//user:pass@evil.example/", "//faxgate@evil.example", "@evil.example", // userinfo
            " /evil", "/\t/evil.example", "/\n/evil.example", "/ /evil", "/\u000b/evil", "/\u3000/evil", "\t//evil.example",
            "/x\r\nSet-Cookie: a=b", "/x\u0000", // header splitting, control characters
            "/\u2215\u2215evil.example", "/\uff0f\uff0fevil.example", // look-alike slashes
            "/sso/acme/slo", "/sso/acme/login", // our own SSO endpoints (loops, logout by redirect)
            "", "evil.example", "./x", "../x"})
    void refusesEverythingButAPathOfOurs(String attack) {
        assertThat(SafeTarget.of(attack)).as(attack).isEmpty();
        assertThat(Pattern.matches(SafeTarget.PATTERN, attack)).as("pac4j's logout pattern, same rule: " + attack).isFalse();
    }

    @Test
    void theReportedAttackIsRefusedOnceTheQueryIsDecoded() {
        String decoded = URLDecoder.decode("/%5Cevil.example/", StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo("/\\evil.example/");
        assertThat(SafeTarget.of(decoded)).isEmpty();
        assertThat(SafeTarget.of(URLDecoder.decode("/%2F%2Fevil.example", StandardCharsets.UTF_8))).isEmpty();
        assertThat(SafeTarget.of(URLDecoder.decode("%2F%2Fevil.example", StandardCharsets.UTF_8))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/console/", "/admin/users.xhtml?page=2", "/console/index.xhtml?line=4",
            "/admin/user.xhtml?id=5&tab=roles", "/%5Cstays-a-path-of-ours"})
    void keepsPathsOfOurs(String path) {
        assertThat(SafeTarget.of(path)).contains(path);
        assertThat(Pattern.matches(SafeTarget.PATTERN, path)).isTrue();
    }

    @Test
    void longTargetsAreRefused() {
        assertThat(SafeTarget.of("/" + "a".repeat(600))).isEmpty();
    }
}
