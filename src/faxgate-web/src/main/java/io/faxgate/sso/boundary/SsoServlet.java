package io.faxgate.sso.boundary;

import io.faxgate.platform.boundary.ClientAddress;
import io.faxgate.sso.saml.IncomingSamlMessage;
import io.faxgate.sso.saml.LogoutExpectations;
import io.faxgate.sso.saml.LogoutResponseSpec;
import io.faxgate.sso.saml.SamlEngineBusyException;
import io.faxgate.sso.saml.SamlRedirect;
import io.faxgate.sso.saml.SamlValidationException;
import io.faxgate.sso.saml.SignInTrace;
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
 * (pac4j CallbackFilter), {@code slo} (pac4j LogoutFilter for a person's sign-out — a POST with the session's
 * {@link LogoutToken} — plus the IdP's logout messages), {@code metadata} and {@code error}. The tenant comes from the
 * path only. The anonymous endpoints (metadata, slo) are rate-limited per address ({@link SsoEndpointLimits}) and
 * share a bounded part of the SAML engine ({@link SamlRuntime#anonymous}); a busy engine answers 503, never a hung
 * request.
 */
@WebServlet(urlPatterns = "/sso/*")
public class SsoServlet extends HttpServlet {

    public static final String BOUNCED = "faxgate_bounced";
    /** Entra responses are a few KiB; far below Payara's 2 MB post limit, which would otherwise end in a 500. */
    public static final int MAX_ACS_POST_BYTES = 512 * 1024;
    private static final Logger LOG = Logger.getLogger(SsoServlet.class.getName());

    @EJB
    SamlSignInFacade signIn;

    @EJB
    SignInDebuggerFacade debugger;

    @EJB
    SsoSettingsFacade settings;

    @Inject
    SamlRuntime runtime;

    @Inject
    SsoEndpointLimits limits;

    @Inject
    SignedMetadataCache metadataCache;

    @Inject
    SamlConfigurations configurations;

    @EJB
    io.faxgate.access.boundary.CallerFacade callers;

    private TenantSamlClients clients;
    private SecurityFilter security;
    private CallbackFilter callback;
    private LogoutFilter logout;

    @PostConstruct
    void configurePac4j() {
        clients = new TenantSamlClients(configurations, signIn, runtime);
        TenantPathClientFinder finder = new TenantPathClientFinder();
        Config config = new Config(clients);
        config.setSecurityLogic(new DefaultSecurityLogic().setClientFinder(finder));
        config.setCallbackLogic(new DefaultCallbackLogic().setClientFinder(finder));
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
        Config logoutConfig = new Config(clients);
        logoutConfig.setLogoutLogic(new DefaultLogoutLogic());
        logoutConfig.setSessionLogoutHandler(new FrontChannelLogoutOnly());
        logoutConfig.setHttpActionAdapter(new OnToIdpLogout());
        new JEEFrameworkAdapter().applyDefaultSettingsIfUndefined(logoutConfig);
        logout = new LogoutFilter(logoutConfig);
        logout.setDefaultUrl("/login.xhtml");
        // pac4j's default pattern lets "/\\evil.example/" through (a browser goes to evil.example): our rule only.
        logout.setLogoutUrlPattern(SafeTarget.PATTERN);
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
                case "metadata" -> metadata(path, request, response);
                case "error" -> SsoPages.refused(response, String.valueOf(request.getParameter("reason")), path.tenant());
                default -> SsoPages.message(response, 404, "Not found", "There is no such sign-in address.");
            }
        } catch (RuntimeException | ServletException e) {
            // the database is away (a restart): 503 + Retry-After page, not "sign-in failed"
            if (io.faxgate.platform.control.DatabaseOutage.causedBy(e)
                    && io.faxgate.platform.boundary.DatabaseOutageAnswer.write(request, response)) {
                return;
            }
            if (busy(e)) {
                LOG.warning(() -> "SSO endpoint " + path + ": SAML engine busy, answered 503");
                if (!response.isCommitted()) {
                    response.reset();
                    response.setHeader("Retry-After", "5");
                    SsoPages.message(response, 503, "Busy", "Faxgate is busy right now. Please try again in a few seconds.");
                }
                return;
            }
            LOG.log(java.util.logging.Level.SEVERE, "SSO endpoint " + path + " failed", e);
            if (!response.isCommitted()) {
                response.reset();
                SsoPages.message(response, 400, "Sign-in failed", "The sign-in could not be completed. Please try again.");
            }
        }
    }

    private static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SamlEngineBusyException) {
                return true;
            }
        }
        return false;
    }

    /** 429 with Retry-After for an address over an anonymous endpoint's limit; audited once per tenant and minute. */
    private boolean overLimit(java.util.Optional<Long> wait, SsoPath path, String reason, HttpServletRequest request,
                              HttpServletResponse response) throws IOException {
        if (wait.isEmpty()) {
            return false;
        }
        if (limits.firstInWindow(path.tenant(), reason)) {
            signIn.recordRejectedResponse(path.tenant(), reason, "too many requests from one address; further refusals"
                    + " this minute are not recorded", ClientAddress.of(request));
        }
        response.setHeader("Retry-After", Long.toString(wait.get()));
        SsoPages.message(response, 429, "Too many requests", "Too many requests from your address. Try again in "
                + wait.get() + " seconds.");
        return true;
    }

    /** A refused logout message, audited once per tenant, reason and minute (anyone can send them). */
    private void recordRejectedLogout(SamlTenant tenant, SamlValidationException e, String address) {
        String reason = "LOGOUT_" + e.reason().name();
        if (limits.firstInWindow(tenant.slug(), reason)) {
            signIn.recordRejectedResponse(tenant.slug(), reason, e.getMessage(), address);
        }
    }

    private boolean usable(SsoPath path, HttpServletResponse response) throws IOException {
        Optional<SamlTenantConfiguration> configuration = configurations.of(path.tenant());
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
        String relayState = request.getParameter("RelayState");
        // An admin's test sign-in also works while SSO is off (that is its point): it signs nobody in.
        boolean maybeTest = PendingTestSignIn.looksLikeTest(relayState);
        if (!maybeTest && !usable(path, response)) {
            return;
        }
        String samlResponse = request.getParameter("SAMLResponse");
        if (samlResponse == null || samlResponse.isBlank()) {
            SsoPages.message(response, 400, "No sign-in answer", "The request carried no SAMLResponse.");
            return;
        }
        if (maybeTest && request.getParameter(BOUNCED) != null) {
            Optional<PendingTestSignIn> test = PendingTestSignIn.claim(request, path.tenant(), relayState, java.time.Instant.now());
            if (test.isPresent()) {
                testSignIn(test.get(), samlResponse, request, response);
                return;
            }
            if (!usable(path, response)) {
                return;
            }
        }
        if (request.getParameter(BOUNCED) == null) {
            SsoPages.bounce(response, request.getContextPath() + "/sso/" + path.tenant() + "/acs", samlResponse,
                    request.getParameter("RelayState"));
            return;
        }
        callback.doFilter(request, new DirectLanding(request, response, callers::currentRoles), (req, res) -> { });
    }

    /**
     * The answer to an admin's test sign-in: checked exactly like a real one (the tenant's certificates, issuer,
     * audience, replay store), but only against the test's own AuthnRequest, and nobody is signed in — the outcome
     * goes to the sign-in debugger and the admin, still in their own session, back to the SSO page.
     */
    private void testSignIn(PendingTestSignIn test, String samlResponse, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SamlTenantConfiguration c = signIn.configuration(test.ticket().slug()).orElseThrow();
        SignInTrace trace = new SignInTrace();
        try {
            SamlTenant tenant = new SamlTenant(c);
            runtime.engine().validate(samlResponse, tenant.expectations(runtime)
                    .outstandingRequestIds(java.util.Set.of(test.requestId()))
                    .allowIdpInitiated(false)
                    .trace(trace)
                    .build());
        } catch (SamlValidationException refused) {
            LOG.info(() -> "test sign-in of tenant " + test.ticket().slug() + " refused: " + refused.reason());
        } catch (IllegalArgumentException | IllegalStateException incomplete) {
            // settings saved meanwhile without a certificate or issuer: the trace has no checks, the test fails
            LOG.info(() -> "test sign-in of tenant " + test.ticket().slug() + ": settings incomplete");
        }
        debugger.recordTest(test.ticket(), SignInReports.tested(trace, c.claimNames(), requireMfa(test.ticket().slug())));
        response.sendRedirect(request.getContextPath() + "/admin/sso.xhtml?tested=" + (trace.verified() ? "1" : "0"));
    }

    private boolean requireMfa(String slug) {
        return settings.get(slug).requireMfa();
    }

    private void singleLogout(SsoPath path, HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (overLimit(limits.singleLogout(ClientAddress.of(request)), path, "SLO_RATE_LIMITED", request, response)) {
            return;
        }
        Optional<SamlTenantConfiguration> configuration = configurations.of(path.tenant());
        if (configuration.isEmpty() || !configuration.get().usable()) {
            SsoPages.message(response, 404, "Not found", "Single logout is not available for this company.");
            return;
        }
        SamlTenant tenant = new SamlTenant(configuration.get());
        String query = request.getQueryString();
        boolean get = "GET".equals(request.getMethod());
        // The IdP's messages arrive by the HTTP-Redirect binding (GET with the message in the query), signed.
        if (get && query != null && request.getParameter("SAMLResponse") != null) {
            logoutAnswered(tenant, query, request, response);
        } else if (get && query != null && request.getParameter("SAMLRequest") != null) {
            logoutRequested(tenant, query, request, response);
        } else if ("POST".equals(request.getMethod()) && LogoutToken.presentIn(request)) {
            logout.doFilter(request, response, (req, res) -> { });
        } else if ("POST".equals(request.getMethod())) {
            // Another site's form (or a stale page): nobody is signed out by a request they did not make.
            SsoPages.message(response, 403, "Sign-out refused", "This sign-out did not come from a Faxgate page."
                    + " Use the Sign out button in Faxgate.");
        } else {
            signOutPage(path, request, response);
        }
    }

    /**
     * A GET without a SAML message (an old bookmark, a link on another site) signs nobody out: it shows the
     * sign-out button, whose POST carries the session's token.
     */
    private static void signOutPage(SsoPath path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session == null || SamlSessions.profileOf(request, response).isEmpty()) {
            SsoPages.write(response, 200, "Not signed in", "<h1>Not signed in</h1><p>You are not signed in to Faxgate through"
                    + " your company.</p><p><a href=\"" + SsoPages.escape(request.getContextPath()) + "/login.xhtml\">Sign in</a></p>");
            return;
        }
        SsoPages.write(response, 200, "Sign out", "<h1>Sign out</h1><form method=\"post\" action=\""
                + SsoPages.escape(request.getContextPath() + "/sso/" + path.tenant() + "/slo") + "\">"
                + "<input type=\"hidden\" name=\"" + LogoutToken.PARAMETER + "\" value=\""
                + SsoPages.escape(LogoutToken.of(session)) + "\">"
                + "<button id=\"singleLogout\" type=\"submit\">Sign out (also from your company's sign-in)</button></form>");
    }

    private void logoutAnswered(SamlTenant tenant, String query, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            ValidatedLogoutResponse answer = runtime.anonymous(() -> runtime.engine().validateLogoutResponse(IncomingSamlMessage.redirect(query),
                    LogoutExpectations.builder().expectedIssuer(tenant.configuration().expectedIssuer())
                            .sloUrl(tenant.configuration().singleLogoutEndpoint())
                            .trustedCertificates(tenant.trustedCertificates())
                            .allowSha1(tenant.configuration().allowSha1())
                            // The answer only confirms a logout we already performed locally.
                            .requireSignature(false)
                            .outstandingRequestIds(runtime.outstandingLogouts()).build()));
            runtime.logoutAnswered(answer.inResponseTo());
            SsoPages.message(response, 200, "Signed out", "You are signed out of Faxgate and of your company's sign-in.");
        } catch (SamlValidationException e) {
            recordRejectedLogout(tenant, e, ClientAddress.of(request));
            SsoPages.message(response, 200, "Signed out", "You are signed out of Faxgate. Your company's sign-in did not confirm.");
        }
    }

    /** The IdP ends the person's sessions everywhere: end ours, then answer. */
    private void logoutRequested(SamlTenant tenant, String query, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ValidatedLogoutRequest logoutRequest;
        try {
            logoutRequest = runtime.anonymous(() -> runtime.engine().validateLogoutRequest(IncomingSamlMessage.redirect(query),
                    LogoutExpectations.builder().expectedIssuer(tenant.configuration().expectedIssuer())
                            .sloUrl(tenant.configuration().singleLogoutEndpoint())
                            .trustedCertificates(tenant.trustedCertificates())
                            .allowSha1(tenant.configuration().allowSha1()).build()));
        } catch (SamlValidationException e) {
            recordRejectedLogout(tenant, e, ClientAddress.of(request));
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
        SamlRedirect redirect = runtime.anonymous(() -> runtime.engine().logoutResponse(answer.build()));
        response.sendRedirect(redirect.url().toString());
    }

    private void metadata(SsoPath path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (overLimit(limits.metadata(ClientAddress.of(request)), path, "METADATA_RATE_LIMITED", request, response)) {
            return;
        }
        Optional<SamlTenantConfiguration> configuration = configurations.of(path.tenant());
        if (configuration.isEmpty() || configuration.get().spEntityId() == null || configuration.get().spCertificatePem() == null) {
            SsoPages.message(response, 404, "No metadata yet", "Enter the Client (App) ID in the SSO settings first.");
            return;
        }
        SamlTenantConfiguration c = configuration.get();
        String xml = metadataCache.of(c, () -> runtime.anonymous(() -> {
            SamlTenant tenant = new SamlTenant(c);
            return runtime.engine().spMetadata(SpMetadataSpec.builder()
                    .entityId(c.spEntityId())
                    .acsUrl(c.consumeEndpoint())
                    .sloUrl(c.singleLogoutEndpoint())
                    .credentials(tenant.sp())
                    .encryptionCertificate(tenant.encryption() == null ? null : tenant.encryption().certificate())
                    .authnRequestsSigned(c.signAuthnRequests())
                    .build());
        }));
        response.setContentType("application/samlmetadata+xml;charset=UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"faxgate-" + path.tenant() + "-metadata.xml\"");
        response.getWriter().write(xml);
    }
}
