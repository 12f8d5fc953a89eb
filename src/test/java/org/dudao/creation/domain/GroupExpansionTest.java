package org.dudao.creation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitView;
import org.junit.jupiter.api.Test;

class GroupExpansionTest {

    static final long COUNTY = 1;
    static final long OFFICE = 2;

    static UnitView unit(long id, long parent, String name, String shortName, UnitKind kind) {
        return new UnitView(id, parent, name, shortName, kind, 0, null, null, null, null, null, 1);
    }

    static final List<UnitView> TREE = List.of(
            new UnitView(COUNTY, null, "鲁山县人民政府", null, UnitKind.COUNTY, 0, null, null, null, null, null, 0),
            unit(OFFICE, COUNTY, "鲁山县委全面依法治县委员会办公室", null, UnitKind.DEPARTMENT),
            unit(10, COUNTY, "县委编办", null, UnitKind.DEPARTMENT),
            unit(11, COUNTY, "县政务服务和大数据服务中心", null, UnitKind.DEPARTMENT),
            unit(12, COUNTY, "县应急管理局", "县应急局", UnitKind.DEPARTMENT),
            unit(13, 12, "县应急管理局办公室", null, UnitKind.SECTION),
            unit(20, COUNTY, "鲁阳街道", null, UnitKind.TOWN),
            unit(21, COUNTY, "张良镇", null, UnitKind.TOWN));

    @Test
    void groupsExpandIntoTheCountysDepartmentsAndTowns_leadKeepsItsRole_officeAndSectionsLeftOut() {
        GroupExpansion e = new GroupExpansion(TREE, COUNTY, OFFICE);
        GroupExpansion.Result r = e.expand("县委编办、县政务服务和大数据服务中心", List.of("县直各单位", "各乡（镇、街道）"));
        assertThat(r.gaps()).isEmpty();
        assertThat(r.units())
                .containsExactly(
                        new GroupExpansion.Assigned(10, GroupExpansion.Role.LEAD, null),
                        new GroupExpansion.Assigned(11, GroupExpansion.Role.LEAD, null),
                        new GroupExpansion.Assigned(12, GroupExpansion.Role.CO, "县直各单位"),
                        new GroupExpansion.Assigned(20, GroupExpansion.Role.CO, "各乡（镇、街道）"),
                        new GroupExpansion.Assigned(21, GroupExpansion.Role.CO, "各乡（镇、街道）"));
    }

    @Test
    void aShortNameMatches_anUnknownUnitIsReported_notDropped() {
        GroupExpansion e = new GroupExpansion(TREE, COUNTY, OFFICE);
        GroupExpansion.Result r = e.expand("县应急局、县人大", List.of("各乡（镇）政府"));
        assertThat(r.units()).extracting(GroupExpansion.Assigned::unitId).containsExactly(12L, 20L, 21L);
        assertThat(r.gaps()).containsExactly(new GroupExpansion.Gap(GroupExpansion.GapKind.UNIT_NOT_FOUND, "县人大"));
    }

    @Test
    void aGroupWithoutUnitsAndATaskWithoutUnitsAreReported() {
        GroupExpansion e = new GroupExpansion(TREE.subList(0, 4), COUNTY, OFFICE);
        assertThat(e.expand(null, List.of("各乡（镇、街道）")).gaps())
                .containsExactly(new GroupExpansion.Gap(GroupExpansion.GapKind.GROUP_EMPTY, "各乡（镇、街道）"));
        assertThat(e.expand("", List.of()).gaps())
                .containsExactly(new GroupExpansion.Gap(GroupExpansion.GapKind.NO_UNIT_PRINTED, null));
    }

    @Test
    void namesSplitAtTheEnumerationCommaOutsideBrackets() {
        assertThat(GroupExpansion.splitNames("县司法局、县财政局、县政府相关部门")).containsExactly("县司法局", "县财政局", "县政府相关部门");
        assertThat(GroupExpansion.splitNames("各乡（镇、街道）")).containsExactly("各乡（镇、街道）");
        assertThat(GroupExpansion.isDepartmentGroup("县政府相关部门")).isTrue();
        assertThat(GroupExpansion.isDepartmentGroup("县直各相关单位")).isTrue();
        assertThat(GroupExpansion.isTownGroup("各乡（镇）政府")).isTrue();
        assertThat(GroupExpansion.isDepartmentGroup("县政务服务和大数据服务中心")).isFalse();
    }
}
