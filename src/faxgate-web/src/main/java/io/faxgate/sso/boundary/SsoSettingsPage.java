package io.faxgate.sso.boundary;

import io.faxgate.formats.Pem;
import io.faxgate.sso.control.SignInRecordView;
import io.faxgate.sso.control.SignInReport;
import io.faxgate.sso.control.SsoSettingsRequest;

import io.faxgate.access.boundary.AdminTenant;
import io.faxgate.audit.control.AuditEventView;
import io.faxgate.platform.boundary.PageErrors;
import io.faxgate.platform.boundary.PageErrors.Field;
import io.faxgate.sso.entity.ClaimNames;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The admin panel's SSO tab: the endpoints to copy into Entra, the form with Entra's values, certificate details,
 * metadata import and the latest sign-in outcomes. Rules, saving and auditing are {@link SsoSettingsFacade}'s.
 */
@Named
@ViewScoped
public class SsoSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_UPLOAD_BYTES = 1_000_000;
    private static final String FORM = "sso:";

    @EJB
    SsoSettingsFacade facade;

    @EJB
    SignInDebuggerFacade debugger;

    @EJB
    SamlSignInFacade samlSignIn;

    @Inject
    SamlRuntime runtime;

    @Inject
    AdminTenant admin;

    private String slug;
    private transient SsoSettingsView view;
    private List<AuditEventView> signIns = List.of();

    private boolean enabled;
    private String mode;
    private String scope;
    private String loginEndpoint;
    private String clientId;
    private String primaryCertificate;
    private String secondaryCertificate;
    private String idpEntityId;
    private boolean allowIdpInitiated;
    private boolean requireMfa;
    private Integer clockSkewSeconds;
    private boolean allowSha1;
    private boolean allowAesCbc;
    private boolean signAuthnRequests;
    private boolean justInTimeUsers;
    private String claimObjectId;
    private String claimEmail;
    private String claimGroups;
    private String claimRoles;
    private String claimMfa;
    private String mfaValue;
    private boolean enforceUntested;
    private long version;
    private String metadataXml;
    private List<SignInRecordView> tests = List.of();
    private List<SignInRecordView> refused = List.of();
    private Long shownRefusedId;

    @PostConstruct
    void load() {
        slug = admin.getSlug();
        reload();
    }

    private void reload() {
        view = facade.get(slug);
        enabled = view.enabled();
        mode = view.mode();
        scope = view.scope();
        loginEndpoint = view.loginEndpoint();
        clientId = view.clientId();
        primaryCertificate = view.certificates().isEmpty() ? null : view.certificates().get(0);
        secondaryCertificate = view.certificates().size() > 1 ? view.certificates().get(1) : null;
        idpEntityId = view.idpEntityId();
        allowIdpInitiated = view.allowIdpInitiated();
        requireMfa = view.requireMfa();
        clockSkewSeconds = view.clockSkewSeconds();
        allowSha1 = view.allowSha1();
        allowAesCbc = view.allowAesCbc();
        signAuthnRequests = view.signAuthnRequests();
        justInTimeUsers = view.justInTimeUsers();
        ClaimNames names = view.claimNames() != null ? view.claimNames() : ClaimNames.entra();
        claimObjectId = names.objectId();
        claimEmail = names.email();
        claimGroups = names.groups();
        claimRoles = names.roles();
        claimMfa = names.mfa();
        mfaValue = names.mfaValue();
        enforceUntested = false;
        version = view.version();
        refreshSignIns();
    }

    private SsoSettingsView view() {
        if (view == null) {
            view = facade.get(slug);
        }
        return view;
    }

    public void save() {
        List<String> certificateFields = new ArrayList<>();
        List<String> certificates = new ArrayList<>();
        if (notBlank(primaryCertificate)) {
            certificates.add(primaryCertificate);
            certificateFields.add("primaryCertificate");
        }
        if (notBlank(secondaryCertificate)) {
            certificates.add(secondaryCertificate);
            certificateFields.add("secondaryCertificate");
        }
        SsoSettingsRequest request = new SsoSettingsRequest(enabled, mode, scope, loginEndpoint, clientId, certificates,
                blankToNull(idpEntityId), allowIdpInitiated, requireMfa, clockSkewSeconds, allowSha1, justInTimeUsers,
                new SsoSettingsRequest.ClaimNamesRequest(claimObjectId, claimEmail, claimGroups, claimRoles, claimMfa, mfaValue),
                version, allowAesCbc, enforceUntested, signAuthnRequests);
        try {
            facade.save(slug, request);
        } catch (RuntimeException e) {
            PageErrors.show(e, fields(certificateFields));
            return;
        }
        try {
            reload();
        } catch (RuntimeException e) {
            if (signedOutBySso(e)) {
                return;
            }
            throw e;
        }
        PageErrors.info("SSO settings saved.");
    }

    /**
     * Enabling SSO for the admin tool ends password sessions of administrators that are not break-glass — this one's
     * too (decided by the access model on the very next call). Then the page signs out and says why.
     */
    private boolean signedOutBySso(RuntimeException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof jakarta.ejb.EJBAccessException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return false;
        }
        var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        try {
            external.redirect(external.getRequestContextPath() + "/login.xhtml?ssoEnabled=true");
        } catch (java.io.IOException io) {
            throw new java.io.UncheckedIOException(io);
        }
        return true;
    }

    /** Facade field names → the inputs of this form, labelled as the admin sees them (A-D as in Entra's guide). */
    private static Map<String, Field> fields(List<String> certificateFields) {
        Map<String, Field> f = new HashMap<>();
        f.put("enabled", new Field(FORM + "enabled", "Enable SSO"));
        f.put("mode", new Field(FORM + "mode", "Mode"));
        f.put("scope", new Field(FORM + "scope", "Scope"));
        f.put("loginEndpoint", new Field(FORM + "loginEndpoint", "A · Login endpoint"));
        f.put("clientId", new Field(FORM + "clientId", "B · Client ID"));
        f.put("certificates", new Field(FORM + "primaryCertificate", "C · X.509 certificate"));
        for (int i = 0; i < certificateFields.size(); i++) {
            String input = certificateFields.get(i);
            f.put("certificates[" + i + "]", new Field(FORM + input,
                    "C · X.509 certificate (" + (input.startsWith("primary") ? "primary" : "secondary") + ")"));
        }
        f.put("idpEntityId", new Field(FORM + "idpEntityId", "IdP issuer (advanced)"));
        f.put("claimNames.objectId", new Field(FORM + "claimObjectId", "Claim names · Object id"));
        f.put("claimNames.email", new Field(FORM + "claimEmail", "Claim names · E-mail"));
        f.put("claimNames.groups", new Field(FORM + "claimGroups", "Claim names · Groups"));
        f.put("claimNames.roles", new Field(FORM + "claimRoles", "Claim names · App roles"));
        f.put("claimNames.mfa", new Field(FORM + "claimMfa", "Claim names · MFA claim"));
        f.put("claimNames.mfaValue", new Field(FORM + "mfaValue", "Claim names · MFA value"));
        f.put("clockSkewSeconds", new Field(FORM + "clockSkewSeconds", "Clock skew"));
        f.put("allowIdpInitiated", new Field(FORM + "allowIdpInitiated", "Allow IdP-initiated sign-in"));
        f.put("requireMfa", new Field(FORM + "requireMfa", "Require MFA"));
        f.put("version", new Field(null, "Settings"));
        return f;
    }

    /** Fills the form from Entra's federation metadata XML (nothing saved until the admin saves). */
    public void importMetadata() {
        ImportedMetadata m;
        try {
            m = facade.readFederationMetadata(slug, metadataXml);
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("metadata", new Field(FORM + "metadataXml", "Federation metadata")));
            return;
        }
        if (m.loginEndpoint() != null) {
            loginEndpoint = m.loginEndpoint();
        }
        idpEntityId = m.entraIssuer() ? null : m.entityId();
        primaryCertificate = Pem.armourBase64Certificate(m.certificates().get(0));
        secondaryCertificate = m.certificates().size() > 1 ? Pem.armourBase64Certificate(m.certificates().get(1)) : null;
        metadataXml = null;
        PageErrors.info("Metadata read: login endpoint, " + (m.entraIssuer() ? "Entra issuer " + m.entityId()
                + " (derived)" : "issuer " + m.entityId()) + " and " + Math.min(2, m.certificates().size())
                + " certificate(s) filled in" + (m.certificates().size() > 2 ? " (of " + m.certificates().size() + "; Faxgate keeps two)" : "")
                + ". Review, then Save.");
    }

    public void uploadMetadata(FileUploadEvent event) {
        String text = text(event.getFile());
        if (text != null) {
            metadataXml = text;
            importMetadata();
        }
    }

    public void uploadPrimary(FileUploadEvent event) {
        String pem = certificateText(event.getFile());
        if (pem != null) {
            primaryCertificate = pem;
            PageErrors.info("Primary certificate loaded from " + event.getFile().getFileName() + "; Save to apply.");
        }
    }

    public void uploadSecondary(FileUploadEvent event) {
        String pem = certificateText(event.getFile());
        if (pem != null) {
            secondaryCertificate = pem;
            PageErrors.info("Secondary certificate loaded from " + event.getFile().getFileName() + "; Save to apply.");
        }
    }

    private String certificateText(UploadedFile file) {
        if (file == null || file.getSize() == 0 || file.getSize() > MAX_UPLOAD_BYTES) {
            PageErrors.global(jakarta.faces.context.FacesContext.getCurrentInstance(), "C · X.509 certificate: the file is empty or larger than 1 MB");
            return null;
        }
        // .cer/.crt/.pem: Entra's "Certificate (Base64)" is PEM text, "Certificate (Raw)" is DER; both become PEM
        return Pem.certificateFileText(file.getContent());
    }

    private String text(UploadedFile file) {
        if (file == null || file.getSize() == 0 || file.getSize() > MAX_UPLOAD_BYTES) {
            PageErrors.global(jakarta.faces.context.FacesContext.getCurrentInstance(), "Federation metadata: the file is empty or larger than 1 MB");
            return null;
        }
        return new String(file.getContent(), StandardCharsets.UTF_8);
    }

    public void refreshSignIns() {
        signIns = facade.latestSignIns(slug, 5);
        tests = debugger.latest(slug, false, 1);
        refused = debugger.latest(slug, true, 10);
        if (shownRefusedId == null && !refused.isEmpty()) {
            shownRefusedId = refused.get(0).id();
        }
    }

    /**
     * Test sign-in: a real round trip to the IdP with the SAVED settings, started from this admin's own session and
     * answered into it (see PendingTestSignIn); nobody is signed in, SSO need not be enabled.
     */
    public void testSignIn() {
        TestSignInTicket ticket;
        try {
            ticket = debugger.beginTest(slug);
        } catch (RuntimeException e) {
            PageErrors.show(e, fields(List.of("primaryCertificate")));
            return;
        }
        SamlTenantConfiguration c = samlSignIn.configuration(slug).orElseThrow();
        String relayState = PendingTestSignIn.newRelayState();
        io.faxgate.sso.saml.AuthnRequestSpec.Builder spec = io.faxgate.sso.saml.AuthnRequestSpec.builder()
                .spEntityId(c.spEntityId()).acsUrl(c.consumeEndpoint()).idpSsoUrl(c.loginEndpoint()).relayState(relayState);
        io.faxgate.sso.saml.SamlRedirect redirect = runtime.engine().authnRequest(spec.build());
        var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        jakarta.servlet.http.HttpSession session = (jakarta.servlet.http.HttpSession) external.getSession(true);
        new PendingTestSignIn(ticket, redirect.messageId(), relayState, external.getUserPrincipal().getName(),
                java.time.Instant.now()).keepIn(session);
        try {
            external.redirect(redirect.url().toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public void showRefused(long id) {
        shownRefusedId = id;
    }

    /** The newest test sign-in, or null. */
    public SignInRecordView getLatestTest() {
        return tests.isEmpty() ? null : tests.get(0);
    }

    public List<SignInRecordView> getRefused() {
        return refused;
    }

    public SignInRecordView getShownRefused() {
        return refused.stream().filter(r -> r.id() == (shownRefusedId == null ? -1 : shownRefusedId)).findFirst().orElse(null);
    }

    /** "signature: not made by the configured certificate". */
    public String checkLine(SignInReport.Check check) {
        return check.name() + ": " + (check.passed() ? "passed" : EntraExplanations.summary(check.reason()));
    }

    public String remedy(String reason) {
        return EntraExplanations.remedy(reason);
    }

    /** The claim names are Entra's (the claim names section stays collapsed). */
    public boolean isEntraClaimNames() {
        return ClaimNames.of(claimObjectId, claimEmail, claimGroups, claimRoles, claimMfa, mfaValue).equals(ClaimNames.entra());
    }

    /** Enforcing SSO for the admin tool now would rest on settings no test sign-in passed with. */
    public boolean isUntested() {
        return !view().testedWithCurrentSettings();
    }

    /** The latest SAML sign-in attempt, for "Test sign-in". */
    public AuditEventView getLatestSignIn() {
        return signIns.isEmpty() ? null : signIns.get(0);
    }

    public List<AuditEventView> getSignIns() {
        return signIns;
    }

    /** api://{clientId} as soon as a client id is typed (saved or not); Entra's Identifier (Entity ID). */
    public String getMetadataEndpoint() {
        if (!notBlank(clientId)) {
            return view().metadataEndpoint();
        }
        String id = clientId.strip();
        // a pasted api://… is refused on save, with the reason
        return id.startsWith("api://") ? id : io.faxgate.sso.entity.SsoConfiguration.entityIdOf(id);

    }

    public boolean isMetadataEndpointUnsaved() {
        return notBlank(clientId) && !clientId.strip().equals(view().clientId());
    }

    public SsoSettingsView getView() {
        return view();
    }

    public String getLoginTestUrl() {
        return view().redirectEndpoint();
    }

    public List<String> getModes() {
        return List.of("AUTHENTICATION_ONLY", "AUTHENTICATION_AND_PERMISSIONS");
    }

    public List<String> getScopes() {
        return List.of("BOTH", "ADMIN_TOOL", "WEB_STAFF");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s.strip() : null;
    }

    // form properties

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public String getLoginEndpoint() { return loginEndpoint; }
    public void setLoginEndpoint(String loginEndpoint) { this.loginEndpoint = loginEndpoint; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getPrimaryCertificate() { return primaryCertificate; }
    public void setPrimaryCertificate(String primaryCertificate) { this.primaryCertificate = primaryCertificate; }
    public String getSecondaryCertificate() { return secondaryCertificate; }
    public void setSecondaryCertificate(String secondaryCertificate) { this.secondaryCertificate = secondaryCertificate; }
    public String getIdpEntityId() { return idpEntityId; }
    public void setIdpEntityId(String idpEntityId) { this.idpEntityId = idpEntityId; }
    public boolean isAllowIdpInitiated() { return allowIdpInitiated; }
    public void setAllowIdpInitiated(boolean allowIdpInitiated) { this.allowIdpInitiated = allowIdpInitiated; }
    public boolean isRequireMfa() { return requireMfa; }
    public void setRequireMfa(boolean requireMfa) { this.requireMfa = requireMfa; }
    public Integer getClockSkewSeconds() { return clockSkewSeconds; }
    public void setClockSkewSeconds(Integer clockSkewSeconds) { this.clockSkewSeconds = clockSkewSeconds; }
    public boolean isAllowSha1() { return allowSha1; }
    public void setAllowSha1(boolean allowSha1) { this.allowSha1 = allowSha1; }
    public boolean isAllowAesCbc() { return allowAesCbc; }
    public void setAllowAesCbc(boolean allowAesCbc) { this.allowAesCbc = allowAesCbc; }
    public boolean isSignAuthnRequests() { return signAuthnRequests; }
    public void setSignAuthnRequests(boolean signAuthnRequests) { this.signAuthnRequests = signAuthnRequests; }
    public boolean isJustInTimeUsers() { return justInTimeUsers; }
    public void setJustInTimeUsers(boolean justInTimeUsers) { this.justInTimeUsers = justInTimeUsers; }
    public String getMetadataXml() { return metadataXml; }
    public String getClaimObjectId() { return claimObjectId; }
    public void setClaimObjectId(String v) { this.claimObjectId = v; }
    public String getClaimEmail() { return claimEmail; }
    public void setClaimEmail(String v) { this.claimEmail = v; }
    public String getClaimGroups() { return claimGroups; }
    public void setClaimGroups(String v) { this.claimGroups = v; }
    public String getClaimRoles() { return claimRoles; }
    public void setClaimRoles(String v) { this.claimRoles = v; }
    public String getClaimMfa() { return claimMfa; }
    public void setClaimMfa(String v) { this.claimMfa = v; }
    public String getMfaValue() { return mfaValue; }
    public void setMfaValue(String v) { this.mfaValue = v; }
    public boolean isEnforceUntested() { return enforceUntested; }
    public void setEnforceUntested(boolean v) { this.enforceUntested = v; }
    public void setMetadataXml(String metadataXml) { this.metadataXml = metadataXml; }
}
