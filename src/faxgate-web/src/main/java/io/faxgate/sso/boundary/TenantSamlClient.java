package io.faxgate.sso.boundary;

import io.faxgate.sso.saml.AuthnRequestSpec;
import io.faxgate.sso.saml.LogoutRequestSpec;
import io.faxgate.sso.saml.SamlRedirect;
import io.faxgate.sso.saml.SamlValidationException;
import io.faxgate.sso.saml.ValidatedAssertion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.faxgate.directory.boundary.ConcurrentChangeRetry;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.pac4j.core.client.IndirectClient;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.exception.http.FoundAction;
import org.pac4j.core.exception.http.RedirectionAction;
import org.pac4j.core.http.callback.NoParameterCallbackUrlResolver;
import org.pac4j.core.profile.CommonProfile;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.core.util.Pac4jConstants;

/**
 * pac4j client for one tenant's IdP. pac4j runs the flow (save the requested URL, redirect, callback, session
 * renewal, profile in session); every SAML decision is made by the engine behind {@code faxgate-saml}, and every
 * sign-in rule by the core's {@link SamlSignInFacade}.
 */
public class TenantSamlClient extends IndirectClient {

    public static final String NAME_PREFIX = "saml:";
    static final String TENANT_ATTRIBUTE = "tenant";
    static final String NAME_ID_ATTRIBUTE = "nameId";
    static final String SESSION_INDEX_ATTRIBUTE = "sessionIndex";
    private static final Logger LOG = Logger.getLogger(TenantSamlClient.class.getName());
    /** AuthnRequests one browser session may have in flight per tenant (several tabs). */
    private static final int MAX_OUTSTANDING = 5;

    private final SamlTenant tenant;
    private final SamlRuntime runtime;
    private final SamlSignInFacade signIn;

    public TenantSamlClient(SamlTenant tenant, SamlRuntime runtime, SamlSignInFacade signIn) {
        this.tenant = tenant;
        this.runtime = runtime;
        this.signIn = signIn;
        setName(NAME_PREFIX + tenant.slug());
        setCallbackUrl(tenant.configuration().consumeEndpoint());
    }

    long settingsVersion() {
        return tenant.configuration().settingsVersion();
    }

    @Override
    protected void internalInit(boolean forceReinit) {
        // Entra compares the reply URL literally (AADSTS50011): no client_name parameter on our ACS.
        setCallbackUrlResolver(new NoParameterCallbackUrlResolver());
        setRedirectionActionBuilderIfUndefined(this::authnRequest);
        setCredentialsExtractorIfUndefined(ctx -> Optional.ofNullable(samlResponseOf(ctx.webContext()))
                .map(r -> new SamlResponseCredentials(r, ctx.webContext().getRequestParameter("RelayState").orElse(null))));
        setAuthenticatorIfUndefined((ctx, credentials) -> Optional.of(authenticate(ctx, (SamlResponseCredentials) credentials)));
        setLogoutActionBuilderIfUndefined(this::logoutRequest);
    }

    private static String samlResponseOf(WebContext context) {
        return "POST".equalsIgnoreCase(context.getRequestMethod()) ? context.getRequestParameter("SAMLResponse").orElse(null) : null;
    }

    private Optional<RedirectionAction> authnRequest(CallContext ctx) {
        AuthnRequestSpec.Builder spec = AuthnRequestSpec.builder()
                .spEntityId(tenant.configuration().spEntityId())
                .acsUrl(tenant.configuration().consumeEndpoint())
                .idpSsoUrl(tenant.configuration().loginEndpoint());
        if (tenant.configuration().signAuthnRequests() && tenant.sp() != null) {
            spec.signWith(tenant.sp()); // Entra's "require verification certificates"; our metadata says so
        }
        SamlRedirect redirect = runtime.engine().authnRequest(spec.build());
        Set<String> outstanding = outstanding(ctx);
        outstanding.add(redirect.messageId());
        while (outstanding.size() > MAX_OUTSTANDING) {
            outstanding.remove(outstanding.iterator().next());
        }
        ctx.sessionStore().set(ctx.webContext(), outstandingKey(), outstanding);
        return Optional.of(new FoundAction(redirect.url().toString()));
    }

    @SuppressWarnings("unchecked")
    private Set<String> outstanding(CallContext ctx) {
        return ctx.sessionStore().get(ctx.webContext(), outstandingKey())
                .map(v -> new LinkedHashSet<>((Set<String>) v)).orElseGet(LinkedHashSet::new);
    }

    private String outstandingKey() {
        return "faxgate.saml.outstanding." + tenant.slug();
    }

    private SamlResponseCredentials authenticate(CallContext ctx, SamlResponseCredentials credentials) {
        WebContext web = ctx.webContext();
        String sourceIp = web instanceof org.pac4j.jee.context.JEEContext jee
                ? io.faxgate.platform.boundary.ClientAddress.of(jee.getNativeRequest()) : web.getRemoteAddr();
        Set<String> outstanding = outstanding(ctx);
        ValidatedAssertion assertion;
        io.faxgate.sso.saml.SignInTrace trace = new io.faxgate.sso.saml.SignInTrace();
        try {
            assertion = runtime.engine().validate(credentials.samlResponse(), tenant.expectations(runtime)
                    .outstandingRequestIds(outstanding)
                    .allowIdpInitiated(tenant.configuration().allowIdpInitiated())
                    .trace(trace)
                    .build());
        } catch (SamlValidationException e) {
            signIn.recordRejectedResponse(tenant.slug(), e.reason().name(), e.getMessage(), sourceIp);
            signIn.recordRefusedSignIn(tenant.slug(), SignInReports.of(trace, tenant.configuration().claimNames()));
            LOG.info(() -> "SAML response for tenant " + tenant.slug() + " refused: " + e.reason());
            throw new FoundAction(errorPage(e.reason().name()));
        }
        assertion.inResponseTo().ifPresent(id -> {
            outstanding.remove(id);
            ctx.sessionStore().set(web, outstandingKey(), outstanding);
        });
        String principal;
        try {
            // Concurrent sign-ins of one person take turns on their row; a lost race (e.g. both creating the user
            // just in time) is run again, so a double click never ends in "Sign-in failed".
            principal = ConcurrentChangeRetry.run(() -> signIn.signIn(tenant.slug(),
                    AssertionClaims.identity(assertion, tenant.configuration().claimNames()), sourceIp));
        } catch (SignInRefusedException refused) { // an @ApplicationException: the container never wraps it
            signIn.recordRefusedSignIn(tenant.slug(), SignInReports.refusedByRule(trace, tenant.configuration().claimNames(),
                    refused.reason(), refused.getMessage()));
            throw new FoundAction(errorPage(refused.reason()));
        }
        if (assertion.inResponseTo().isEmpty()) {
            rememberRelayState(ctx, credentials.relayState());
        }
        CommonProfile profile = new CommonProfile();
        profile.setId(principal);
        profile.addAttribute(TENANT_ATTRIBUTE, tenant.slug());
        profile.addAttribute(NAME_ID_ATTRIBUTE, assertion.nameId());
        assertion.sessionIndex().ifPresent(s -> profile.addAttribute(SESSION_INDEX_ATTRIBUTE, s));
        SamlSessions.rememberTrust(profile, Instant.now(), assertion.sessionNotOnOrAfter(),
                tenant.thumbprints());
        credentials.setUserProfile(profile);
        return credentials;
    }

    /** IdP-initiated sign-in may name a page of ours to land on; nothing else is honoured. */
    private static void rememberRelayState(CallContext ctx, String relayState) {
        SafeTarget.of(relayState).ifPresent(path -> ctx.sessionStore().set(ctx.webContext(), Pac4jConstants.REQUESTED_URL,
                new FoundAction(path)));
    }

    private String errorPage(String reason) {
        return "/sso/" + tenant.slug() + "/error?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
    }

    private Optional<RedirectionAction> logoutRequest(CallContext ctx, UserProfile profile, String targetUrl) {
        Object nameId = profile.getAttribute(NAME_ID_ATTRIBUTE);
        if (nameId == null || !tenant.slug().equals(profile.getAttribute(TENANT_ATTRIBUTE))) {
            return Optional.empty();
        }
        LogoutRequestSpec.Builder spec = LogoutRequestSpec.builder()
                .spEntityId(tenant.configuration().spEntityId())
                .idpSloUrl(tenant.configuration().loginEndpoint())
                .nameId(nameId.toString());
        Object sessionIndex = profile.getAttribute(SESSION_INDEX_ATTRIBUTE);
        if (sessionIndex != null) {
            spec.sessionIndex(sessionIndex.toString());
        }
        if (tenant.sp() != null) {
            spec.signWith(tenant.sp());
        }
        SamlRedirect redirect = runtime.engine().logoutRequest(spec.build());
        runtime.logoutSent(redirect.messageId());
        signIn.recordSignOut(tenant.slug(), profile.getId(), "single logout requested at the IdP");
        return Optional.of(new FoundAction(redirect.url().toString()));
    }
}
