package org.dudao.notification.domain;

import java.util.Map;
import java.util.Set;
import org.dudao.identity.IdentityApi;
import org.dudao.shared.notice.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mails a delivered notice to the recipients that have an address, when SMTP is configured
 * ({@code spring.mail.host}; without it there is no mail sender and nothing is sent). Mail goes out
 * after the transaction commits, on a background thread, best effort: a failure is logged and never
 * undoes the action or the inbox entry.
 */
@Component
public class NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final IdentityApi identity;
    private final NotificationProperties properties;
    private final TaskExecutor executor;

    NoticeMailer(
            ObjectProvider<JavaMailSender> senders,
            IdentityApi identity,
            NotificationProperties properties,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.senders = senders;
        this.identity = identity;
        this.properties = properties;
        this.executor = executor;
    }

    /** Sends the notice to the accounts' addresses once the current transaction has committed. */
    public void afterCommit(Notice notice, Set<Long> accounts) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null || accounts.isEmpty()) {
            return;
        }
        Map<Long, String> emails = identity.emails(accounts);
        if (emails.isEmpty()) {
            return;
        }
        Runnable send = () -> executor.execute(() -> send(sender, notice, emails));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** One message per address; returns how many went out. */
    int send(JavaMailSender sender, Notice notice, Map<Long, String> emails) {
        int sent = 0;
        for (Map.Entry<Long, String> e : emails.entrySet()) {
            SimpleMailMessage m = message(notice, e.getValue());
            try {
                sender.send(m);
                sent++;
            } catch (MailException ex) {
                log.warn("notification e-mail to account {} failed: {}", e.getKey(), ex.getMessage());
            }
        }
        return sent;
    }

    SimpleMailMessage message(Notice notice, String to) {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(properties.mailFrom());
        m.setTo(to);
        m.setSubject("【督导】" + notice.title());
        StringBuilder text = new StringBuilder();
        if (notice.body() != null && !notice.body().isBlank()) {
            text.append(notice.body().strip()).append("\n\n");
        }
        String link = Inbox.localLink(notice.link());
        if (link != null) {
            text.append("查看：")
                    .append(properties.baseUrl().replaceAll("/+$", ""))
                    .append(link)
                    .append('\n');
        }
        text.append("\n（本邮件由督导平台自动发送，请勿直接回复。）\n");
        m.setText(text.toString());
        return m;
    }
}
