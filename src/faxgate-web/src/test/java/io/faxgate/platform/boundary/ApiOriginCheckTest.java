package io.faxgate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.platform.boundary.ApiOriginCheck.Verdict;
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

    private static final String OURS = "https://fax.example.com";

    private static Verdict verdict(String method, boolean basic, String claimed, String contentType) {
        return ApiOriginCheck.verdict(method, true, basic, claimed, contentType, OURS, "http://localhost:8080");
    }

    @Test
    void aCrossSiteFormPostWithCachedBasicCredentialsIsRefused() {
        // Issue 11 item 12: the browser attaches cached Basic credentials to another site's form post.
        assertThat(verdict("POST", true, "https://evil.example", "application/x-www-form-urlencoded")).isEqualTo(Verdict.CROSS_SITE);
        assertThat(verdict("POST", true, "https://evil.example/page", "application/json")).as("Referer of another site")
                .isEqualTo(Verdict.CROSS_SITE);
        assertThat(verdict("DELETE", true, "null", null)).as("a browser hiding where it comes from").isEqualTo(Verdict.CROSS_SITE);
        assertThat(verdict("PUT", true, "https://fax.example.com.evil.test", null)).isEqualTo(Verdict.CROSS_SITE);
    }

    @Test
    void formBodiesAreRefusedEvenWhereNoOriginIsSent() {
        // A browser too old to send Origin, or a form with Referrer-Policy no-referrer: the body type gives it away.
        for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain;charset=UTF-8", " Text/Plain "}) {
            assertThat(verdict("POST", true, null, type)).as(type).isEqualTo(Verdict.FORM_BODY);
            assertThat(verdict("POST", true, OURS, type)).as("same origin, still not JSON: " + type).isEqualTo(Verdict.FORM_BODY);
        }
    }

    @Test
    void sessionCookieRequestsMustNameTheirOrigin() {
        assertThat(verdict("POST", false, null, "application/json")).isEqualTo(Verdict.CROSS_SITE);
        assertThat(verdict("POST", false, OURS, "application/json")).isEqualTo(Verdict.PASS);
        assertThat(verdict("POST", false, "http://localhost:8080/console/", "application/json")).as("Referer of ours")
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void apiClientsAndSameOriginPagesStillWork() {
        assertThat(verdict("POST", true, null, "application/json")).as("curl with Basic").isEqualTo(Verdict.PASS);
        assertThat(verdict("DELETE", true, null, null)).isEqualTo(Verdict.PASS);
        assertThat(verdict("PUT", true, OURS, "application/json; charset=utf-8")).isEqualTo(Verdict.PASS);
        assertThat(verdict("GET", true, "https://evil.example", "text/plain")).as("safe methods change nothing").isEqualTo(Verdict.PASS);
        assertThat(ApiOriginCheck.verdict("POST", false, false, "https://evil.example", "text/plain", OURS))
                .as("nobody signed in (carrier webhook: HMAC, no caller)").isEqualTo(Verdict.PASS);
    }
}
