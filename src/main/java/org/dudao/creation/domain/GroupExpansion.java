package org.dudao.creation.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitView;

/**
 * 责任单位展开: turns the responsible units printed for a task into the campaign's real units.
 *
 * <ul>
 *   <li>a named unit (县委编办) matches a unit of the jurisdiction by its name or short name (white space
 *       and full/half-width brackets ignored); none → UNIT_NOT_FOUND;
 *   <li>a department group (县直各单位, 县直各相关单位, 县政府相关部门, 市直各单位 …) expands into every
 *       department directly under the jurisdiction, except the office running the campaign; “相关” cannot
 *       be decided by software, so it expands to all and the group stays visible on each line;
 *   <li>a town group (各乡（镇、街道）, 各乡（镇）政府 …) expands into every town/street directly under the
 *       jurisdiction; a group that matches no unit → GROUP_EMPTY;
 *   <li>the lead column's units are LEAD (牵头), the others CO; a unit named twice keeps its first role;
 *   <li>nothing printed at all → NO_UNIT_PRINTED.
 * </ul>
 */
public final class GroupExpansion {

    public enum Role {
        LEAD,
        CO
    }

    public enum GapKind {
        UNIT_NOT_FOUND,
        GROUP_EMPTY,
        NO_UNIT_PRINTED
    }

    public record Assigned(long unitId, Role role, String viaGroup) {}

    public record Gap(GapKind kind, String printed) {}

    public record Result(List<Assigned> units, List<Gap> gaps) {}

    private final Map<String, Long> byName = new LinkedHashMap<>();
    private final List<Long> departments = new ArrayList<>();
    private final List<Long> towns = new ArrayList<>();

    /**
     * @param units the jurisdiction's subtree
     * @param jurisdictionId the county (or city) running the campaign
     * @param officeUnitId the office's own unit, not counted among the departments
     */
    public GroupExpansion(List<UnitView> units, long jurisdictionId, long officeUnitId) {
        for (UnitView u : units) {
            byName.putIfAbsent(key(u.name()), u.id());
        }
        for (UnitView u : units) {
            if (u.shortName() != null && !u.shortName().isBlank()) {
                byName.putIfAbsent(key(u.shortName()), u.id());
            }
            if (u.parentId() != null && u.parentId() == jurisdictionId) {
                if (u.kind() == UnitKind.DEPARTMENT && u.id() != officeUnitId) {
                    departments.add(u.id());
                } else if (u.kind() == UnitKind.TOWN) {
                    towns.add(u.id());
                }
            }
        }
    }

    public Result expand(String lead, List<String> co) {
        Map<Long, Assigned> out = new LinkedHashMap<>();
        List<Gap> gaps = new ArrayList<>();
        for (String name : splitNames(lead)) {
            add(name, Role.LEAD, out, gaps);
        }
        for (String printed : co == null ? List.<String>of() : co) {
            for (String name : splitNames(printed)) {
                add(name, Role.CO, out, gaps);
            }
        }
        if (out.isEmpty() && gaps.isEmpty()) {
            gaps.add(new Gap(GapKind.NO_UNIT_PRINTED, null));
        }
        return new Result(List.copyOf(out.values()), gaps);
    }

    private void add(String name, Role role, Map<Long, Assigned> out, List<Gap> gaps) {
        List<Long> group = isTownGroup(name) ? towns : isDepartmentGroup(name) ? departments : null;
        if (group != null) {
            if (group.isEmpty()) {
                gaps.add(new Gap(GapKind.GROUP_EMPTY, name));
            }
            group.forEach(id -> out.putIfAbsent(id, new Assigned(id, role, name)));
            return;
        }
        Long id = byName.get(key(name));
        if (id == null) {
            gaps.add(new Gap(GapKind.UNIT_NOT_FOUND, name));
        } else {
            out.putIfAbsent(id, new Assigned(id, role, null));
        }
    }

    /** 各乡（镇、街道）, 各乡（镇）政府, 各镇, 各街道. */
    static boolean isTownGroup(String name) {
        String k = key(name);
        return k.startsWith("各乡") || k.startsWith("各镇") || k.startsWith("各街道");
    }

    /** 县直各单位, 县直各相关单位, 县政府相关部门, 市直各单位, 各部门. */
    static boolean isDepartmentGroup(String name) {
        String k = key(name);
        return k.contains("直各") || k.endsWith("相关部门") || k.endsWith("相关单位") || k.startsWith("各部门");
    }

    /** Splits “县委编办、县政务服务和大数据服务中心” at 、 outside brackets (not inside “各乡（镇、街道）”). */
    static List<String> splitNames(String printed) {
        List<String> out = new ArrayList<>();
        if (printed == null) {
            return out;
        }
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (char c : printed.toCharArray()) {
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            }
            if ((c == '、' || c == '|' || c == '，' || c == ',') && depth == 0) {
                flush(sb, out);
            } else {
                sb.append(c);
            }
        }
        flush(sb, out);
        return out;
    }

    private static void flush(StringBuilder sb, List<String> out) {
        String s = sb.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        sb.setLength(0);
    }

    static String key(String name) {
        return name.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
    }
}
