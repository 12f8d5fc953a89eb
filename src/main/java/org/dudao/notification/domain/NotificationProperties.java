package org.dudao.notification.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dudao.notification.*}.
 *
 * @param reminderCron when the reminder job runs, a Spring cron expression in Asia/Shanghai (second
 *     minute hour day month weekday); default every hour on the hour from 08:00 to 20:00; {@code -}
 *     switches reminders off. Whichever node's turn comes first runs it; the others skip that turn.
 * @param mailFrom the sender of notification e-mails (sent only when {@code spring.mail.host} is set)
 * @param baseUrl the address users open Dudao at, for the links in e-mails
 */
@ConfigurationProperties("dudao.notification")
public record NotificationProperties(
        @DefaultValue(NotificationProperties.DEFAULT_CRON) String reminderCron,
        @DefaultValue("dudao@localhost") String mailFrom,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    public static final String DEFAULT_CRON = "0 0 8-20 * * *";
}
