package org.dudao.notification.domain;

import java.time.Instant;

/** One notification in an account's inbox. */
public record NotificationView(
        long id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
