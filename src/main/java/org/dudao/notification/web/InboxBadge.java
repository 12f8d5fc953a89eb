package org.dudao.notification.web;

import org.dudao.notification.domain.Inbox;
import org.dudao.shared.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The unread count in every page's header ({@code layout/main.html} reads {@code @inboxBadge.unread()}).
 * It is asked only when the layout renders — full pages, not htmx fragments, redirects or the API — and
 * costs one count on a partial index. A failing count shows no badge rather than breaking the page (the
 * error page itself uses the layout).
 */
@Component("inboxBadge")
public class InboxBadge {

    private static final Logger log = LoggerFactory.getLogger(InboxBadge.class);

    private final Inbox inbox;

    InboxBadge(Inbox inbox) {
        this.inbox = inbox;
    }

    public long unread() {
        try {
            return CurrentUser.current()
                    .map(u -> inbox.unreadCount(u.accountId()))
                    .orElse(0L);
        } catch (DataAccessException e) {
            log.warn("未读通知计数失败 / unread count failed: {}", e.getMessage());
            return 0;
        }
    }
}
