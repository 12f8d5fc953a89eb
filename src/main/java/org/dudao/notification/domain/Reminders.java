package org.dudao.notification.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dudao.calendar.CalendarApi;
import org.dudao.calendar.CalendarRangeException;
import org.dudao.shared.notice.Deadline;
import org.dudao.shared.notice.DeadlineSource;
import org.dudao.shared.notice.Notice;
import org.dudao.shared.time.ClockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 截止提醒: asks every {@link DeadlineSource} for its open deadlines and sends the reminders due today
 * ({@link ReminderStage}). Each reminder is sent once however often and on however many nodes this
 * runs: it first inserts its key (object, stage, due day) into {@code notification_reminder} with
 * {@code on conflict do nothing}, and only when that created the row does it deliver the notifications,
 * in the same transaction. A second node racing for the same key waits for the first one's commit and
 * then inserts nothing.
 *
 * <p>One transaction per reminder: a deadline that fails (a day outside the calendar's years, a source's
 * bad data) is logged and skipped, and never stops the others.
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    /** Reminder texts are stored, like every notice, in the platform's first language. */
    static final Locale TEXT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final ObjectProvider<DeadlineSource> sources;
    private final CalendarApi calendar;
    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final Clock clock;

    Reminders(
            ObjectProvider<DeadlineSource> sources,
            CalendarApi calendar,
            Inbox inbox,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            MessageSource messages,
            Clock clock) {
        this.sources = sources;
        this.calendar = calendar;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setName("notification.reminder");
        this.messages = messages;
        this.clock = clock;
    }

    /** What one run did. */
    public record Run(LocalDate today, int deadlines, int sent, int notifications, int skipped, int failed) {}

    /** Sends the reminders due today (Asia/Shanghai, on the application's clock). */
    public Run sendDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.ZONE);
        int deadlines = 0, sent = 0, notifications = 0, skipped = 0, failed = 0;
        String firstSkipped = null;
        for (DeadlineSource source : sources.orderedStream().toList()) {
            List<Deadline> open;
            try {
                open = source.openDeadlines(today);
            } catch (RuntimeException e) {
                log.error(
                        "截止提醒：读取失败 / reminders: source {} failed",
                        source.getClass().getName(),
                        e);
                failed++;
                continue;
            }
            for (Deadline d : open) {
                deadlines++;
                try {
                    Optional<ReminderStage> stage = ReminderStage.on(today, d.due(), calendar::workingDaysBetween);
                    if (stage.isEmpty()) {
                        continue;
                    }
                    Integer reached = tx.execute(status -> send(d, stage.get()));
                    if (reached != null) {
                        sent++;
                        notifications += reached;
                    }
                } catch (CalendarRangeException e) {
                    log.debug("reminder skipped, day outside the calendar: {} due {}", d.objectKey(), d.due());
                    if (skipped++ == 0) {
                        firstSkipped = d.objectKey() + " due " + d.due();
                    }
                } catch (RuntimeException e) {
                    log.error("截止提醒失败，已跳过 / reminder failed: {} due {}", d.objectKey(), d.due(), e);
                    failed++;
                }
            }
        }
        Run run = new Run(today, deadlines, sent, notifications, skipped, failed);
        if (skipped > 0) {
            // one line per run, not one per deadline: typically next year's holidays are not entered yet
            log.warn(
                    "截止提醒：{} 个期限的日期超出工作日历范围（{}–{} 年），已跳过 / {} reminders skipped, days outside the"
                            + " working calendar, e.g. {}",
                    skipped,
                    calendar.firstYear(),
                    calendar.lastYear(),
                    skipped,
                    firstSkipped);
        }
        if (sent > 0 || failed > 0) {
            log.info("截止提醒 / reminders: {}", run);
        }
        return run;
    }

    /** Claims the reminder's key and, when this call created it, delivers it; null when already sent. */
    private Integer send(Deadline d, ReminderStage stage) {
        Optional<Long> claimed = jdbc.sql(
                        "insert into notification_reminder (object_key, stage, due, kind, sent_at) values (?, ?, ?, ?, ?)"
                                + " on conflict (object_key, stage, due) do nothing returning id")
                .params(
                        d.objectKey(),
                        stage.name(),
                        d.due(),
                        d.kind(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .optional();
        if (claimed.isEmpty()) {
            return null;
        }
        int reached = inbox.deliver(notice(d, stage), claimed.get());
        jdbc.sql("update notification_reminder set recipients = ? where id = ?")
                .params(reached, claimed.get())
                .update();
        return reached;
    }

    /** 【提醒】{title} 将于 {due} 截止（还剩 n 个工作日） / 【逾期】{title} 已于 {due} 截止. */
    Notice notice(Deadline d, ReminderStage stage) {
        String due = d.due().toString();
        String title = messages.getMessage(
                "notification.reminder." + stage.name(),
                new Object[] {d.title(), due, stage.workingDaysLeft()},
                TEXT_LOCALE);
        String body = messages.getMessage(
                "notification.reminder.body." + stage.name(), new Object[] {due, stage.workingDaysLeft()}, TEXT_LOCALE);
        return new Notice(d.kind(), title, body, d.link(), d.unitIds(), d.roles(), d.accountIds());
    }
}
