package io.faxgate.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.directory.entity.DirectorySource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The SCIM input rules, without a database: every refusal is a SCIM error with the right scimType. */
class ScimInputTest {

    static ScimUserData user(String userName, String display, String given, String family, List<String> roles) {
        return new ScimUserData(userName, " ext-1 ", display, given, family, " a@b.test ", true, DirectorySource.SCIM, roles);
    }

    @Test
    void aMissingBodyIsInvalidSyntax() {
        assertThatThrownBy(() -> ScimInput.checked((ScimUserData) null)).isInstanceOfSatisfying(ScimProblem.class,
                p -> assertThat(p.scimType()).isEqualTo("invalidSyntax"));
        assertThatThrownBy(() -> ScimInput.checked((ScimGroupData) null)).isInstanceOfSatisfying(ScimProblem.class,
                p -> assertThat(p.scimType()).isEqualTo("invalidSyntax"));
    }

    @Test
    void aBlankUserNameIsRefusedNotStoredEmpty() {
        assertThatThrownBy(() -> ScimInput.checked(user("   ", null, null, null, null)))
                .isInstanceOfSatisfying(ScimProblem.class, p -> {
                    assertThat(p.scimType()).isEqualTo("invalidValue");
                    assertThat(p.getMessage()).contains("userName");
                });
    }

    @Test
    void valuesAreTrimmedAndTheDisplayNameFallsBack() {
        ScimUserData c = ScimInput.checked(user(" bob@x.test ", " ", " Bob ", " Baker ", null));
        assertThat(c.userName()).isEqualTo("bob@x.test");
        assertThat(c.externalId()).isEqualTo("ext-1");
        assertThat(c.email()).isEqualTo("a@b.test");
        assertThat(c.displayName()).isEqualTo("Bob Baker");
        assertThat(ScimInput.checked(user("bob@x.test", null, null, null, null)).displayName()).isEqualTo("bob@x.test");
        assertThat(c.roles()).as("no roles sent: the user's roles are kept").isNull();
    }

    @Test
    void overlongValuesAreRefusedNamingTheField() {
        String longName = "x".repeat(ScimInput.MAX_NAME + 1);
        assertThatThrownBy(() -> ScimInput.checked(user(longName, null, null, null, null)))
                .isInstanceOf(ScimProblem.class).hasMessageContaining("userName");
        assertThatThrownBy(() -> ScimInput.checked(user("a@b.test", "Bob", longName, null, null)))
                .isInstanceOf(ScimProblem.class).hasMessageContaining("name.givenName");
        ScimUserData longMail = new ScimUserData("a@b.test", null, null, null, null,
                "m".repeat(ScimInput.MAX_EMAIL) + "@x", true, null);
        assertThatThrownBy(() -> ScimInput.checked(longMail)).isInstanceOf(ScimProblem.class).hasMessageContaining("emails.value");
        assertThatThrownBy(() -> ScimInput.externalId("e".repeat(ScimInput.MAX_EXTERNAL_ID + 1)))
                .isInstanceOf(ScimProblem.class).hasMessageContaining("externalId");
    }

    @Test
    void rolesCollapseAndBlanksGoButTheLimitsHold() {
        assertThat(ScimInput.checked(user("a@b.test", null, null, null, Arrays.asList(" Admin ", "Admin", " ", null, "Staff"))).roles())
                .containsExactly("Admin", "Staff");
        List<String> tooMany = new ArrayList<>(IntStream.rangeClosed(0, UserAppRoles.MAX_ROLES).mapToObj(i -> "r" + i).toList());
        assertThatThrownBy(() -> ScimInput.checked(user("a@b.test", null, null, null, tooMany)))
                .isInstanceOf(ScimProblem.class).hasMessageContaining("at most " + UserAppRoles.MAX_ROLES);
        assertThatThrownBy(() -> ScimInput.checked(user("a@b.test", null, null, null,
                List.of("r".repeat(UserAppRoles.MAX_ROLE_LENGTH + 1))))).isInstanceOf(ScimProblem.class).hasMessageContaining("roles.value");
    }

    @Test
    void groupsNeedANameButNoExternalId() {
        ScimGroupData g = ScimInput.checked(new ScimGroupData(" Sales ", "  ", null));
        assertThat(g.displayName()).isEqualTo("Sales");
        assertThat(g.externalId()).as("most non-Entra clients send none").isNull();
        assertThat(g.memberIds()).isEmpty();
        assertThatThrownBy(() -> ScimInput.checked(new ScimGroupData(" ", "e", List.of())))
                .isInstanceOfSatisfying(ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void removingMalformedMemberIdsIsANoOpThatRevealsNothing() {
        assertThat(ScimInput.memberIdsToRemove(Arrays.asList("12", " 13 ", "abc", null, "99999999999999999999")))
                .containsExactly(12L, 13L);
    }
}
