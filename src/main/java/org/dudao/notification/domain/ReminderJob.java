package org.dudao.notification.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reminder job: hourly from 08:00 to 20:00 Asia/Shanghai ({@code dudao.notification.reminder-cron}),
 * on one node of the cluster at a time. The lock is a row of {@code shedlock} on the database's clock;
 * it is held at least five minutes, so that a node whose clock is a little behind does not start the
 * same hour's run again, and at most thirty. Exactly-once does not rest on the lock: {@link Reminders}
 * claims each reminder's unique key before sending it.
 */
@Component
public class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    static final String LOCK = "reminders";

    private final Reminders reminders;

    ReminderJob(Reminders reminders, NotificationProperties properties) {
        this.reminders = reminders;
        log.info("截止提醒任务 / reminder job: cron \"{}\" (Asia/Shanghai)", properties.reminderCron());
    }

    @Scheduled(
            cron = "${dudao.notification.reminder-cron:" + NotificationProperties.DEFAULT_CRON + "}",
            zone = "Asia/Shanghai")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    public void run() {
        reminders.sendDue();
    }
}
