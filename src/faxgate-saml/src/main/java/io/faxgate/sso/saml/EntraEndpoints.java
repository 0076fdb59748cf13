package io.faxgate.sso.saml;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives Entra ID values from what an admin pastes. Entra's SAML issuer is {@code https://sts.windows.net/{tenantId}/}
 * (trailing slash) and the tenant id is the GUID in the login endpoint {@code https://login.microsoftonline.com/{tenantId}/saml2}.
 */
public final class EntraEndpoints {

    private static final Pattern LOGIN_PATH = Pattern.compile("^/([0-9a-fA-F-]{36})/saml2/?$");

    private EntraEndpoints() {
    }

    /** {@code https://sts.windows.net/{tenantId}/}. */
    public static String issuerForTenant(UUID tenantId) {
        return "https://sts.windows.net/" + tenantId.toString().toLowerCase(Locale.ROOT) + "/";
    }

    /** {@code https://login.microsoftonline.com/{tenantId}/saml2}. */
    public static String loginUrlForTenant(UUID tenantId) {
        return "https://login.microsoftonline.com/" + tenantId.toString().toLowerCase(Locale.ROOT) + "/saml2";
    }

    /**
     * The tenant GUID in an Entra login endpoint URL.
     *
     * @throws IllegalArgumentException when the URL is not {@code https://login.microsoftonline.com/{guid}/saml2}
     *                                  (for example a verified domain name instead of the GUID: the issuer uses the GUID)
     */
    public static UUID tenantFromLoginUrl(String loginUrl) {
        if (loginUrl == null) {
            throw new IllegalArgumentException("login URL is null");
        }
        try {
            URI uri = new URI(loginUrl.trim());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                    || !uri.getHost().equalsIgnoreCase("login.microsoftonline.com")) {
                throw new IllegalArgumentException("not an Entra login endpoint (https://login.microsoftonline.com/{tenantId}/saml2)");
            }
            Matcher m = LOGIN_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
            if (!m.matches()) {
                throw new IllegalArgumentException("the login endpoint must contain the tenant GUID: https://login.microsoftonline.com/{tenantId}/saml2");
            }
            return UUID.fromString(m.group(1));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("login URL is not a valid URL", e);
        }
    }

    /** The expected SAML issuer for the tenant of an Entra login endpoint URL. */
    public static String issuerFromLoginUrl(String loginUrl) {
        return issuerForTenant(tenantFromLoginUrl(loginUrl));
    }
}
