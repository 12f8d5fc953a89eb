package org.dudao.shared.security;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as every module sees it, built by the identity module at login. The unit and the
 * jurisdiction always come from here (the server), never from a request parameter.
 *
 * @param jurisdictionUnitId the root of the subtree an office admin or leader works on (the nearest
 *     city/county/town at or above the user's unit)
 * @param global true for the three administrators (三员), who manage the whole installation's
 *     accounts and configuration but hold no business permission
 */
public record CurrentUser(
        long accountId,
        String username,
        String displayName,
        long unitId,
        String unitName,
        long jurisdictionUnitId,
        Set<String> roles,
        Set<String> permissions,
        boolean global)
        implements Serializable {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The current user, if the request is authenticated by Dudao. */
    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HasCurrentUser holder) {
            return Optional.of(holder.currentUser());
        }
        return Optional.empty();
    }

    /** The current user; fails when called outside an authenticated request. */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated Dudao user"));
    }

    /** Implemented by the principal the identity module puts into the security context. */
    public interface HasCurrentUser {
        CurrentUser currentUser();
    }
}
