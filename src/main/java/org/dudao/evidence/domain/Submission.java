package org.dudao.evidence.domain;

import java.time.Instant;
import java.util.List;
import org.dudao.evidence.SubmissionStatus;
import org.dudao.shared.error.ConflictException;

/**
 * A submission's state with its guarded transitions. 状态：草稿 → 已报送 → 已退回 → 已重新报送 … → 已锁定；
 * 报送后如需修改，截止前可撤回为草稿。Deadlines are checked by the service (database clock) before any of these.
 */
public final class Submission {

    final long id;
    final long campaignId;
    final long targetId;
    final long taskId;
    SubmissionStatus status;
    String explanation;
    List<String> checklist;
    int versions;
    Instant submittedAt;
    Instant returnedAt;
    String returnReason;

    Submission(
            long id,
            long campaignId,
            long targetId,
            long taskId,
            SubmissionStatus status,
            String explanation,
            List<String> checklist,
            int versions,
            Instant submittedAt,
            Instant returnedAt,
            String returnReason) {
        this.id = id;
        this.campaignId = campaignId;
        this.targetId = targetId;
        this.taskId = taskId;
        this.status = status;
        this.explanation = explanation;
        this.checklist = checklist;
        this.versions = versions;
        this.submittedAt = submittedAt;
        this.returnedAt = returnedAt;
        this.returnReason = returnReason;
    }

    /** The target changes files, links, explanation or checklist: only while it holds the submission. */
    void requireEditable() {
        if (!status.isEditable()) {
            throw new ConflictException(
                    null, status == SubmissionStatus.LOCKED ? "evidence.locked" : "evidence.recallFirst");
        }
        if (status == SubmissionStatus.NOT_STARTED) {
            status = SubmissionStatus.DRAFT;
        }
    }

    /** 报送 / 重新报送: a new version; a second click on an unchanged submission is refused. */
    SubmissionStatus submit(Instant now, boolean hasContent) {
        if (status.isHandedIn()) {
            throw new ConflictException(null, "evidence.alreadySubmitted");
        }
        if (!hasContent) {
            throw new ConflictException(null, "evidence.nothingToSubmit");
        }
        SubmissionStatus from = status;
        status = from == SubmissionStatus.RETURNED ? SubmissionStatus.RESUBMITTED : SubmissionStatus.SUBMITTED;
        versions++;
        submittedAt = now;
        return from;
    }

    /** 撤回: the target takes a handed-in submission back to change it (before the deadline). */
    SubmissionStatus recall() {
        if (status != SubmissionStatus.SUBMITTED && status != SubmissionStatus.RESUBMITTED) {
            throw new ConflictException(
                    null, status == SubmissionStatus.LOCKED ? "evidence.locked" : "evidence.notSubmitted");
        }
        SubmissionStatus from = status;
        status = SubmissionStatus.DRAFT;
        return from;
    }

    /** 退回: the assessor asks for more material, with a reason. */
    SubmissionStatus returnToTarget(Instant now, String reason) {
        if (status != SubmissionStatus.SUBMITTED && status != SubmissionStatus.RESUBMITTED) {
            throw new ConflictException(
                    null, status == SubmissionStatus.LOCKED ? "evidence.locked" : "evidence.notSubmitted");
        }
        SubmissionStatus from = status;
        status = SubmissionStatus.RETURNED;
        returnedAt = now;
        returnReason = reason;
        return from;
    }

    /** 锁定: the assessor accepts the submission as the basis of its rating; nothing changes any more. */
    SubmissionStatus lock() {
        if (status != SubmissionStatus.SUBMITTED && status != SubmissionStatus.RESUBMITTED) {
            throw new ConflictException(
                    null, status == SubmissionStatus.LOCKED ? "evidence.locked" : "evidence.notSubmitted");
        }
        SubmissionStatus from = status;
        status = SubmissionStatus.LOCKED;
        return from;
    }
}
