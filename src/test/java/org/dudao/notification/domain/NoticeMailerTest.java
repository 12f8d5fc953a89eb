package org.dudao.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.dudao.shared.notice.Notice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Notification e-mail through a real SMTP server (GreenMail, in the test's JVM): one message per
 * address, Chinese subject and body intact, the link made absolute; an unreachable server costs the
 * messages but never throws.
 */
class NoticeMailerTest {

    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    NoticeMailer mailer() {
        return new NoticeMailer(
                null, null, new NotificationProperties("-", "dudao@pds.example", "https://dudao.pds.example/"), null);
    }

    JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost("127.0.0.1");
        s.setPort(port);
        s.setDefaultEncoding("UTF-8");
        return s;
    }

    @Test
    void eachAddressGetsTheNoticeWithAnAbsoluteLink() throws Exception {
        Notice notice = Notice.toAccounts(
                "REVIEW", "【复核申请】舞钢市人民政府", "请于 2026-10-20 24:00 前作出复核决定。", "/campaigns/7/reviews/3", Set.of(1L, 2L));
        Map<Long, String> emails = new LinkedHashMap<>();
        emails.put(1L, "office@pds.example");
        emails.put(2L, "leader@pds.example");

        int sent = mailer().send(sender(smtp.getSmtp().getPort()), notice, emails);

        assertThat(sent).isEqualTo(2);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("【督导】【复核申请】舞钢市人民政府");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("dudao@pds.example");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(received[0].getContent().toString())
                .contains("请于 2026-10-20 24:00 前作出复核决定。")
                .contains("https://dudao.pds.example/campaigns/7/reviews/3");
        assertThat(body).isNotBlank();
        assertThat(received)
                .extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("office@pds.example", "leader@pds.example");
    }

    @Test
    void anUnreachableServerLosesTheMailButNotTheAction() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        Notice notice = Notice.toAccounts("PROBLEM", "【问题反馈】", "正文", "/inbox", Set.of(1L));
        int sent = mailer().send(sender(port), notice, Map.of(1L, "target@pds.example"));
        assertThat(sent).isZero();
    }
}
