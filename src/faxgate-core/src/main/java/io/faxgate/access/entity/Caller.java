package io.faxgate.access.entity;

import io.faxgate.platform.entity.Roles;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as of this request: resolved afresh from the principal name, so a deactivated account or a
 * removed permission takes effect on the next request of an open session. {@code credentialStamp} identifies the
 * password a local account has now (null for directory users signing in through their IdP): a session started with
 * another password — before a reset — no longer matches.
 */
public record Caller(
        String principalName,
        CallerKind kind,
        Long tenantId,
        String tenantSlug,
        Long directoryUserId,
        String userName,
        String email,
        Set<Permission> permissions,
        String credentialStamp) implements Serializable {

    public static final String LOCAL_PREFIX = "local:";
    public static final String USER_PREFIX = "user:";

    public Caller {
        permissions = Set.copyOf(permissions);
    }

    public boolean isOperator() {
        return kind == CallerKind.PLATFORM_OPERATOR;
    }

    /** The container groups (= role names) this caller holds right now. */
    public Set<String> roles() {
        Set<String> roles = new TreeSet<>();
        if (isOperator()) {
            roles.add(Roles.OPERATOR);
            return roles;
        }
        roles.add(Roles.TENANT_MEMBER);
        permissions.forEach(p -> roles.add(p.name()));
        return roles;
    }

    /** @param signInName what the account's owner signs in with (see {@code LocalAccounts#signInNameOf}) */
    public static String localPrincipal(String signInName) {
        return LOCAL_PREFIX + signInName;
    }

    public static String userPrincipal(long directoryUserId) {
        return USER_PREFIX + directoryUserId;
    }
}
