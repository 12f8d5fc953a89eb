package org.dudao.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dudao.shared.security.CurrentUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signed-in users for tests: an authentication whose principal carries a {@link CurrentUser}, as the
 * identity module's principal does ({@code SecurityMockMvcRequestPostProcessors.user(...)} would not).
 * Use with {@code SecurityMockMvcRequestPostProcessors.authentication(...)} or {@link #signIn}.
 */
public final class AuditTestUsers {

    public static final Set<String> AUDIT_PERMISSIONS =
            Set.of("audit:log:read", "audit:log:export", "audit:log:verify");

    private AuditTestUsers() {}

    /** 安全审计员: every audit permission. */
    public static Authentication auditAdmin() {
        return authentication(user(9001, "auditor", 7, Set.of("AUDIT_ADMIN"), AUDIT_PERMISSIONS, true));
    }

    /** May read the log, but neither export nor verify it. */
    public static Authentication auditReader() {
        return authentication(user(9002, "reader", 7, Set.of("AUDIT_ADMIN"), Set.of("audit:log:read"), true));
    }

    /** A business user with no audit permission. */
    public static Authentication officeAdmin() {
        return authentication(user(
                9003,
                "office",
                8,
                Set.of("OFFICE_ADMIN"),
                Set.of("organization:unit:read", "organization:unit:write"),
                false));
    }

    public static CurrentUser user(
            long accountId, String username, long unitId, Set<String> roles, Set<String> permissions, boolean global) {
        return new CurrentUser(
                accountId, username, username, unitId, "单位" + unitId, unitId, roles, permissions, global);
    }

    public static Authentication authentication(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        user.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        return UsernamePasswordAuthenticationToken.authenticated(new TestPrincipal(user), null, authorities);
    }

    /** Puts the user into this thread's security context (clear it after the test). */
    public static void signIn(Authentication authentication) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    /** The principal: a {@link CurrentUser} holder, serialisable like the real one. */
    public record TestPrincipal(CurrentUser currentUser) implements CurrentUser.HasCurrentUser, Serializable {
        @Override
        public String toString() {
            return currentUser.username();
        }
    }
}
