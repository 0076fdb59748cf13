package io.faxgate.sso.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.access.entity.Permission.Area;
import io.faxgate.sso.entity.SsoScope;
import org.junit.jupiter.api.Test;

/** The scope names the parts where SSO applies: passwords are refused there, SAML sessions accepted only there. */
class SsoScopePartsTest {

    @Test
    void eachScopeNamesItsParts() {
        assertThat(SsoScopeRule.partsOf(SsoScope.ADMIN_TOOL)).containsExactly(Area.ADMIN_TOOL);
        assertThat(SsoScopeRule.partsOf(SsoScope.WEB_STAFF)).containsExactly(Area.WEB_STAFF);
        assertThat(SsoScopeRule.partsOf(SsoScope.BOTH)).containsExactlyInAnyOrder(Area.ADMIN_TOOL, Area.WEB_STAFF);
    }

    @Test
    void thePartsAreACopyNoCallerCanWidenForOthers() {
        SsoScopeRule.partsOf(SsoScope.WEB_STAFF).add(Area.ADMIN_TOOL);
        assertThat(SsoScopeRule.partsOf(SsoScope.WEB_STAFF)).containsExactly(Area.WEB_STAFF);
    }
}
