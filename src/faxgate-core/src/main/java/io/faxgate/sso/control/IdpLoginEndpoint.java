package io.faxgate.sso.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IdP's sign-on URL ("Login endpoint" in Entra). For Entra it also tells us the expected issuer:
 * {@code https://login.microsoftonline.com/{tenant}/saml2} signs as {@code https://sts.windows.net/{tenant}/}.
 */
public final class IdpLoginEndpoint {

    private static final Pattern ENTRA = Pattern.compile(
            "https://login\\.microsoftonline\\.com/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/saml2/?");
    /** Plain http is only acceptable for an IdP on this machine (development, tests). */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final URI uri;

    private IdpLoginEndpoint(URI uri) {
        this.uri = uri;
    }

    /** @throws IllegalArgumentException with a message fit for the admin */
    public static IdpLoginEndpoint parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        if (uri.getHost() == null || !uri.isAbsolute()) {
            throw new IllegalArgumentException("must be an absolute URL such as https://login.microsoftonline.com/{tenant-id}/saml2");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean loopbackHttp = "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
        if (!https && !loopbackHttp) {
            throw new IllegalArgumentException("must use https");
        }
        if (uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("must not contain a fragment or user info");
        }
        if ("login.microsoftonline.com".equalsIgnoreCase(uri.getHost()) && !ENTRA.matcher(uri.toString()).matches()) {
            throw new IllegalArgumentException("looks like Entra but is not its SAML endpoint; copy \"Login URL\" from the"
                    + " Entra app's \"Set up\" section: https://login.microsoftonline.com/{tenant-id}/saml2");
        }
        return new IdpLoginEndpoint(uri);
    }

    public Optional<String> entraTenantId() {
        Matcher m = ENTRA.matcher(uri.toString());
        return m.matches() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
    }

    /** The issuer Entra puts in its responses, when this is an Entra endpoint. */
    public Optional<String> derivedIssuer() {
        return entraTenantId().map(id -> "https://sts.windows.net/" + id + "/");
    }

    public String url() {
        return uri.toString();
    }
}
