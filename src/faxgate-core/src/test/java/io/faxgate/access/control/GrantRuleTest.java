package io.faxgate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.access.entity.Caller;
import io.faxgate.access.entity.CallerKind;
import io.faxgate.access.entity.Permission;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The attacks of issue 11 item 2 against the one rule: self-grants, grants of what one lacks, own-group mappings. */
class GrantRuleTest {

    private static Caller user(Permission... held) {
        return new Caller("user:7", CallerKind.DIRECTORY_USER, 1L, "acme", 7L, "mia@acme", null,
                held.length == 0 ? Set.of() : EnumSet.of(held[0], held), null);
    }

    private static final Caller OPERATOR = new Caller("local:operator", CallerKind.PLATFORM_OPERATOR, null, null, null,
            "operator", null, Set.of(), "stamp");

    @Test
    void aUserManagerCannotGrantAnAdminPermissionSheLacks() {
        assertThat(GrantRule.refusal(user(Permission.MANAGE_USERS), Set.of(Permission.MANAGE_SSO), false))
                .hasValueSatisfying(reason -> assertThat(reason).contains("MANAGE_SSO"));
    }

    @Test
    void nobodyChangesTheirOwnPermissionsNotEvenWithOnesTheyHold() {
        assertThat(GrantRule.refusal(user(Permission.MANAGE_USERS), Set.of(Permission.MANAGE_SSO), true))
                .hasValueSatisfying(reason -> assertThat(reason).contains("your own permissions"));
        assertThat(GrantRule.refusal(user(Permission.MANAGE_USERS, Permission.VIEW_FAXES), Set.of(Permission.VIEW_FAXES), true))
                .isPresent();
        assertThat(GrantRule.refusal(user(Permission.MANAGE_USERS), Set.of(Permission.MANAGE_USERS), true)).isPresent();
    }

    @Test
    void heldAdminPermissionsMayBeHandedOn() {
        assertThat(GrantRule.refusal(user(Permission.MANAGE_USERS, Permission.MANAGE_SSO),
                Set.of(Permission.MANAGE_SSO, Permission.MANAGE_USERS), false)).isEmpty();
    }

    @Test
    void staffPermissionsAreWhatUserManagersHandOut() {
        assertThat(GrantRule.refusal(user(Permission.MANAGE_USERS), Set.of(Permission.VIEW_FAXES, Permission.SEND_FAXES), false))
                .isEmpty();
    }

    @Test
    void aSetIsRefusedWhenAnyAdminPermissionInItIsMissingAndTheReasonNamesAllOfThem() {
        assertThat(GrantRule.refusal(user(Permission.MANAGE_USERS),
                EnumSet.of(Permission.MANAGE_USERS, Permission.MANAGE_SCIM_TOKENS, Permission.VIEW_AUDIT_LOG, Permission.VIEW_FAXES), false))
                .hasValueSatisfying(reason -> assertThat(reason).contains("MANAGE_SCIM_TOKENS, VIEW_AUDIT_LOG")
                        .doesNotContain("VIEW_FAXES").doesNotContain("MANAGE_USERS,"));
    }

    @Test
    void operatorsHandOutEverything() {
        assertThat(GrantRule.refusal(OPERATOR, EnumSet.allOf(Permission.class), false)).isEmpty();
    }
}
