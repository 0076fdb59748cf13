package io.faxgate.sso.boundary;

import io.faxgate.tenant.entity.Tenant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /sso/{tenant}/{endpoint}}: the shape of every per-tenant SSO URL we publish. */
record SsoPath(String tenant, String endpoint) {

    private static final Pattern SHAPE = Pattern.compile("/sso/(" + Tenant.SLUG_PATTERN + ")/([a-z]+)/?");

    static Optional<SsoPath> parse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(path);
        return m.matches() ? Optional.of(new SsoPath(m.group(1), m.group(2))) : Optional.empty();
    }
}
