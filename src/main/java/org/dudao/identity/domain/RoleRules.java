package org.dudao.identity.domain;

import java.util.Set;
import org.dudao.identity.Role;
import org.dudao.shared.error.InvalidInputException;

/** 三员分立: the rules on combining roles and on what administrators may be granted. */
public final class RoleRules {

    private RoleRules() {}

    /** No account holds two of the three administrator roles, nor one of them with a business role. */
    public static void checkCombination(Set<Role> roles) {
        long admins = roles.stream().filter(Role::isAdministrator).count();
        if (admins > 1) {
            throw new InvalidInputException("roles", "role.adminsCombined");
        }
        if (admins == 1 && roles.size() > 1) {
            throw new InvalidInputException("roles", "role.adminWithBusinessRole");
        }
    }

    /** Administrators never receive a permission on business data (scores, evidence, results). */
    public static void checkGrant(Role role, String permission) {
        if (!permission.matches("[a-z]+:[a-z-]+:[a-z-]+")) {
            throw new InvalidInputException("permission", "permission.malformed");
        }
        String module = permission.substring(0, permission.indexOf(':'));
        if (role.isAdministrator() && Role.BUSINESS_MODULES.contains(module)) {
            throw new InvalidInputException("permission", "permission.adminBusiness");
        }
    }
}
