package org.dudao.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.dudao.identity.domain.AccountRepository;
import org.dudao.identity.domain.DudaoUser;
import org.dudao.identity.domain.PrincipalFactory;
import org.dudao.identity.domain.TokenStore;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/**} calls by {@code Authorization: Bearer <token>}: the token must be
 * known, unexpired and unrevoked, and its account enabled, unlocked and not due a password change.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final TokenStore tokens;
    private final AccountRepository accounts;
    private final PrincipalFactory principals;
    private final Clock clock;

    public BearerTokenFilter(TokenStore tokens, AccountRepository accounts, PrincipalFactory principals, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.principals = principals;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            Instant now = clock.instant();
            tokens.accountOfApiToken(token, now)
                    .flatMap(accounts::findById)
                    .filter(a -> a.isEnabled() && !a.isLocked(now))
                    .map(principals::principalOf)
                    .filter(u -> !u.passwordChangeRequired())
                    .ifPresent(this::authenticate);
        }
        chain.doFilter(request, response);
    }

    private void authenticate(DudaoUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
