package org.dudao.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dudao.notification.domain.Inbox;
import org.dudao.shared.notice.Notice;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Notices delivered in the publisher's transaction; the inbox over REST and on the pages; only one's own. */
@DudaoIntegrationTest
class NotificationIT {

    private static final Pattern BADGE = Pattern.compile("<span id=\"inboxBadge\"([^>]*)>(\\d+)</span>");

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inbox inbox;

    long account(String username) {
        return jdbc.sql("select id from identity_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    long unitOf(String username) {
        return jdbc.sql("select unit_id from identity_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    /** Who received a notification with this title, by username. */
    List<String> recipients(String title) {
        return jdbc.sql("select a.username from notification n join identity_account a on a.id = n.account_id"
                        + " where n.title = ? order by a.username")
                .param(title)
                .query(String.class)
                .list();
    }

    void publishCommitted(Notice notice) {
        tx.executeWithoutResult(status -> events.publishEvent(notice));
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCommittedNoticeReachesTheUnitsAccountsWithTheRoles_andARolledBackOneNoOne() {
        long office = unitOf("pds-office"); // 考核办: pds-office (OFFICE_ADMIN) and pds-inspector (INSPECTOR)
        String t = tag();

        publishCommitted(Notice.toUnits("NOTICE", "只给考核组 " + t, null, "/inbox", Set.of(office), "INSPECTOR"));
        assertThat(recipients("只给考核组 " + t)).containsExactly("pds-inspector");

        publishCommitted(Notice.toUnits("NOTICE", "全体 " + t, "正文", null, Set.of(office)));
        assertThat(recipients("全体 " + t)).containsExactly("pds-inspector", "pds-office");

        // an account named twice (by its unit and its id) and a second unit's role: each account once
        long leaders = unitOf("pds-leader");
        publishCommitted(new Notice(
                "NOTICE",
                "合并 " + t,
                null,
                null,
                Set.of(office, leaders),
                Set.of("INSPECTOR", "LEADER"),
                Set.of(account("pds-inspector"), account("pds-office"))));
        assertThat(recipients("合并 " + t)).containsExactly("pds-inspector", "pds-leader", "pds-leader-2", "pds-office");

        // the action rolls back: nothing was sent
        tx.executeWithoutResult(status -> {
            events.publishEvent(Notice.toUnits("NOTICE", "回滚 " + t, null, null, Set.of(office)));
            status.setRollbackOnly();
        });
        assertThat(recipients("回滚 " + t)).isEmpty();
        try {
            tx.executeWithoutResult(status -> {
                events.publishEvent(Notice.toAccount("NOTICE", "失败 " + t, null, null, account("pds-office")));
                throw new IllegalStateException("the business action fails after publishing");
            });
        } catch (IllegalStateException expected) {
            // the action's own failure
        }
        assertThat(recipients("失败 " + t)).isEmpty();

        // published outside any transaction it is written in one of its own
        events.publishEvent(Notice.toAccount("NOTICE", "无事务 " + t, null, null, account("pds-office")));
        assertThat(recipients("无事务 " + t)).containsExactly("pds-office");
    }

    @Test
    void aLinkLeavingDudaoIsDropped() {
        String t = tag();
        publishCommitted(Notice.toAccount("NOTICE", "外链 " + t, null, "https://evil.example/", account("pds-office")));
        publishCommitted(Notice.toAccount("NOTICE", "协议相对 " + t, null, "//evil.example/", account("pds-office")));
        assertThat(jdbc.sql("select count(*) from notification where title in (?, ?) and link is null")
                        .params("外链 " + t, "协议相对 " + t)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void restListsReadsAndReadsAll_onlyTheCallersOwn() {
        ApiClient inspector = ApiClient.as(port, demo, "pds-inspector");
        ApiClient leader = ApiClient.as(port, demo, "pds-leader-2");
        long inspectorId = account("pds-inspector");
        String t = tag();
        for (int i = 1; i <= 3; i++) {
            publishCommitted(Notice.toAccount("SUBMISSION", "REST " + t + " " + i, "正文 " + i, "/inbox", inspectorId));
        }

        JsonNode unread = ok(inspector.get("/api/v1/notifications?unread=true&size=200"));
        List<String> titles = titles(unread);
        assertThat(titles).containsSubsequence("REST " + t + " 3", "REST " + t + " 2", "REST " + t + " 1");
        assertThat(unread.get("unread").asLong()).isGreaterThanOrEqualTo(3);
        long first = idOf(unread, "REST " + t + " 1");

        // someone else's notification does not exist for the caller (404, audited), and stays unread
        HttpResponse<String> foreign = leader.post("/api/v1/notifications/" + first + "/read", null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign).toString()).doesNotContain("REST " + t);
        assertThat(titles(ok(leader.get("/api/v1/notifications?size=200")))).noneMatch(x -> x.contains(t));
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'notification.read'"
                                + " and outcome = 'DENIED' and object_id = ?")
                        .param(String.valueOf(first))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(leader.post("/api/v1/notifications/999999999/read", null).statusCode())
                .isEqualTo(404);

        JsonNode read = ok(inspector.post("/api/v1/notifications/" + first + "/read", null));
        assertThat(read.get("readAt").isNull()).isFalse();
        assertThat(read.get("title").asText()).isEqualTo("REST " + t + " 1");
        assertThat(titles(ok(inspector.get("/api/v1/notifications?unread=true&size=200"))))
                .contains("REST " + t + " 2")
                .doesNotContain("REST " + t + " 1");
        // all of them, read or not
        assertThat(titles(ok(inspector.get("/api/v1/notifications?size=200")))).contains("REST " + t + " 1");

        JsonNode all = ok(inspector.post("/api/v1/notifications/read-all", null));
        assertThat(all.get("marked").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(all.get("unread").asLong()).isZero();
        assertThat(ok(inspector.get("/api/v1/notifications?unread=true")).get("items"))
                .isEmpty();
    }

    @Test
    void theHeaderBadgeShowsTheUnreadCount_andThePageMarksRead() {
        WebClient web = new WebClient(port);
        assertThat(web.login("pds-leader", demo.password("pds-leader")).statusCode())
                .isEqualTo(302);
        long leaderId = account("pds-leader");
        inbox.markAllRead(leaderId);
        assertThat(badge(web.get("/").body())).isZero();

        String t = tag();
        publishCommitted(Notice.toAccount("NOTICE", "徽标 " + t + " 甲", null, "/inbox", leaderId));
        publishCommitted(Notice.toAccount("NOTICE", "徽标 " + t + " 乙", null, null, leaderId));
        assertThat(badge(web.get("/").body())).isEqualTo(2);

        HttpResponse<String> page = web.get("/inbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("徽标 " + t + " 甲", "徽标 " + t + " 乙", "fw-bold unread");
        assertThat(page.body().indexOf("徽标 " + t + " 乙"))
                .as("newest first")
                .isLessThan(page.body().indexOf("徽标 " + t + " 甲"));
        assertThat(badge(page.body())).isEqualTo(2);

        // mark one read with htmx: the row comes back read, and the badge is told to refresh
        long first = jdbc.sql("select id from notification where title = ?")
                .param("徽标 " + t + " 甲")
                .query(Long.class)
                .single();
        HttpResponse<String> row = web.post("/inbox/" + first + "/read", Map.of());
        assertThat(row.statusCode()).isEqualTo(200);
        assertThat(row.headers().firstValue("HX-Trigger")).contains("inbox-changed");
        assertThat(row.body()).contains("notification-" + first, "read").doesNotContain("fw-bold unread");
        assertThat(badge(web.get("/inbox/count").body())).isEqualTo(1);

        // opening a notification goes to its object
        long second = jdbc.sql("select id from notification where title = ?")
                .param("徽标 " + t + " 乙")
                .query(Long.class)
                .single();
        web.get("/inbox");
        HttpResponse<String> open = web.post("/inbox/" + second + "/open", Map.of());
        assertThat(open.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(open)).endsWith("/inbox");
        assertThat(badge(web.get("/").body())).isZero();
        assertThat(web.get("/").body()).containsPattern("<span id=\"inboxBadge\" class=\"[^\"]*d-none");

        // another account's notification: 404 on the page too
        WebClient other = new WebClient(port);
        other.login("pds-office", demo.password("pds-office"));
        other.get("/inbox");
        assertThat(other.post("/inbox/" + first + "/read", Map.of()).statusCode())
                .isEqualTo(404);

        // mark all read from the page
        publishCommitted(Notice.toAccount("NOTICE", "徽标 " + t + " 丙", null, null, leaderId));
        web.get("/inbox");
        HttpResponse<String> list = web.post("/inbox/read-all", Map.of());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("inboxList").doesNotContain("fw-bold unread");
        assertThat(inbox.unreadCount(leaderId)).isZero();
    }

    @Test
    void everySignedInAccountHasAnInbox_administratorsToo() {
        WebClient web = new WebClient(port);
        web.login("auditadmin", demo.password("auditadmin"));
        HttpResponse<String> page = web.get("/inbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("收件箱", "id=\"inboxBadge\"");
        assertThat(new WebClient(port).get("/inbox").statusCode())
                .as("not signed in")
                .isEqualTo(302);
    }

    static int badge(String html) {
        Matcher m = BADGE.matcher(html);
        assertThat(m.find()).as("the header badge is on the page").isTrue();
        return Integer.parseInt(m.group(2));
    }

    static List<String> titles(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(n -> out.add(n.get("title").asText()));
        return out;
    }

    static long idOf(JsonNode page, String title) {
        for (JsonNode n : page.get("items")) {
            if (n.get("title").asText().equals(title)) {
                return n.get("id").asLong();
            }
        }
        throw new AssertionError("no notification " + title);
    }
}
