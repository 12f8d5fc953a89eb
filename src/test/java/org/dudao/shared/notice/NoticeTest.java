package org.dudao.shared.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Notices and deadlines are values: recipients copied, never null. */
class NoticeTest {

    @Test
    void toUnits_namesUnitsAndRoles_andNoAccount() {
        Notice n = Notice.toUnits("SUBMISSION", "标题", null, "/campaigns/1/my", Set.of(5L, 6L), "TARGET", "LEADER");
        assertThat(n.unitIds()).containsExactlyInAnyOrder(5L, 6L);
        assertThat(n.roles()).containsExactlyInAnyOrder("TARGET", "LEADER");
        assertThat(n.accountIds()).isEmpty();
        assertThat(Notice.toUnits("NOTICE", "标题", null, null, Set.of(5L)).roles())
                .as("no role: every account of the units")
                .isEmpty();
    }

    @Test
    void recipientsAreCopied_andNullMeansNone() {
        Set<Long> accounts = new HashSet<>(Set.of(1L));
        Notice n = Notice.toAccounts("NOTICE", "标题", "正文", null, accounts);
        accounts.add(2L);
        assertThat(n.accountIds()).containsExactly(1L);
        Notice empty = new Notice("NOTICE", "标题", null, null, null, null, null);
        assertThat(empty.unitIds()).isEmpty();
        assertThat(empty.roles()).isEmpty();
        assertThat(empty.accountIds()).isEmpty();
        assertThat(Notice.toAccount("NOTICE", "标题", null, null, 7L).accountIds())
                .containsExactly(7L);
    }

    @Test
    void kindTitleAndDueAreRequired() {
        assertThatThrownBy(() -> Notice.toAccount(null, "标题", null, null, 1L)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Deadline("SUBMISSION", "k", null, "t", null, null, null, null))
                .isInstanceOf(NullPointerException.class);
        Deadline d = new Deadline("SUBMISSION", "k", LocalDate.parse("2026-03-17"), "t", null, null, null, null);
        assertThat(d.unitIds()).isEmpty();
    }
}
