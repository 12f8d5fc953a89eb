package org.dudao.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.dudao.notification.domain.Inbox;
import org.dudao.notification.domain.NotificationView;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 收件箱 page: the signed-in account's notifications, newest first, unread in bold; mark one or all read
 * (htmx: the row or the list is swapped and the header badge refreshes on {@code inbox-changed}); open
 * one (marks it read and goes to its object). Every signed-in account has an inbox, the three
 * administrators too.
 */
@Controller
@RequestMapping("/inbox")
class InboxController {

    static final String CHANGED = "inbox-changed";

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    String inbox(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            HttpServletRequest request) {
        list(unread, page, model);
        return Htmx.isHtmx(request) ? "notification/inbox :: list" : "notification/inbox";
    }

    @PostMapping("/{id}/read")
    String read(@PathVariable long id, Model model, HttpServletResponse response) {
        NotificationView n = inbox.markRead(CurrentUser.require().accountId(), id);
        model.addAttribute("items", List.of(n));
        response.setHeader("HX-Trigger", CHANGED);
        return "notification/inbox :: row";
    }

    @PostMapping("/read-all")
    String readAll(@RequestParam(defaultValue = "false") boolean unread, Model model, HttpServletResponse response) {
        int marked = inbox.markAllRead(CurrentUser.require().accountId());
        list(unread, 0, model);
        model.addAttribute("marked", marked);
        response.setHeader("HX-Trigger", CHANGED);
        return "notification/inbox :: list";
    }

    /** Marks the notification read and goes to its object (the inbox when it has no link). */
    @PostMapping("/{id}/open")
    String open(@PathVariable long id) {
        NotificationView n = inbox.markRead(CurrentUser.require().accountId(), id);
        return "redirect:" + (n.link() == null ? "/inbox" : n.link());
    }

    /** The header badge alone, for htmx to refresh it. */
    @GetMapping("/count")
    String count(Model model) {
        model.addAttribute("count", inbox.unreadCount(CurrentUser.require().accountId()));
        return "notification/inbox :: badge";
    }

    private void list(boolean unread, int page, Model model) {
        Inbox.InboxPage p = inbox.page(CurrentUser.require().accountId(), unread, page, Inbox.PAGE_SIZE);
        model.addAttribute("inboxPage", p);
        model.addAttribute("items", p.items());
        model.addAttribute("unreadOnly", unread);
    }
}
