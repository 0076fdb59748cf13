package io.faxgate.directory.control;

import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Users as a provisioning client (SCIM) creates, changes and deletes them, audited as the client ({@code actor}) in
 * the same transaction. Input has passed {@link ScimInput}; uniqueness is checked here (409 {@code uniqueness}).
 * App roles are the access component's rows, reached through {@link UserAppRoles}.
 */
@ApplicationScoped
public class ProvisionedUsers {

    @Inject
    DirectoryUsers users;

    @Inject
    UserAppRoles appRoles;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public DirectoryUser create(long tenantId, String actor, ScimUserData d) {
        requireUnique(tenantId, d, -1);
        Instant now = clock.instant();
        DirectoryUser user = new DirectoryUser(tenantId, d.externalId(), d.userName(),
                d.source() == null ? DirectorySource.SCIM : d.source(), now);
        user.describe(d.userName(), d.email(), d.displayName(), now);
        user.name(d.givenName(), d.familyName(), now);
        user.keepScimAttributes(d.attributes(), now);
        if (!d.active()) {
            user.activate(false, now);
        }
        users.add(user);
        if (d.roles() != null) {
            appRoles.replace(tenantId, user.getId(), d.roles());
        }
        audit.recordAs(tenantId, actor, AuditTypes.USER_CREATED, AuditOutcome.SUCCESS, user.getUserName(),
                "provisioned over SCIM (" + user.getSource() + "), id " + user.getId() + ", externalId " + user.getExternalId()
                        + (d.active() ? "" : ", inactive") + (d.roles() == null || d.roles().isEmpty() ? "" : ", app roles " + d.roles()));
        return user;
    }

    /** Makes the user as described (PUT, or the result of a PATCH); the caller holds the user's row lock. */
    public void change(long tenantId, String actor, DirectoryUser user, ScimUserData d) {
        requireUnique(tenantId, d, user.getId());
        List<String> changed = new ArrayList<>();
        note(changed, "userName", user.getUserName(), d.userName());
        note(changed, "externalId", user.getExternalId(), d.externalId());
        note(changed, "displayName", user.getDisplayName(), d.displayName());
        note(changed, "email", user.getEmail(), d.email());
        note(changed, "name.givenName", user.getGivenName(), d.givenName());
        note(changed, "name.familyName", user.getFamilyName(), d.familyName());
        boolean attributesChanged = !Objects.equals(user.getScimAttributes(), d.attributes());
        boolean activationChanged = user.isActive() != d.active();
        Instant now = clock.instant();
        if (!Objects.equals(d.externalId(), user.getExternalId())) {
            user.identify(d.externalId(), now);
        }
        if (!changed.isEmpty()) {
            user.describe(d.userName(), d.email(), d.displayName(), now);
            user.name(d.givenName(), d.familyName(), now);
        }
        if (attributesChanged) {
            user.keepScimAttributes(d.attributes(), now);
            changed.add("attributes kept as sent");
        }
        if (d.source() != null && d.source() != user.getSource()) {
            user.provisionedBy(d.source());
            changed.add("source=" + d.source());
        }
        if (activationChanged) {
            user.activate(d.active(), now);
        }
        if (d.roles() != null && appRoles.replace(tenantId, user.getId(), d.roles())) {
            // App roles are rows of their own: the user's lastModified and version move with them.
            changed.add("app roles " + d.roles());
            user.touch(now);
        }
        users.flush();
        if (!changed.isEmpty()) {
            audit.recordAs(tenantId, actor, AuditTypes.USER_UPDATED, AuditOutcome.SUCCESS,
                    user.getUserName(), "changed over SCIM: " + String.join(", ", changed));
        }
        if (activationChanged) {
            audit.recordAs(tenantId, actor, AuditTypes.USER_ACTIVATION_CHANGED, AuditOutcome.SUCCESS,
                    user.getUserName(), d.active() ? "activated over SCIM" : "deactivated over SCIM (soft delete)");
        }
    }

    /** Deletes the user; the other components drop their rows about them first ({@link DirectoryUserRemoved}). */
    public void delete(long tenantId, String actor, DirectoryUser user) {
        int memberships = users.remove(user);
        audit.recordAs(tenantId, actor, AuditTypes.USER_DELETED, AuditOutcome.SUCCESS, user.getUserName(),
                "deleted over SCIM, id " + user.getId() + ", externalId " + user.getExternalId() + ", " + memberships + " membership(s)");
    }

    private void requireUnique(long tenantId, ScimUserData d, long exceptId) {
        if (users.userNameTaken(tenantId, d.userName(), exceptId)) {
            throw ScimProblem.uniqueness("userName '" + d.userName() + "' is already taken in this tenant");
        }
        if (d.externalId() != null && users.externalIdTaken(tenantId, d.externalId(), exceptId)) {
            throw ScimProblem.uniqueness("externalId '" + d.externalId() + "' is already taken in this tenant");
        }
    }

    private static void note(List<String> changed, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            changed.add(name);
        }
    }
}
