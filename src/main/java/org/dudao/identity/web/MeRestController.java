package org.dudao.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitKind;
import org.dudao.shared.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: the caller's account, unit and roles. */
@RestController
@Tag(name = "me", description = "当前用户 / the caller")
class MeRestController {

    private final OrganizationApi organization;

    MeRestController(OrganizationApi organization) {
        this.organization = organization;
    }

    record UnitRef(long id, String name, UnitKind kind) {}

    record Me(long id, String username, String displayName, UnitRef unit, Set<String> roles, Set<String> permissions) {}

    @Operation(summary = "当前账户、单位和角色 / the caller's account, unit and roles")
    @GetMapping("/api/v1/me")
    Me me() {
        CurrentUser u = CurrentUser.require();
        var unit = organization.find(u.unitId()).orElseThrow();
        return new Me(
                u.accountId(),
                u.username(),
                u.displayName(),
                new UnitRef(unit.id(), unit.name(), unit.kind()),
                u.roles(),
                u.permissions());
    }
}
