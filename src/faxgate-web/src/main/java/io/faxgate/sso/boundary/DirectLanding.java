package io.faxgate.sso.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.pac4j.core.profile.UserProfile;

/**
 * pac4j's callback sends a person who named no page of ours to {@link LandingServlet} ({@code /start}), whose only job
 * is to pick the start page or the staff console from their roles. Picked here instead, from the roles the sign-in
 * just established: one browser round trip less per sign-in. Any other target (a page the person asked for, an error
 * page) passes unchanged, and so does {@code /start} when the roles cannot be read (it then decides, as before).
 */
final class DirectLanding extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final Function<String, Optional<Set<String>>> rolesOf;

    /** @param rolesOf the current roles of a principal (empty when it may no longer act) */
    DirectLanding(HttpServletRequest request, HttpServletResponse response, Function<String, Optional<Set<String>>> rolesOf) {
        super(response);
        this.request = request;
        this.rolesOf = rolesOf;
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, "Location".equalsIgnoreCase(name) ? landing(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, "Location".equalsIgnoreCase(name) ? landing(value) : value);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        super.sendRedirect(landing(location));
    }

    String landing(String location) {
        if (location == null || !(location.equals(LandingServlet.PATH) || location.equals(request.getContextPath() + LandingServlet.PATH))) {
            return location;
        }
        return SamlSessions.profileOf(request, (HttpServletResponse) getResponse()).map(UserProfile::getId).flatMap(rolesOf)
                .map(roles -> request.getContextPath() + LandingServlet.landingFor(roles)).orElse(location);
    }
}
