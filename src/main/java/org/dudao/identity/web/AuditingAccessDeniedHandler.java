package org.dudao.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dudao.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/** Every refused page or action (403) is audited, then answered with the Chinese 403 page. */
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final ApplicationEventPublisher events;
    private final AccessDeniedHandler delegate;

    AuditingAccessDeniedHandler(ApplicationEventPublisher events, AccessDeniedHandler delegate) {
        this.events = events;
        this.delegate = delegate;
    }

    AuditingAccessDeniedHandler(ApplicationEventPublisher events) {
        this(events, new AccessDeniedHandlerImpl());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        String target = request.getMethod() + " " + request.getRequestURI();
        events.publishEvent(AuditEvent.denied(
                "security.access", "request", null, target.length() > 200 ? target.substring(0, 200) : target));
        delegate.handle(request, response, e);
    }
}
