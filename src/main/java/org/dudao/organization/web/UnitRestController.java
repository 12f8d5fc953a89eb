package org.dudao.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitScope;
import org.dudao.organization.UnitView;
import org.dudao.organization.domain.UnitService;
import org.dudao.shared.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Units for API clients, within the caller's scope. */
@RestController
@Tag(name = "units", description = "单位 / units")
class UnitRestController {

    private final UnitService units;

    UnitRestController(UnitService units) {
        this.units = units;
    }

    record UnitSummary(long id, String name, Long parentId, UnitKind kind) {}

    @Operation(summary = "可见的单位列表 / units visible to the caller, in tree order")
    @GetMapping("/api/v1/units")
    List<UnitSummary> list() {
        return units.list(scope()).stream()
                .map(u -> new UnitSummary(u.id(), u.name(), u.parentId(), u.kind()))
                .toList();
    }

    @Operation(summary = "单位详情；范围外的单位返回 404 / one unit; outside the caller's scope: 404")
    @GetMapping("/api/v1/units/{id}")
    UnitView get(@PathVariable long id) {
        return units.get(id, scope());
    }

    private static UnitScope scope() {
        return UnitScope.of(CurrentUser.require());
    }
}
