package org.dudao.demo;

import java.util.Optional;
import java.util.Set;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitView;
import org.dudao.shared.security.CurrentUser;

/** Who the demo runners act as: the city office (from the base set-up) or one unit, never a real account. */
final class DemoUsers {

    private DemoUsers() {}

    /** The city's office unit of the base set-up, once {@link DemoDataLoader} has loaded it. */
    static Optional<UnitView> cityOffice(OrganizationApi organization) {
        return organization.all().stream()
                .filter(u -> DemoDataLoader.OFFICE_UNIT.equals(u.name()))
                .findFirst();
    }

    /** An office (考核办) of the jurisdiction, sitting on {@code unit}. */
    static CurrentUser office(UnitView unit, long jurisdictionUnitId) {
        return as(unit.id(), unit.name(), jurisdictionUnitId, "OFFICE_ADMIN");
    }

    /** A unit's own contact (role TARGET). */
    static CurrentUser target(long unitId, String unitName, long jurisdictionUnitId) {
        return as(unitId, unitName, jurisdictionUnitId, "TARGET");
    }

    private static CurrentUser as(long unitId, String unitName, long jurisdictionUnitId, String role) {
        return new CurrentUser(0, "demo", "演示数据", unitId, unitName, jurisdictionUnitId, Set.of(role), Set.of(), false);
    }
}
