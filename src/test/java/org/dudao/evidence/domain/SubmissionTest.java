package org.dudao.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import org.dudao.evidence.SubmissionStatus;
import org.dudao.shared.error.ConflictException;
import org.junit.jupiter.api.Test;

/** 报送状态的流转：草稿 → 已报送 → 已退回 → 已重新报送 → 已锁定。 */
class SubmissionTest {

    static Submission draft() {
        return new Submission(1, 1, 1, 1, SubmissionStatus.DRAFT, null, new ArrayList<>(), 0, null, null, null);
    }

    @Test
    void submitReturnResubmitLockCountsVersions() {
        Submission s = draft();
        Instant now = Instant.parse("2026-12-30T08:00:00Z");
        assertThat(s.submit(now, true)).isEqualTo(SubmissionStatus.DRAFT);
        assertThat(s.status).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(s.versions).isEqualTo(1);
        s.returnToTarget(now, "缺盖章件");
        assertThat(s.status).isEqualTo(SubmissionStatus.RETURNED);
        assertThat(s.returnReason).isEqualTo("缺盖章件");
        s.requireEditable();
        s.submit(now, true);
        assertThat(s.status).isEqualTo(SubmissionStatus.RESUBMITTED);
        assertThat(s.versions).isEqualTo(2);
        s.lock();
        assertThat(s.status).isEqualTo(SubmissionStatus.LOCKED);
    }

    @Test
    void aSecondSubmitAndAnEmptySubmitAreRefused() {
        Submission s = draft();
        assertThatThrownBy(() -> s.submit(Instant.now(), false))
                .isInstanceOf(ConflictException.class)
                .hasMessage("evidence.nothingToSubmit");
        s.submit(Instant.now(), true);
        assertThatThrownBy(() -> s.submit(Instant.now(), true)).hasMessage("evidence.alreadySubmitted");
        assertThat(s.versions).isEqualTo(1);
    }

    @Test
    void aHandedInSubmissionChangesOnlyAfterARecallAndALockedOneNever() {
        Submission s = draft();
        s.submit(Instant.now(), true);
        assertThatThrownBy(s::requireEditable).hasMessage("evidence.recallFirst");
        s.recall();
        s.requireEditable();
        assertThat(s.status).isEqualTo(SubmissionStatus.DRAFT);
        s.submit(Instant.now(), true);
        s.lock();
        assertThatThrownBy(s::requireEditable).hasMessage("evidence.locked");
        assertThatThrownBy(s::recall).hasMessage("evidence.locked");
        assertThatThrownBy(() -> s.returnToTarget(Instant.now(), "x")).hasMessage("evidence.locked");
    }

    @Test
    void onlyAHandedInSubmissionCanBeReturned() {
        assertThatThrownBy(() -> draft().returnToTarget(Instant.now(), "x")).hasMessage("evidence.notSubmitted");
    }

    @Test
    void wordsCountChineseCharactersAndLatinWords() {
        assertThat(Words.count("已完成清理，见附件。")).isEqualTo(10);
        assertThat(Words.count("共 12 项 PDF 文件")).isEqualTo(6);
        assertThat(Words.count("  ")).isZero();
        assertThat(Words.count(null)).isZero();
    }
}
