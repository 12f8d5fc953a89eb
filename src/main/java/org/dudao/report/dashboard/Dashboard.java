package org.dudao.report.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A dashboard (驾驶舱) of a campaign as one role sees it: its charts and the lists beside them. Sections
 * a role does not have are null (and left out of the JSON).
 *
 * @param role OFFICE, LEADER, TARGET or ASSESSOR: whose dashboard this is
 * @param roles the dashboards the caller may open in this campaign
 * @param targetId the target a TARGET dashboard is about
 * @param resultsStatus where the results stand (NONE, COMPUTED … PUBLISHED)
 * @param resultsShown whether this dashboard shows scores (for a target and leaders: once published)
 * @param categoryStats per category: how many targets, their average, lowest and highest final score
 * @param overdue what is past its due day and not done: submissions, review decisions, rectifications
 * @param deadlines a target's material tasks with their due day and status
 * @param openItems a target's open problems, reviews and rectification items
 * @param toRate an assessor's tasks with how many targets are rated and still to rate
 * @param returned submissions an assessor returned that the target has not handed in again
 * @param bottom the bottom-N list of each ranked category (后N名)
 * @param regression the big-regression list (退步较大)
 * @param changes every target's final score against the previous campaign's (同比)
 * @param own a target's score against its category
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dashboard(
        long campaignId,
        String campaignName,
        int year,
        String role,
        List<String> roles,
        Long targetId,
        String targetName,
        String category,
        String resultsStatus,
        boolean resultsShown,
        Instant generatedAt,
        List<Chart> charts,
        List<CategoryStats> categoryStats,
        List<OverdueItem> overdue,
        List<DeadlineItem> deadlines,
        List<OpenItem> openItems,
        List<RateItem> toRate,
        List<ReturnedItem> returned,
        List<ResultItem> bottom,
        List<ResultItem> regression,
        List<ResultItem> changes,
        PreviousCampaign previous,
        OwnScore own) {

    public record CategoryStats(
            String category,
            int targets,
            int scored,
            BigDecimal average,
            BigDecimal min,
            BigDecimal max,
            String best) {}

    /**
     * @param kind SUBMISSION (material not handed in), REVIEW (decision not given), RECTIFICATION (not done)
     * @param objectId the target (SUBMISSION: its tasks, counted), task (a target's own list), review or
     *     rectification item
     * @param due the earliest due day passed
     * @param count how many items the line stands for
     */
    public record OverdueItem(
            String kind, long targetId, String targetName, long objectId, String subject, LocalDate due, int count) {}

    public record DeadlineItem(
            long taskId, String task, String indicator, LocalDate due, String status, boolean overdue) {}

    /** @param kind PROBLEM, REVIEW or RECTIFICATION */
    public record OpenItem(String kind, long id, String subject, String status, LocalDate due, boolean overdue) {}

    /** @param routine a 日常掌握 task: its score comes from the year's routine work */
    public record RateItem(
            long taskId, String task, String category, int targets, int rated, int remaining, boolean routine) {}

    public record ReturnedItem(long targetId, String targetName, long taskId, String task) {}

    /** A target's result, with last campaign's where there is one. */
    public record ResultItem(
            long targetId,
            String name,
            String category,
            BigDecimal finalScore,
            String level,
            Integer rank,
            BigDecimal previousFinal,
            Integer previousRank,
            BigDecimal change) {}

    public record PreviousCampaign(long id, String name, int year) {}

    /**
     * @param rankedOf how many targets the category ranks (null when unranked)
     */
    public record OwnScore(
            BigDecimal finalScore,
            String level,
            Integer rank,
            Integer rankedOf,
            BigDecimal categoryAverage,
            BigDecimal categoryBest) {}
}
