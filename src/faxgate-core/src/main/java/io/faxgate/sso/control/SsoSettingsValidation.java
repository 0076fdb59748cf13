package io.faxgate.sso.control;

import io.faxgate.platform.boundary.FieldError;
import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.sso.control.SsoSettingsRequest;
import io.faxgate.sso.entity.ClaimNames;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoMode;
import io.faxgate.sso.entity.SsoScope;
import io.faxgate.sso.entity.SsoSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an SSO settings request as a whole and reports every broken field at once, with the Entra error the
 * mistake would otherwise cause later (AADSTS700016 and friends), so admins fix it here and not in a failed sign-in.
 */
public final class SsoSettingsValidation {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final int MAX_CERTIFICATES = 2;

    private final List<FieldError> errors = new ArrayList<>();

    private SsoSettingsValidation() {
    }

    /** @throws InvalidInputException naming every invalid field; nothing is saved then */
    public static SsoConfiguration validate(SsoSettingsRequest r, boolean ssoAllowed, Instant now) {
        if (r == null) {
            throw new InvalidInputException("body", "is required");
        }
        return new SsoSettingsValidation().check(r, ssoAllowed, now);
    }

    private SsoConfiguration check(SsoSettingsRequest r, boolean ssoAllowed, Instant now) {
        boolean enabled = Boolean.TRUE.equals(r.enabled());
        SsoMode mode = enumValue("mode", r.mode(), SsoMode.class);
        SsoScope scope = enumValue("scope", r.scope(), SsoScope.class);
        Optional<IdpLoginEndpoint> endpoint = loginEndpoint(r.loginEndpoint());
        String clientId = clientId(r.clientId(), endpoint.flatMap(IdpLoginEndpoint::entraTenantId).isPresent());
        List<IdpCertificate> certificates = certificates(r.certificates(), now);
        String idpEntityId = blankToNull(r.idpEntityId());
        if (idpEntityId != null && idpEntityId.length() > 1000) {
            error("idpEntityId", "must be at most 1000 characters");
        }
        int skew = r.clockSkewSeconds() == null ? SsoSettings.DEFAULT_CLOCK_SKEW_SECONDS : r.clockSkewSeconds();
        if (skew < 0 || skew > SsoSettings.MAX_CLOCK_SKEW_SECONDS) {
            error("clockSkewSeconds", "must be between 0 and " + SsoSettings.MAX_CLOCK_SKEW_SECONDS);
        }
        ClaimNames claims = claimNames(r.claimNames());
        if (enabled) {
            requireForEnabled(ssoAllowed, r, endpoint, clientId, certificates, idpEntityId);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SsoConfiguration(enabled, mode, scope, endpoint.map(IdpLoginEndpoint::url).orElse(null), clientId,
                idpEntityId, certificates.isEmpty() ? null : certificates.get(0).pem(),
                certificates.size() > 1 ? certificates.get(1).pem() : null,
                Boolean.TRUE.equals(r.allowIdpInitiated()), Boolean.TRUE.equals(r.requireMfa()),
                Boolean.TRUE.equals(r.allowSha1()), !Boolean.FALSE.equals(r.justInTimeUsers()), skew, claims,
                Boolean.TRUE.equals(r.allowAesCbc()), Boolean.TRUE.equals(r.signAuthnRequests()));
    }

    private void requireForEnabled(boolean ssoAllowed, SsoSettingsRequest r, Optional<IdpLoginEndpoint> endpoint,
                                   String clientId, List<IdpCertificate> certificates, String idpEntityId) {
        if (!ssoAllowed) {
            error("enabled", "SSO is not allowed for this tenant yet; ask your Faxgate account manager to enable it");
        }
        if (r.loginEndpoint() == null || r.loginEndpoint().isBlank()) {
            error("loginEndpoint", "is required to enable SSO (Entra: \"Login URL\")");
        }
        if (r.clientId() == null || r.clientId().isBlank()) {
            error("clientId", "is required to enable SSO (Entra: \"Application (client) ID\")");
        }
        if (r.certificates() == null || r.certificates().isEmpty()) {
            error("certificates", "at least one IdP signing certificate is required to enable SSO");
        }
        if (endpoint.isPresent() && endpoint.get().derivedIssuer().isEmpty() && idpEntityId == null) {
            error("idpEntityId", "is required for a login endpoint that is not Microsoft Entra's (the IdP's entity id / issuer)");
        }
    }

    private ClaimNames claimNames(SsoSettingsRequest.ClaimNamesRequest c) {
        if (c == null) {
            return ClaimNames.entra();
        }
        String[][] fields = {{"claimNames.objectId", c.objectId()}, {"claimNames.email", c.email()},
                {"claimNames.groups", c.groups()}, {"claimNames.roles", c.roles()}, {"claimNames.mfa", c.mfa()},
                {"claimNames.mfaValue", c.mfaValue()}};
        for (String[] f : fields) {
            if (f[1] != null && f[1].length() > 300) {
                error(f[0], "must be at most 300 characters");
            } else if (f[1] != null && !f[1].isBlank() && !f[1].strip().chars().allMatch(ch -> ch > 0x20 && ch != 0x7f)) {
                error(f[0], "must not contain spaces or control characters (an attribute Name as the IdP sends it)");
            }
        }
        return ClaimNames.of(c.objectId(), c.email(), c.groups(), c.roles(), c.mfa(), c.mfaValue());
    }

    private <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            error(field, "is required; one of " + Arrays.toString(type.getEnumConstants()));
            return type.getEnumConstants()[0];
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            error(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return type.getEnumConstants()[0];
        }
    }

    private Optional<IdpLoginEndpoint> loginEndpoint(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > 1000) {
            error("loginEndpoint", "must be at most 1000 characters");
            return Optional.empty();
        }
        try {
            return Optional.of(IdpLoginEndpoint.parse(value));
        } catch (IllegalArgumentException e) {
            error("loginEndpoint", e.getMessage());
            return Optional.empty();
        }
    }

    private String clientId(String value, boolean entra) {
        String id = blankToNull(value);
        if (id == null) {
            return null;
        }
        if (id.startsWith("api://")) {
            error("clientId", "paste the Application (client) ID only, without api:// — Faxgate builds the entity id"
                    + " api://{clientId} itself (a mismatch shows as AADSTS700016 in Entra)");
        } else if (entra && !GUID.matcher(id).matches()) {
            error("clientId", "must be the Application (client) ID GUID from the Entra app's Overview page"
                    + " (otherwise Entra answers AADSTS700016)");
        } else if (!CLIENT_ID.matcher(id).matches()) {
            error("clientId", "may contain only letters, digits, '.', '_' and '-' (at most 200)");
        }
        return id;
    }

    private List<IdpCertificate> certificates(List<String> values, Instant now) {
        List<IdpCertificate> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        if (values.size() > MAX_CERTIFICATES) {
            error("certificates", "at most " + MAX_CERTIFICATES + " certificates (primary and secondary)");
            return parsed;
        }
        for (int i = 0; i < values.size(); i++) {
            String field = "certificates[" + i + "]";
            try {
                IdpCertificate cert = IdpCertificate.parse(values.get(i));
                if (cert.notAfter().isBefore(now)) {
                    error(field, "expired on " + cert.notAfter() + "; download the current certificate from Entra");
                } else if (cert.keySizeBits() > 0 && cert.keySizeBits() < 2048) {
                    error(field, "uses a " + cert.keySizeBits() + "-bit RSA key; at least 2048 bits are required");
                } else if (parsed.stream().anyMatch(p -> p.thumbprintSha256().equals(cert.thumbprintSha256()))) {
                    error(field, "is the same certificate as another one");
                } else {
                    parsed.add(cert);
                }
            } catch (IllegalArgumentException e) {
                error(field, e.getMessage());
            }
        }
        return parsed;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
