package org.dudao.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dudao.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Audits a logout while the user is still known. */
@Component
public class AuditingLogoutHandler implements LogoutHandler {

    private final ApplicationEventPublisher events;

    public AuditingLogoutHandler(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null) {
            events.publishEvent(new AuditEvent(
                    "identity.logout", "session", null, AuditEvent.Outcome.SUCCESS, null, null, null, null));
        }
    }
}
