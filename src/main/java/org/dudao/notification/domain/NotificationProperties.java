package org.dudao.notification.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dudao.notification.*}.
 *
 * @param reminderCron when the reminder job runs, a Spring cron expression in Asia/Shanghai (second
 *     minute hour day month weekday); default every hour on the hour from 08:00 to 20:00; {@code -}
 *     switches reminders off. Whichever node's turn comes first runs it; the others skip that turn.
 */
@ConfigurationProperties("dudao.notification")
public record NotificationProperties(
        @DefaultValue(NotificationProperties.DEFAULT_CRON) String reminderCron) {

    public static final String DEFAULT_CRON = "0 0 8-20 * * *";
}
