package org.dudao.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where a campaign's results stand: 已计算 COMPUTED → 已拟定 PROPOSED → 征求意见 CONSULTING → 已审定
 * APPROVED (two distinct leaders) → 已公布 PUBLISHED.
 *
 * @param stale evaluations or events changed since the last computation
 * @param lists the lists the computation produced (bottom-N per ranked category, regression, consecutive excellent)
 */
public record WorkflowView(
        long campaignId,
        String status,
        Instant computedAt,
        String computedBy,
        boolean stale,
        Instant proposedAt,
        String proposedBy,
        LocalDate consultUntil,
        Instant approvedAt,
        Instant publishedAt,
        String publishedBy,
        Map<String, Object> lists,
        List<Approval> approvals,
        List<Comment> comments) {

    public record Approval(String approver, String approverName, Instant approvedAt) {}

    public record Comment(long id, long unitId, String author, String authorName, String body, Instant createdAt) {}

    /** Approved or published: scores change only through a review. */
    public boolean frozen() {
        return "APPROVED".equals(status) || "PUBLISHED".equals(status);
    }

    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
