package org.dudao.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 督察组: a leader, members from member units and invited experts, with its report (督察组报告).
 *
 * @param reportDue the day the team's report is due (seed 002: 8月25日前)
 */
public record TeamView(
        long id,
        long campaignId,
        String name,
        List<Member> members,
        String reportStatus,
        String reportSummary,
        Instant reportSubmittedAt,
        boolean reportLate,
        LocalDate reportDue) {

    /**
     * @param role LEADER 组长, MEMBER 成员, EXPERT 特邀专家
     * @param unitName the member unit (for LEADER and MEMBER), or the organisation an expert comes from
     * @param username the account that scores for the team, if any
     */
    public record Member(String role, String name, Long unitId, String unitName, String username) {}

    public String leaderName() {
        return members.stream()
                .filter(m -> "LEADER".equals(m.role()))
                .map(Member::name)
                .findFirst()
                .orElse("");
    }

    public boolean reportSubmitted() {
        return "SUBMITTED".equals(reportStatus);
    }
}
