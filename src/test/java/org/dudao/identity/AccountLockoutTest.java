package org.dudao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.dudao.identity.domain.Account;
import org.dudao.identity.domain.Usernames;
import org.junit.jupiter.api.Test;

/** 登录失败锁定: five failures within 15 minutes lock the account for 30 minutes. */
class AccountLockoutTest {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(30);
    final Instant t0 = Instant.parse("2026-11-21T01:00:00Z");

    Account account() {
        return new Account("pds-xq-01", "测试", 1, "{noop}x", t0);
    }

    @Test
    void fifthFailureWithinTheWindowLocksForThirtyMinutes() {
        Account a = account();
        for (int i = 0; i < 4; i++) {
            assertThat(a.recordFailure(t0.plusSeconds(60L * i), 5, WINDOW, LOCK))
                    .isFalse();
        }
        assertThat(a.recordFailure(t0.plusSeconds(300), 5, WINDOW, LOCK)).isTrue();
        assertThat(a.isLocked(t0.plusSeconds(300 + 29 * 60))).isTrue();
        assertThat(a.isLocked(t0.plusSeconds(300 + 30 * 60))).isFalse();
    }

    @Test
    void aFailureAfterTheWindowStartsCountingAgain() {
        Account a = account();
        for (int i = 0; i < 4; i++) {
            a.recordFailure(t0, 5, WINDOW, LOCK);
        }
        assertThat(a.recordFailure(t0.plus(WINDOW), 5, WINDOW, LOCK)).isFalse();
    }

    @Test
    void successAndUnlockResetTheCount() {
        Account a = account();
        for (int i = 0; i < 4; i++) {
            a.recordFailure(t0, 5, WINDOW, LOCK);
        }
        a.recordSuccess(t0.plusSeconds(1));
        assertThat(a.recordFailure(t0.plusSeconds(2), 5, WINDOW, LOCK)).isFalse();
        for (int i = 0; i < 4; i++) {
            a.recordFailure(t0.plusSeconds(3), 5, WINDOW, LOCK);
        }
        assertThat(a.isLocked(t0.plusSeconds(4))).isTrue();
        a.unlock();
        assertThat(a.isLocked(t0.plusSeconds(4))).isFalse();
    }

    @Test
    void usernamesDifferingInCaseOrWidthShareOneKey() {
        assertThat(Usernames.key("Pdssszfbgsxzfyysk")).isEqualTo(Usernames.key("pdssszfbgsxzfyysk"));
        assertThat(Usernames.key("ｐｄｓ－ｘｑ－０１")).isEqualTo(Usernames.key("pds-xq-01"));
        assertThat(Usernames.clean("ｐｄｓ－ｘｑ－０１")).isEqualTo("pds-xq-01");
    }

    @Test
    void passwordExpiresAfterTheConfiguredPeriod() {
        Account a = account();
        assertThat(a.passwordChangeRequired(t0.plus(Duration.ofDays(89)), Duration.ofDays(90)))
                .isFalse();
        assertThat(a.passwordChangeRequired(t0.plus(Duration.ofDays(90)), Duration.ofDays(90)))
                .isTrue();
    }
}
