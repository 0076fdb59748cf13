package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The ACS's own landing choice touches nothing but pac4j's redirect to /start. */
class DirectLandingTest {

    private static <T> T stub(Class<T> type, java.util.function.Function<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(DirectLandingTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.apply(method.getName())));
    }

    private final HttpServletRequest request = stub(HttpServletRequest.class, m -> switch (m) {
        case "getContextPath" -> "";
        case "getSession" -> null; // no session: no profile
        default -> throw new UnsupportedOperationException(m);
    });
    private final DirectLanding landing = new DirectLanding(request, stub(HttpServletResponse.class, m -> null),
            principal -> { throw new AssertionError("roles are only read for a signed-in profile"); });

    /** A page the person asked for (SP-initiated target), an error page, another site: never rewritten. */
    @Test
    void otherTargetsPassUnchanged() {
        assertThat(landing.landing("/admin/users.xhtml")).isEqualTo("/admin/users.xhtml");
        assertThat(landing.landing("/sso/acme/error?reason=REPLAYED")).isEqualTo("/sso/acme/error?reason=REPLAYED");
        assertThat(landing.landing("https://evil.example/start")).isEqualTo("https://evil.example/start");
        assertThat(landing.landing("/start/../admin")).isEqualTo("/start/../admin");
        assertThat(landing.landing(null)).isNull();
    }

    @Test
    void withoutASignedInProfileStartDecidesAsBefore() {
        assertThat(landing.landing(LandingServlet.PATH)).isEqualTo(LandingServlet.PATH);
    }
}
