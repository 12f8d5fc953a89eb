package org.dudao.organization;

import java.util.List;
import java.util.Optional;
import org.dudao.organization.domain.Unit;
import org.dudao.organization.domain.UnitRepository;
import org.dudao.organization.domain.UnitService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation module's facade for other modules (no scope check: callers apply their own). */
@Service
@Transactional(readOnly = true)
public class OrganizationApi {

    private final UnitRepository units;
    private final UnitService service;

    OrganizationApi(UnitRepository units, UnitService service) {
        this.units = units;
        this.service = service;
    }

    public Optional<UnitView> find(long id) {
        return units.findById(id).map(Unit::view);
    }
    /** The nearest city/county/town at or above the unit: the root of an office's jurisdiction. */
    public long jurisdictionOf(long unitId) {
        Unit unit = units.findById(unitId).orElseThrow();
        List<Long> path = unit.pathIds();
        for (int i = path.size() - 1; i >= 0; i--) {
            Unit u = i == path.size() - 1 ? unit : units.findById(path.get(i)).orElseThrow();
            if (u.getKind().isRegion()) {
                return u.getId();
            }
        }
        return path.get(0);
    }

    /** The units from the root down to this one (inclusive). */
    public List<UnitView> ancestry(long unitId) {
        Unit unit = units.findById(unitId).orElseThrow();
        return unit.pathIds().stream()
                .map(id -> units.findById(id).orElseThrow().view())
                .toList();
    }

    /** The units a scope may see, in tree order. */
    public List<UnitView> list(UnitScope scope) {
        return service.list(scope);
    }

    /** Every unit in tree order (for the administrators' pages). */
    public List<UnitView> all() {
        return service.list(UnitScope.all());
    }

    public long count() {
        return units.count();
    }

    /** Creates a unit without a user's scope: for start-up work (setup, demo data). */
    @Transactional
    public UnitView createSystemUnit(Long parentId, UnitCommand command) {
        return service.create(parentId, command, UnitScope.all());
    }
}
