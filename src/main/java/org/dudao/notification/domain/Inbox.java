package org.dudao.notification.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dudao.identity.IdentityApi;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.notice.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 收件箱: every account's notifications. Delivery writes one row per recipient in the caller's
 * transaction; an account reads and marks only its own notifications (another account's answers 404,
 * audited as a denial).
 */
@Service
public class Inbox {

    static final String TYPE = "notification";
    static final int TITLE_MAX = 300;
    static final int LINK_MAX = 500;
    public static final int PAGE_SIZE = 50;
    static final int PAGE_SIZE_MAX = 200;
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private static final String COLUMNS = "id, kind, title, body, link, created_at, read_at";
    private static final RowMapper<NotificationView> ROW = (rs, i) -> new NotificationView(
            rs.getLong("id"),
            rs.getString("kind"),
            rs.getString("title"),
            rs.getString("body"),
            rs.getString("link"),
            rs.getTimestamp("created_at").toInstant(),
            instant(rs.getTimestamp("read_at")));

    private final JdbcClient jdbc;
    private final IdentityApi identity;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final NoticeMailer mailer;

    Inbox(JdbcClient jdbc, IdentityApi identity, Clock clock, ApplicationEventPublisher events, NoticeMailer mailer) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.identity = identity;
        this.clock = clock;
        this.events = events;
    }

    /** A page of an account's inbox, newest first, with its unread count. */
    public record InboxPage(List<NotificationView> items, int page, int size, boolean hasMore, long unread) {}

    /**
     * Writes the notice to the inbox of each recipient once, in the current transaction (which must be a
     * read-write one). Returns the number of accounts reached.
     *
     * @param reminderId the reminder this notice delivers, or null
     */
    @Transactional
    public int deliver(Notice notice, Long reminderId) {
        if (!KIND.matcher(notice.kind()).matches()) {
            throw new IllegalArgumentException("notice kind must be an upper-case word: " + notice.kind());
        }
        Set<Long> accounts = new TreeSet<>(identity.activeAmong(notice.accountIds()));
        accounts.addAll(identity.activeAccountIds(notice.unitIds(), notice.roles()));
        if (accounts.isEmpty()) {
            return 0;
        }
        mailer.afterCommit(notice, accounts);
        return jdbc.sql("insert into notification (account_id, kind, title, body, link, reminder_id, created_at)"
                        + " select a, cast(? as varchar), cast(? as varchar), cast(? as text), cast(? as varchar),"
                        + " cast(? as bigint), cast(? as timestamptz) from unnest(cast(? as bigint[])) as a"
                        + " on conflict do nothing")
                .params(
                        notice.kind(),
                        Texts.abbreviate(notice.title(), TITLE_MAX),
                        notice.body(),
                        localLink(notice.link()),
                        reminderId,
                        clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC),
                        accounts.toArray(Long[]::new))
                .update();
    }

    @Transactional(readOnly = true)
    public InboxPage page(long accountId, boolean unreadOnly, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(PAGE_SIZE_MAX, size));
        List<NotificationView> rows = jdbc.sql("select " + COLUMNS + " from notification where account_id = ?"
                        + (unreadOnly ? " and read_at is null" : "")
                        + " order by created_at desc, id desc limit ? offset ?")
                .params(accountId, s + 1, (long) p * s)
                .query(ROW)
                .list();
        boolean more = rows.size() > s;
        return new InboxPage(more ? rows.subList(0, s) : rows, p, s, more, unreadCount(accountId));
    }

    /** The number of unread notifications: one count on a partial index. */
    @Transactional(readOnly = true)
    public long unreadCount(long accountId) {
        return jdbc.sql("select count(*) from notification where account_id = ? and read_at is null")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    /** Marks one of the account's notifications read (again is harmless); 404 for anyone else's. */
    @Transactional
    public NotificationView markRead(long accountId, long id) {
        return jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and account_id = ?"
                        + " returning " + COLUMNS)
                .params(now(), id, accountId)
                .query(ROW)
                .optional()
                .orElseThrow(() -> notFound(accountId, id));
    }

    /** Marks every unread notification of the account read; returns how many. */
    @Transactional
    public int markAllRead(long accountId) {
        return jdbc.sql("update notification set read_at = ? where account_id = ? and read_at is null")
                .params(now(), accountId)
                .update();
    }

    private NotFoundException notFound(long accountId, long id) {
        boolean someoneElses = jdbc.sql("select exists (select 1 from notification where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
        if (someoneElses) {
            events.publishEvent(AuditEvent.denied("notification.read", TYPE, id, "another account's notification"));
        }
        return new NotFoundException(TYPE, id);
    }

    private java.time.OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A path inside Dudao, or null: a notice never links to another site. */
    static String localLink(String link) {
        if (link == null) {
            return null;
        }
        String l = link.strip();
        if (!l.startsWith("/") || l.startsWith("//") || l.contains("\\") || l.length() > LINK_MAX) {
            return null;
        }
        return l;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
