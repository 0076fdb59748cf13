package io.faxgate.sso.boundary;

import io.faxgate.platform.boundary.ClientAddress;
import io.faxgate.sso.saml.IncomingSamlMessage;
import io.faxgate.sso.saml.LogoutExpectations;
import io.faxgate.sso.saml.LogoutResponseSpec;
import io.faxgate.sso.saml.SamlRedirect;
import io.faxgate.sso.saml.SamlValidationException;
import io.faxgate.sso.saml.SpMetadataSpec;
import io.faxgate.sso.saml.ValidatedLogoutRequest;
import io.faxgate.sso.saml.ValidatedLogoutResponse;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import org.pac4j.core.authorization.authorizer.DefaultAuthorizers;
import org.pac4j.core.config.Config;
import org.pac4j.core.engine.DefaultCallbackLogic;
import org.pac4j.core.engine.DefaultLogoutLogic;
import org.pac4j.core.engine.DefaultSecurityLogic;
import org.pac4j.core.matching.matcher.DefaultMatchers;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.adapter.JEEFrameworkAdapter;
import org.pac4j.jee.filter.CallbackFilter;
import org.pac4j.jee.filter.LogoutFilter;
import org.pac4j.jee.filter.SecurityFilter;

/**
 * The per-tenant SSO endpoints under {@code /sso/{tenant}/}: {@code login} (pac4j SecurityFilter), {@code acs}
 * (pac4j CallbackFilter), {@code slo} (pac4j LogoutFilter, plus the IdP's logout messages), {@code metadata}
 * and {@code error}. The tenant comes from the path only.
 */
@WebServlet(urlPatterns = "/sso/*")
public class SsoServlet extends HttpServlet {

    static final String BOUNCED = "faxgate_bounced";
    /** Entra responses are a few KiB; far below Payara's 2 MB post limit, which would otherwise end in a 500. */
    static final int MAX_ACS_POST_BYTES = 512 * 1024;
    private static final Logger LOG = Logger.getLogger(SsoServlet.class.getName());

    @EJB
    SamlSignInFacade signIn;

    @Inject
    SamlRuntime runtime;

    private TenantSamlClients clients;
    private SecurityFilter security;
    private CallbackFilter callback;
    private LogoutFilter logout;

    @PostConstruct
    void configurePac4j() {
        clients = new TenantSamlClients(signIn, runtime);
        TenantPathClientFinder finder = new TenantPathClientFinder();
        Config config = new Config(clients);
        config.setSecurityLogic(new DefaultSecurityLogic().setClientFinder(finder));
        config.setCallbackLogic(new DefaultCallbackLogic().setClientFinder(finder));
        config.setLogoutLogic(new DefaultLogoutLogic());
        config.setSessionLogoutHandler(new FrontChannelLogoutOnly());
        new JEEFrameworkAdapter().applyDefaultSettingsIfUndefined(config);

        security = new SecurityFilter(config);
        security.setClients("tenant-from-path");
        // Our own filters send security headers; SAML's cross-site POST cannot carry pac4j's CSRF token.
        security.setAuthorizers(DefaultAuthorizers.NONE);
        security.setMatchers(DefaultMatchers.NONE);
        callback = new CallbackFilter(config);
        // No RelayState naming a page of ours (IdP-initiated): the landing decides between start page and console.
        callback.setDefaultUrl(LandingServlet.PATH);
        callback.setRenewSession(true);
        logout = new LogoutFilter(config);
        logout.setDefaultUrl("/login.xhtml");
        logout.setLocalLogout(true);
        logout.setDestroySession(true);
        logout.setCentralLogout(true);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<SsoPath> parsed = SsoPath.parse(request.getRequestURI().substring(request.getContextPath().length()));
        if (parsed.isEmpty()) {
            SsoPages.message(response, 404, "Not found", "There is no such sign-in address.");
            return;
        }
        SsoPath path = parsed.get();
        try {
            switch (path.endpoint()) {
                case "login" -> login(path, request, response);
                case "acs" -> consume(path, request, response);
                case "slo" -> singleLogout(path, request, response);
                case "metadata" -> metadata(path, response);
                case "error" -> SsoPages.refused(response, String.valueOf(request.getParameter("reason")), path.tenant());
                default -> SsoPages.message(response, 404, "Not found", "There is no such sign-in address.");
            }
        } catch (RuntimeException | ServletException e) {
            LOG.log(java.util.logging.Level.SEVERE, "SSO endpoint " + path + " failed", e);
            if (!response.isCommitted()) {
                response.reset();
                SsoPages.message(response, 400, "Sign-in failed", "The sign-in could not be completed. Please try again.");
            }
        }
    }

    private boolean usable(SsoPath path, HttpServletResponse response) throws IOException {
        Optional<SamlTenantConfiguration> configuration = signIn.configuration(path.tenant());
        if (configuration.isEmpty()) {
            SsoPages.message(response, 404, "Unknown company", "There is no Faxgate company with this sign-in address.");
            return false;
        }
        if (!configuration.get().usable()) {
            SsoPages.message(response, 403, "Single sign-on is off",
                    "Single sign-on is not enabled for this company. Sign in with your Faxgate account instead.");
            return false;
        }
        return true;
    }

    private void login(SsoPath path, HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!usable(path, response)) {
            return;
        }
        security.doFilter(request, response, (req, res) -> land(path, (HttpServletRequest) req, (HttpServletResponse) res));
    }

    /** Signed in: to the requested page of ours, or where the person works (see LandingServlet). A session of another tenant is ended first. */
    private void land(SsoPath path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<UserProfile> profile = SamlSessions.profileOf(request, response);
        if (profile.isPresent() && !path.tenant().equals(profile.get().getAttribute(TenantSamlClient.TENANT_ATTRIBUTE))) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/sso/" + path.tenant() + "/login");
            return;
        }
        response.sendRedirect(request.getContextPath() + SafeTarget.of(request.getParameter("target"))
                .orElse(LandingServlet.PATH)); // pac4j's request wrapper knows no container roles: the landing decides
    }

    private void consume(SsoPath path, HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            SsoPages.message(response, 405, "Wrong method", "The Consume endpoint accepts the identity provider's POST only.");
            return;
        }
        if (request.getContentLengthLong() > MAX_ACS_POST_BYTES) {
            signIn.recordRejectedResponse(path.tenant(), "TOO_LARGE", request.getContentLengthLong() + " bytes", ClientAddress.of(request));
            // Read (and drop) what the browser is still sending, up to Payara's own limit, so it sees our answer
            // instead of a reset connection.
            request.getInputStream().skipNBytes(Math.min(request.getContentLengthLong(), 2L * 1024 * 1024));
            SsoPages.message(response, 413, "Too large", "The sign-in answer is larger than Faxgate accepts.");
            return;
        }
        if (!usable(path, response)) {
            return;
        }
        String samlResponse = request.getParameter("SAMLResponse");
        if (samlResponse == null || samlResponse.isBlank()) {
            SsoPages.message(response, 400, "No sign-in answer", "The request carried no SAMLResponse.");
            return;
        }
        if (request.getParameter(BOUNCED) == null) {
            SsoPages.bounce(response, request.getContextPath() + "/sso/" + path.tenant() + "/acs", samlResponse,
                    request.getParameter("RelayState"));
            return;
        }
        callback.doFilter(request, response, (req, res) -> { });
    }

    private void singleLogout(SsoPath path, HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<SamlTenantConfiguration> configuration = signIn.configuration(path.tenant());
        if (configuration.isEmpty() || !configuration.get().usable()) {
            SsoPages.message(response, 404, "Not found", "Single logout is not available for this company.");
            return;
        }
        SamlTenant tenant = new SamlTenant(configuration.get());
        String query = request.getQueryString();
        if (request.getParameter("SAMLResponse") != null && query != null) {
            logoutAnswered(tenant, query, response);
        } else if (request.getParameter("SAMLRequest") != null && query != null) {
            logoutRequested(tenant, query, request, response);
        } else {
            logout.doFilter(request, response, (req, res) -> { });
        }
    }

    private void logoutAnswered(SamlTenant tenant, String query, HttpServletResponse response) throws IOException {
        try {
            ValidatedLogoutResponse answer = runtime.engine().validateLogoutResponse(IncomingSamlMessage.redirect(query),
                    LogoutExpectations.builder().expectedIssuer(tenant.configuration().expectedIssuer())
                            .sloUrl(tenant.configuration().singleLogoutEndpoint())
                            .trustedCertificates(tenant.trustedCertificates())
                            .allowSha1(tenant.configuration().allowSha1())
                            // The answer only confirms a logout we already performed locally.
                            .requireSignature(false)
                            .outstandingRequestIds(runtime.outstandingLogouts()).build());
            runtime.logoutAnswered(answer.inResponseTo());
            SsoPages.message(response, 200, "Signed out", "You are signed out of Faxgate and of your company's sign-in.");
        } catch (SamlValidationException e) {
            signIn.recordRejectedResponse(tenant.slug(), "LOGOUT_" + e.reason().name(), e.getMessage(), null);
            SsoPages.message(response, 200, "Signed out", "You are signed out of Faxgate. Your company's sign-in did not confirm.");
        }
    }

    /** The IdP ends the person's sessions everywhere: end ours, then answer. */
    private void logoutRequested(SamlTenant tenant, String query, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ValidatedLogoutRequest logoutRequest;
        try {
            logoutRequest = runtime.engine().validateLogoutRequest(IncomingSamlMessage.redirect(query),
                    LogoutExpectations.builder().expectedIssuer(tenant.configuration().expectedIssuer())
                            .sloUrl(tenant.configuration().singleLogoutEndpoint())
                            .trustedCertificates(tenant.trustedCertificates())
                            .allowSha1(tenant.configuration().allowSha1()).build());
        } catch (SamlValidationException e) {
            signIn.recordRejectedResponse(tenant.slug(), "LOGOUT_" + e.reason().name(), e.getMessage(), ClientAddress.of(request));
            SsoPages.message(response, 400, "Logout refused", "The logout request was not valid and was ignored.");
            return;
        }
        Optional<UserProfile> profile = SamlSessions.profileOf(request, response);
        if (profile.isPresent() && tenant.slug().equals(profile.get().getAttribute(TenantSamlClient.TENANT_ATTRIBUTE))
                && logoutRequest.nameId().equals(profile.get().getAttribute(TenantSamlClient.NAME_ID_ATTRIBUTE))) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            signIn.recordSignOut(tenant.slug(), profile.get().getId(), "single logout started by the identity provider");
        }
        LogoutResponseSpec.Builder answer = LogoutResponseSpec.builder().spEntityId(tenant.configuration().spEntityId())
                .idpSloUrl(tenant.configuration().loginEndpoint()).inResponseTo(logoutRequest.id());
        if (logoutRequest.relayState() != null) {
            answer.relayState(logoutRequest.relayState());
        }
        if (tenant.sp() != null) {
            answer.signWith(tenant.sp());
        }
        SamlRedirect redirect = runtime.engine().logoutResponse(answer.build());
        response.sendRedirect(redirect.url().toString());
    }

    private void metadata(SsoPath path, HttpServletResponse response) throws IOException {
        Optional<SamlTenantConfiguration> configuration = signIn.configuration(path.tenant());
        if (configuration.isEmpty() || configuration.get().spEntityId() == null || configuration.get().spCertificatePem() == null) {
            SsoPages.message(response, 404, "No metadata yet", "Enter the Client (App) ID in the SSO settings first.");
            return;
        }
        SamlTenant tenant = new SamlTenant(configuration.get());
        String xml = runtime.engine().spMetadata(SpMetadataSpec.builder()
                .entityId(configuration.get().spEntityId())
                .acsUrl(configuration.get().consumeEndpoint())
                .sloUrl(configuration.get().singleLogoutEndpoint())
                .credentials(tenant.sp())
                .encryptionCertificate(tenant.encryption() == null ? null : tenant.encryption().certificate())
                .build());
        response.setContentType("application/samlmetadata+xml;charset=UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"faxgate-" + path.tenant() + "-metadata.xml\"");
        response.getWriter().write(xml);
    }
}
