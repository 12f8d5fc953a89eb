package org.dudao.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dudao.notification.domain.Inbox;
import org.dudao.notification.domain.NotificationView;
import org.dudao.shared.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own inbox; another account's notification answers 404. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notification", description = "收件箱 / the caller's own notifications")
class NotificationRestController {

    private final Inbox inbox;

    NotificationRestController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first (unread=true: unread only), with the unread count")
    Inbox.InboxPage list(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Inbox.PAGE_SIZE) int size) {
        return inbox.page(CurrentUser.require().accountId(), unread, page, size);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read")
    NotificationView read(@PathVariable long id) {
        return inbox.markRead(CurrentUser.require().accountId(), id);
    }

    record ReadAll(int marked, long unread) {}

    @PostMapping("/read-all")
    @Operation(summary = "Mark all of the caller's notifications read")
    ReadAll readAll() {
        long account = CurrentUser.require().accountId();
        int marked = inbox.markAllRead(account);
        return new ReadAll(marked, inbox.unreadCount(account));
    }
}
