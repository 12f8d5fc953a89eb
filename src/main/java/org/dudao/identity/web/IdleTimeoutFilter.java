package org.dudao.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.dudao.identity.domain.DudaoUser;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 空闲超时: a session unused for longer than {@code dudao.security.idle-timeout} (30 minutes by
 * default) is ended on its next request, which goes to the login page. Measured with the
 * application clock, so the rule is tested without waiting.
 */
public class IdleTimeoutFilter extends OncePerRequestFilter {

    static final String LAST_SEEN = "dudao.lastSeen";

    private final Clock clock;
    private final DudaoProperties properties;
    private final ApplicationEventPublisher events;

    public IdleTimeoutFilter(Clock clock, DudaoProperties properties, ApplicationEventPublisher events) {
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/webjars/")
                || uri.startsWith(request.getContextPath() + "/css/")
                || uri.startsWith(request.getContextPath() + "/js/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.getPrincipal() instanceof DudaoUser) {
            long now = clock.millis();
            Object last = session.getAttribute(LAST_SEEN);
            if (last instanceof Long seen
                    && now - seen > properties.security().idleTimeout().toMillis()) {
                events.publishEvent(new AuditEvent(
                        "identity.session.timeout",
                        "session",
                        null,
                        AuditEvent.Outcome.SUCCESS,
                        null,
                        null,
                        "idle for " + (now - seen) / 1000 + " s",
                        null));
                session.invalidate();
                SecurityContextHolder.clearContext();
                HtmxAwareEntryPoint.redirect(request, response, "/login?timeout");
                return;
            }
            session.setAttribute(LAST_SEEN, now);
        }
        chain.doFilter(request, response);
    }
}
