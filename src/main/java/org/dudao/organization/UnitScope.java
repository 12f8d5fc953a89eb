package org.dudao.organization;

import java.util.Set;
import org.dudao.shared.security.CurrentUser;

/**
 * What part of the unit tree a user may see: everything (the three administrators), the subtree of
 * their jurisdiction (office admins and leaders — 分级考核: a county office sees its county), or only
 * their own unit (targets, assessors, inspectors). Built from the server-side user, never from a
 * request.
 */
public record UnitScope(Kind kind, long rootUnitId) {

    public enum Kind {
        ALL,
        SUBTREE,
        OWN_UNIT
    }

    private static final Set<String> JURISDICTION_ROLES = Set.of("OFFICE_ADMIN", "LEADER");

    public static UnitScope all() {
        return new UnitScope(Kind.ALL, 0);
    }

    public static UnitScope subtree(long rootUnitId) {
        return new UnitScope(Kind.SUBTREE, rootUnitId);
    }

    public static UnitScope ownUnit(long unitId) {
        return new UnitScope(Kind.OWN_UNIT, unitId);
    }

    public static UnitScope of(CurrentUser user) {
        if (user.global()) {
            return all();
        }
        if (user.roles().stream().anyMatch(JURISDICTION_ROLES::contains)) {
            return subtree(user.jurisdictionUnitId());
        }
        return ownUnit(user.unitId());
    }
}
