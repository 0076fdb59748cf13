package io.faxgate.sso.boundary;

import io.faxgate.platform.boundary.ClientAddress;
import io.faxgate.platform.control.AddressBlock;
import io.faxgate.platform.boundary.TooManyRequestsException;
import io.faxgate.platform.control.SlidingWindowLimit;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Company sign-in: the sign-in page's "work e-mail" form posts here. A verified domain of a company with single
 * sign-on on goes on to that company's SP-initiated sign-in ({@code /sso/{company}/login}); every other address —
 * unknown domain, unverified claim, company without SSO — goes back to the sign-in page with one and the same note,
 * so nobody learns which companies exist. Limited per client address ({@code faxgate.sso.company-sign-in-per-minute},
 * default 10), like the other anonymous SSO endpoints.
 */
@WebServlet(CompanySignInServlet.PATH)
public class CompanySignInServlet extends HttpServlet {

    public static final String PATH = "/company-sign-in";
    /** Where every address without company sign-in is sent: the sign-in page with one fixed note. */
    static final String NOT_FOUND = "/login.xhtml?company=none";

    @EJB
    CompanySignInFacade companies;

    @Inject
    @ConfigProperty(name = "faxgate.sso.company-sign-in-per-minute", defaultValue = "10")
    int perMinute;

    private SlidingWindowLimit limit;

    @PostConstruct
    void create() {
        limit = new SlidingWindowLimit("company-sign-in-per-address", perMinute, Duration.ofMinutes(1), Clock.systemUTC());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> wait = limit.tryAcquire(AddressBlock.keyOf(ClientAddress.of(request)))
                .map(TooManyRequestsException::retryAfterSeconds);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(wait.get()));
            SsoPages.message(response, 429, "Too many requests", "Too many sign-in attempts from your address. Try again in "
                    + wait.get() + " seconds.");
            return;
        }
        Optional<String> company = companies.tenantFor(request.getParameter("email"));
        String next = SsoPages.escape(request.getContextPath() + company.map(slug -> "/sso/" + slug + "/login").orElse(NOT_FOUND));
        // A page that navigates on by itself, not a 303: the IdP's address is checked against the sign-in page's CSP
        // form-action when a redirect follows a form post (see OnToIdpLogout). One shape for every answer.
        response.setHeader("Cache-Control", "no-store");
        SsoPages.write(response, HttpServletResponse.SC_OK, "Company sign-in", "<meta http-equiv=\"refresh\" content=\"0;url="
                + next + "\"><h1>Company sign-in</h1><p><a id=\"companyContinue\" href=\"" + next + "\">Continue</a></p>");
    }
}
