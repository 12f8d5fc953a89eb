package org.dudao.shared.notice;

import java.util.Set;

/** Published as a Spring application event by any module inside its transaction; the notification module delivers it. */
public record Notice(
        String kind,
        String title,
        String body,
        String link,
        Set<Long> unitIds,
        Set<String> roles,
        Set<Long> accountIds) {

    /** To the accounts of the units that hold one of the roles (no role: every account of the units). */
    public static Notice toUnits(
            String kind, String title, String body, String link, Set<Long> unitIds, String... roles) {
        return new Notice(kind, title, body, link, Set.copyOf(unitIds), Set.of(roles), Set.of());
    }
}
