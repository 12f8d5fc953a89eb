package org.dudao.identity;

import java.time.Instant;
import java.util.Set;

/** An account as pages, the API and other modules see it (never the password hash). */
public record AccountView(
        long id,
        String username,
        String displayName,
        long unitId,
        Set<Role> roles,
        boolean enabled,
        Instant lockedUntil,
        Instant lastLoginAt,
        Instant passwordChangedAt,
        String note,
        String email) {}
