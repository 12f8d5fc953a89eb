package org.dudao.organization.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dudao.organization.UnitCommand;
import org.dudao.organization.UnitImportResult;
import org.dudao.organization.UnitImportResult.RowError;
import org.dudao.organization.UnitImportRow;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitScope;
import org.dudao.organization.UnitView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing, moving, deleting and importing units, always within the caller's scope. */
@Service
@Transactional
public class UnitService {

    static final String TYPE = "unit";

    private final UnitRepository units;
    private final ApplicationEventPublisher events;

    public UnitService(UnitRepository units, ApplicationEventPublisher events) {
        this.units = units;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public UnitView get(long id, UnitScope scope) {
        return loadInScope(id, scope, "organization.unit.read").view();
    }

    /** The units the scope may see, in tree order (parents before children, siblings by sort order). */
    @Transactional(readOnly = true)
    public List<UnitView> list(UnitScope scope) {
        List<Unit> found = scopeUnits(scope);
        return treeOrder(found.stream().map(Unit::view).toList());
    }

    public UnitView create(Long parentId, UnitCommand command, UnitScope scope) {
        Unit parent = parentId == null ? null : loadInScope(parentId, scope, "organization.unit.create");
        if (parent == null && scope.kind() != UnitScope.Kind.ALL) {
            throw new InvalidInputException("parentId", "unit.parentRequired");
        }
        Unit unit = new Unit(command, parent);
        requireUniqueAmongSiblings(parentId, unit.getName(), null);
        save(unit);
        unit.placeUnder(parent);
        events.publishEvent(AuditEvent.success("organization.unit.create", TYPE, unit.getId(), null, unit.view()));
        return unit.view();
    }

    public UnitView update(long id, UnitCommand command, Long expectedVersion, UnitScope scope) {
        Unit unit = loadInScope(id, scope, "organization.unit.update");
        if (expectedVersion != null && expectedVersion != unit.getVersion()) {
            throw new ConflictException(null, "error.staleVersion");
        }
        UnitView before = unit.view();
        unit.apply(command);
        requireUniqueAmongSiblings(unit.getParentId(), unit.getName(), unit.getId());
        save(unit);
        events.publishEvent(AuditEvent.success("organization.unit.update", TYPE, id, before, unit.view()));
        return unit.view();
    }

    public UnitView move(long id, long newParentId, UnitScope scope) {
        Unit unit = loadInScope(id, scope, "organization.unit.move");
        if (isScopeRoot(unit, scope)) {
            throw new InvalidInputException("parentId", "unit.cannotMoveScopeRoot");
        }
        Unit newParent = loadInScope(newParentId, scope, "organization.unit.move");
        unit.checkCanMoveUnder(newParent);
        requireUniqueAmongSiblings(newParent.getId(), unit.getName(), unit.getId());
        UnitView before = unit.view();
        String oldPrefix = unit.getTreePath();
        String newPrefix = newParent.getTreePath() + unit.getId() + "/";
        unit.placeUnder(newParent);
        save(unit);
        units.rewritePaths(oldPrefix, newPrefix);
        UnitView after = units.findById(id).orElseThrow().view();
        events.publishEvent(AuditEvent.success("organization.unit.move", TYPE, id, before, after));
        return after;
    }

    public void delete(long id, UnitScope scope) {
        Unit unit = loadInScope(id, scope, "organization.unit.delete");
        if (isScopeRoot(unit, scope)) {
            throw new ConflictException(null, "unit.cannotDeleteScopeRoot");
        }
        if (units.existsByParentId(id)) {
            throw new ConflictException(null, "unit.hasChildren");
        }
        UnitView before = unit.view();
        try {
            units.delete(unit);
            units.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(null, "unit.inUse");
        }
        events.publishEvent(AuditEvent.success("organization.unit.delete", TYPE, id, before, null));
    }

    /**
     * Imports rows: all are checked first; if any row is wrong, nothing is saved and every error is
     * returned with its row number. A row whose name already exists under the same parent updates that
     * unit; other rows create units. A row may name as parent a unit created by an earlier row.
     */
    public UnitImportResult importRows(List<UnitImportRow> rows, UnitScope scope, boolean dryRun) {
        List<Unit> visible = scopeUnits(scope);
        Map<Long, Unit> byId = new HashMap<>();
        visible.forEach(u -> byId.put(u.getId(), u));
        PathIndex index = new PathIndex();
        for (Unit u : visible) {
            index.put(pathOf(u, byId), u);
        }
        List<RowError> errors = new ArrayList<>();
        List<Planned> plan = new ArrayList<>();
        Map<String, Integer> seenInFile = new HashMap<>();
        for (UnitImportRow row : rows) {
            try {
                UnitKind kind = parseKind(row.kind());
                UnitCommand command = new UnitCommand(
                        row.name(),
                        row.shortName(),
                        kind,
                        parseOrder(row.sortOrder()),
                        row.contactPerson(),
                        row.contactPhone(),
                        row.contactAddress(),
                        row.note(),
                        null);
                Unit probe = new Unit(command, null); // validates every field
                String parentPath = resolveParent(row.parent(), index, scope);
                String path = parentPath == null ? probe.getName() : parentPath + "/" + probe.getName();
                Integer earlier = seenInFile.putIfAbsent(path, row.rowNumber());
                if (earlier != null) {
                    throw new InvalidInputException("name", "unit.import.duplicateRow", earlier);
                }
                Object existing = index.exact(path);
                if (existing instanceof Unit u && isScopeRoot(u, scope) && kind != u.getKind()) {
                    throw new InvalidInputException("kind", "unit.import.cannotChangeScopeRootKind");
                }
                plan.add(new Planned(row, command, parentPath, existing instanceof Unit u ? u : null));
                if (!(existing instanceof Unit)) {
                    index.put(path, row);
                }
            } catch (InvalidInputException e) {
                errors.add(new RowError(row.rowNumber(), e.field(), e.messageKey(), e.args()));
            }
        }
        int created = (int) plan.stream().filter(p -> p.existing == null).count();
        int updated = plan.size() - created;
        if (!errors.isEmpty() || dryRun) {
            return new UnitImportResult(errors.isEmpty() ? created : 0, errors.isEmpty() ? updated : 0, errors, dryRun);
        }
        Map<String, Unit> createdByPath = new HashMap<>();
        for (Planned p : plan) {
            if (p.existing != null) {
                UnitView before = p.existing.view();
                p.existing.apply(p.command);
                save(p.existing);
                events.publishEvent(AuditEvent.success(
                        "organization.unit.update", TYPE, p.existing.getId(), before, p.existing.view()));
            } else {
                Unit parent = p.parentPath == null
                        ? null
                        : createdByPath.containsKey(p.parentPath)
                                ? createdByPath.get(p.parentPath)
                                : (Unit) index.exact(p.parentPath);
                Unit unit = new Unit(p.command, parent);
                save(unit);
                unit.placeUnder(parent);
                createdByPath.put(p.parentPath == null ? unit.getName() : p.parentPath + "/" + unit.getName(), unit);
                events.publishEvent(
                        AuditEvent.success("organization.unit.create", TYPE, unit.getId(), null, unit.view()));
            }
        }
        events.publishEvent(new AuditEvent(
                "organization.unit.import",
                TYPE,
                null,
                AuditEvent.Outcome.SUCCESS,
                null,
                Map.of("created", created, "updated", updated),
                rows.size() + " rows",
                null));
        return new UnitImportResult(created, updated, List.of(), false);
    }

    // ---------------------------------------------------------------------------------------------

    private record Planned(UnitImportRow row, UnitCommand command, String parentPath, Unit existing) {}

    /** Full name paths ("平顶山市/市司法局") and bare names of the units an import may refer to. */
    private static final class PathIndex {
        private final Map<String, Object> byPath = new LinkedHashMap<>();
        private final Map<String, List<String>> pathsByName = new HashMap<>();

        void put(String path, Object node) {
            byPath.put(path, node);
            String name = path.substring(path.lastIndexOf('/') + 1);
            pathsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(path);
        }

        Object exact(String path) {
            return byPath.get(path);
        }

        List<String> pathsNamed(String name) {
            return pathsByName.getOrDefault(name, List.of());
        }
    }

    private String resolveParent(String parent, PathIndex index, UnitScope scope) {
        if (parent == null || parent.isBlank()) {
            if (scope.kind() != UnitScope.Kind.ALL) {
                throw new InvalidInputException("parent", "unit.parentRequired");
            }
            return null;
        }
        String p = parent.strip().replaceAll("\\s*/\\s*", "/");
        if (p.contains("/")) {
            if (index.exact(p) == null) {
                throw new InvalidInputException("parent", "unit.import.parentNotFound", parent.strip());
            }
            return p;
        }
        List<String> candidates = index.pathsNamed(p);
        if (candidates.isEmpty()) {
            throw new InvalidInputException("parent", "unit.import.parentNotFound", p);
        }
        if (candidates.size() > 1) {
            throw new InvalidInputException("parent", "unit.import.parentAmbiguous", p, candidates.get(0));
        }
        return candidates.get(0);
    }

    static UnitKind parseKind(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("kind", "validation.required");
        }
        String t = text.strip();
        for (UnitKind k : UnitKind.values()) {
            if (k.name().equalsIgnoreCase(t) || KIND_LABELS.get(k).contains(t)) {
                return k;
            }
        }
        throw new InvalidInputException("kind", "unit.import.unknownKind", t);
    }

    /** Chinese labels accepted in import sheets (the first is the one written by export). */
    public static final Map<UnitKind, List<String>> KIND_LABELS = Map.of(
            UnitKind.CITY, List.of("市", "市级"),
            UnitKind.COUNTY, List.of("县（市、区）", "县(市、区)", "县", "区", "县级"),
            UnitKind.TOWN, List.of("乡（镇、街道）", "乡(镇、街道)", "乡镇", "街道"),
            UnitKind.DEPARTMENT, List.of("部门", "单位", "部门（单位）"),
            UnitKind.SECTION, List.of("科室", "内设机构"),
            UnitKind.OTHER, List.of("其他"));

    private static Integer parseOrder(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return (int) Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("sortOrder", "validation.integer");
        }
    }

    private List<Unit> scopeUnits(UnitScope scope) {
        return switch (scope.kind()) {
            case ALL -> units.findAll();
            case SUBTREE ->
                units.findById(scope.rootUnitId())
                        .map(root -> units.findByPathPrefix(root.getTreePath()))
                        .orElse(List.of());
            case OWN_UNIT -> units.findById(scope.rootUnitId()).stream().toList();
        };
    }

    /** "平顶山市/市司法局/依法行政指导科" — names from the root down. */
    private String pathOf(Unit unit, Map<Long, Unit> byId) {
        List<String> names = new ArrayList<>();
        for (Long pid : unit.pathIds()) {
            Unit u = byId.containsKey(pid) ? byId.get(pid) : units.findById(pid).orElseThrow();
            names.add(u.getName());
        }
        return String.join("/", names);
    }

    /** The optimistic-lock version of a unit, for edit forms. */
    @Transactional(readOnly = true)
    public long version(long id) {
        return units.findById(id)
                .orElseThrow(() -> new NotFoundException(TYPE, id))
                .getVersion();
    }

    /** The full name path of a unit, as import sheets write it. */
    @Transactional(readOnly = true)
    public String pathOf(long unitId) {
        Unit unit = units.findById(unitId).orElseThrow(() -> new NotFoundException(TYPE, unitId));
        return pathOf(unit, new HashMap<>());
    }

    Unit loadInScope(long id, UnitScope scope, String action) {
        Unit unit = units.findById(id).orElseThrow(() -> new NotFoundException(TYPE, id));
        if (!inScope(unit, scope)) {
            events.publishEvent(AuditEvent.denied(action, TYPE, id, "outside data scope " + scope.kind()));
            throw new NotFoundException(TYPE, id);
        }
        return unit;
    }

    static boolean inScope(Unit unit, UnitScope scope) {
        return switch (scope.kind()) {
            case ALL -> true;
            case SUBTREE -> unit.isWithin(scope.rootUnitId());
            case OWN_UNIT -> Objects.equals(unit.getId(), scope.rootUnitId());
        };
    }

    private static boolean isScopeRoot(Unit unit, UnitScope scope) {
        return scope.kind() != UnitScope.Kind.ALL && Objects.equals(unit.getId(), scope.rootUnitId());
    }

    private void requireUniqueAmongSiblings(Long parentId, String name, Long self) {
        units.findSibling(parentId, name)
                .filter(other -> !Objects.equals(other.getId(), self))
                .ifPresent(other -> {
                    throw new ConflictException("name", "unit.duplicateName", name);
                });
    }

    private void save(Unit unit) {
        try {
            units.saveAndFlush(unit);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("name", "unit.duplicateName", unit.getName());
        }
    }

    /** Parents before children; siblings by sort order, then by creation. */
    static List<UnitView> treeOrder(List<UnitView> all) {
        Map<Long, List<UnitView>> children = new HashMap<>();
        Map<Long, UnitView> byId = new HashMap<>();
        all.forEach(u -> byId.put(u.id(), u));
        List<UnitView> roots = new ArrayList<>();
        for (UnitView u : all) {
            if (u.parentId() == null || !byId.containsKey(u.parentId())) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        Comparator<UnitView> order =
                Comparator.comparingInt(UnitView::sortOrder).thenComparingLong(UnitView::id);
        List<UnitView> out = new ArrayList<>(all.size());
        java.util.ArrayDeque<UnitView> stack = new java.util.ArrayDeque<>();
        roots.sort(order.reversed());
        roots.forEach(stack::push);
        while (!stack.isEmpty()) {
            UnitView u = stack.pop();
            out.add(u);
            List<UnitView> kids = new ArrayList<>(children.getOrDefault(u.id(), List.of()));
            kids.sort(order.reversed());
            kids.forEach(stack::push);
        }
        return out;
    }
}
