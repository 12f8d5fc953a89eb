package org.dudao.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.dudao.identity.domain.RoleRules;
import org.dudao.shared.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** 三员分立: the three administrators are three accounts, and none of them touches business data. */
class RoleRulesTest {

    @Test
    void noAccountCombinesTwoAdministratorRoles() {
        assertThatThrownBy(() -> RoleRules.checkCombination(EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("role.adminsCombined");
        assertThatThrownBy(() -> RoleRules.checkCombination(EnumSet.of(Role.SECURITY_ADMIN, Role.SYSTEM_ADMIN)))
                .hasMessage("role.adminsCombined");
    }

    @Test
    void anAdministratorHoldsNoBusinessRole() {
        assertThatThrownBy(() -> RoleRules.checkCombination(EnumSet.of(Role.AUDIT_ADMIN, Role.OFFICE_ADMIN)))
                .hasMessage("role.adminWithBusinessRole");
    }

    @Test
    void businessRolesCombineFreely() {
        assertThatCode(() -> RoleRules.checkCombination(EnumSet.of(Role.TARGET, Role.ASSESSOR, Role.INSPECTOR)))
                .doesNotThrowAnyException();
    }

    @Test
    void administratorsCannotBeGrantedPermissionsOnScores() {
        for (Role admin : Role.administrators()) {
            assertThatThrownBy(() -> RoleRules.checkGrant(admin, "scoring:result:read"))
                    .hasMessage("permission.adminBusiness");
            assertThatThrownBy(() -> RoleRules.checkGrant(admin, "evaluation:grade:write"))
                    .hasMessage("permission.adminBusiness");
        }
        assertThatCode(() -> RoleRules.checkGrant(Role.LEADER, "scoring:result:read"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RoleRules.checkGrant(Role.LEADER, "Scoring Result"))
                .hasMessage("permission.malformed");
    }
}
