package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LandingServletTest {

    /** A request of a signed-in caller holding exactly these container roles ({@code null}: nobody signed in). */
    private static HttpServletRequest caller(Set<String> roles) {
        Principal principal = () -> "user:1";
        return (HttpServletRequest) Proxy.newProxyInstance(LandingServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUserPrincipal" -> roles == null ? null : principal;
                    case "isUserInRole" -> roles != null && roles.contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void staffWhoOnlyWorkWithFaxesLandOnTheConsole() {
        assertThat(LandingServlet.landingFor(caller(Set.of("TENANT_MEMBER", "VIEW_FAXES", "SEND_FAXES")))).isEqualTo("/console/");
        assertThat(LandingServlet.landingFor(caller(Set.of("TENANT_MEMBER", "SEND_FAXES")))).isEqualTo("/console/");
    }

    @Test
    void operatorsLandOnThePlatformOverview() {
        assertThat(LandingServlet.landingFor(caller(Set.of("PLATFORM_OPERATOR")))).isEqualTo("/operator/overview.xhtml");
    }

    @Test
    void administratorsAndEveryoneElseKeepTheStartPage() {
        assertThat(LandingServlet.landingFor(caller(Set.of("TENANT_MEMBER", "VIEW_FAXES", "MANAGE_FAX_LINES")))).isEqualTo("/");
        assertThat(LandingServlet.landingFor(caller(Set.of("TENANT_MEMBER")))).isEqualTo("/");
        assertThat(LandingServlet.landingFor(caller(null))).isEqualTo("/");
    }
}
