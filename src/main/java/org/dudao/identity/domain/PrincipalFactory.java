package org.dudao.identity.domain;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitView;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Builds the principal of an account: its unit, jurisdiction, roles and permissions. */
@Component
public class PrincipalFactory {

    private final OrganizationApi organization;
    private final PermissionStore permissions;
    private final DudaoProperties properties;
    private final Clock clock;

    public PrincipalFactory(
            OrganizationApi organization, PermissionStore permissions, DudaoProperties properties, Clock clock) {
        this.organization = organization;
        this.permissions = permissions;
        this.properties = properties;
        this.clock = clock;
    }

    public DudaoUser principalOf(Account account) {
        UnitView unit = organization.find(account.getUnitId()).orElseThrow();
        Set<String> roles =
                new TreeSet<>(account.getRoles().stream().map(Enum::name).toList());
        boolean global = account.getRoles().stream().anyMatch(r -> r.isAdministrator());
        CurrentUser user = new CurrentUser(
                account.getId(),
                account.getUsername(),
                account.getDisplayName(),
                unit.id(),
                unit.name(),
                organization.jurisdictionOf(unit.id()),
                Set.copyOf(roles),
                Set.copyOf(permissions.permissionsOf(account.getRoles())),
                global);
        return new DudaoUser(
                user,
                account.passwordChangeRequired(
                        clock.instant(), properties.security().passwordExpiry()));
    }
}
