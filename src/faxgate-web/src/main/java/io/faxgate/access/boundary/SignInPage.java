package io.faxgate.access.boundary;

import io.faxgate.sso.boundary.LogoutToken;
import io.faxgate.sso.boundary.SamlSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import io.faxgate.platform.entity.Roles;
import io.faxgate.sso.boundary.LandingServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * Password sign-in for local accounts (platform operators, tenant administrators, web staff with a console password).
 * JSF protects it from CSRF; SignInRateLimitFilter limits attempts per address.
 */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public String signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password))));
        if (status == AuthenticationStatus.SUCCESS) {
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            // Operators land on the platform overview (what needs their attention); web staff with a console
            // password where a SAML sign-in takes them: their console.
            if (request.isUserInRole(Roles.OPERATOR)) {
                return LandingServlet.OPERATOR_OVERVIEW + "?faces-redirect=true";
            }
            return LandingServlet.worksOnlyWithFaxes(request)
                    ? "/console/index.xhtml?faces-redirect=true" : "/index.xhtml?faces-redirect=true";
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password.", null));
        return null;
    }

    public String signOut() throws ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }

    /** For people signed in through their IdP: the single-logout address that also ends the IdP session. */
    public String getSingleLogoutUrl() {
        ExternalContext external = faces.getExternalContext();
        return SamlSessions.tenantOf((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse())
                .map(tenant -> "/sso/" + tenant + "/slo").orElse(null);
    }

    /** The CSRF token the single-logout form posts (see LogoutToken): a sign-out is never a plain link. */
    public String getLogoutToken() {
        return LogoutToken.of(((HttpServletRequest) faces.getExternalContext().getRequest()).getSession());
    }

    public String getCallerName() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
