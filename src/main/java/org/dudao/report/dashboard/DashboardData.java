package org.dudao.report.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.ExtensionView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.ScoringRow;
import org.dudao.evidence.EvidenceApi;
import org.dudao.evidence.SubmissionCell;
import org.dudao.evidence.SubmissionStatus;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitView;
import org.dudao.report.dashboard.Dashboard.DeadlineItem;
import org.dudao.report.dashboard.DashboardAccess.Seat;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.ScoringApi;
import org.dudao.scoring.TaskScoreView;
import org.dudao.scoring.WorkflowView;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;

/**
 * What one request reads, each piece once and only when a dashboard needs it: the campaign's
 * structure, results, breakdowns, submissions and evaluations.
 */
final class DashboardData {

    /** Per target: its material tasks and where their submissions stand, on the database's clock. */
    record Progress(
            TargetView target,
            int tasks,
            int handedIn,
            int drafts,
            int returned,
            int overdue,
            LocalDate firstOverdue,
            List<DeadlineItem> items) {

        int notStarted() {
            return tasks - handedIn - drafts - returned;
        }
    }

    private final CampaignApi campaigns;
    private final EvidenceApi evidence;
    private final EvaluationApi evaluations;
    private final ScoringApi scoring;
    private final OrganizationApi organization;
    private final Seat seat;
    private final Instant now;
    private List<CategoryView> categories;
    private List<TargetView> targets;
    private List<TaskView> tasks;
    private Optional<WorkflowView> workflow;
    private List<ResultView> results;
    private Map<String, SubmissionCell> submissions;
    private List<ScoringRow> rated;
    private final Map<Long, List<Map<String, Object>>> breakdowns = new HashMap<>();
    private final Map<Long, Map<Long, List<Map<String, Object>>>> categoryLines = new HashMap<>();
    private final Map<Long, List<String>> indicators = new HashMap<>();
    private final Map<Long, String> units = new HashMap<>();
    private Map<Long, List<ExtensionView>> extensions;

    DashboardData(
            Seat seat,
            Instant now,
            CampaignApi campaigns,
            EvidenceApi evidence,
            EvaluationApi evaluations,
            ScoringApi scoring,
            OrganizationApi organization) {
        this.seat = seat;
        this.now = now;
        this.campaigns = campaigns;
        this.evidence = evidence;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.organization = organization;
    }

    /** When the figures were read (the database's clock): what "overdue" is measured against. */
    Instant now() {
        return now;
    }

    Seat seat() {
        return seat;
    }

    CampaignView campaign() {
        return seat.campaign();
    }

    CurrentUser user() {
        return seat.user();
    }

    LocalDate today() {
        return LocalDate.ofInstant(now, ClockConfiguration.ZONE);
    }

    List<CategoryView> categories() {
        if (categories == null) {
            categories = campaigns.categories(campaign().id());
        }
        return categories;
    }

    List<TargetView> targets() {
        if (targets == null) {
            targets = campaigns.targets(campaign().id());
        }
        return targets;
    }

    List<TaskView> tasks() {
        if (tasks == null) {
            tasks = campaigns.tasks(campaign().id());
        }
        return tasks;
    }

    Optional<WorkflowView> workflow() {
        if (workflow == null) {
            workflow = scoring.workflow(campaign().id());
        }
        return workflow;
    }

    String resultsStatus() {
        return workflow().map(WorkflowView::status).orElse("NONE");
    }

    boolean hasResults() {
        return workflow().isPresent() && !results().isEmpty();
    }

    boolean published() {
        return workflow().map(WorkflowView::published).orElse(false)
                && !results().isEmpty();
    }

    List<ResultView> results() {
        if (results == null) {
            results = scoring.results(campaign().id());
        }
        return results;
    }

    Map<String, SubmissionCell> submissions() {
        if (submissions == null) {
            submissions = new HashMap<>();
            evidence.submissionCells(campaign().id()).forEach(s -> submissions.put(s.targetId() + ":" + s.taskId(), s));
        }
        return submissions;
    }

    /** The campaign's evaluations (lean rows: only who was rated on which task matters here). */
    List<ScoringRow> evaluations() {
        if (rated == null) {
            rated = evaluations.forScoring(campaign().id());
        }
        return rated;
    }

    /** The task lines of a target's stored breakdown. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> taskLines(long targetId) {
        return breakdowns.computeIfAbsent(
                targetId,
                t -> scoring.breakdown(campaign().id(), t)
                        .map(b -> b.get("tasks") instanceof List<?> l ? (List<Map<String, Object>>) l : null)
                        .orElse(List.of()));
    }

    /**
     * The task lines of every target of a category with a stored result, by target, in one streamed read
     * ({@link ScoringApi#taskScores}) instead of one breakdown per target; each line has the breakdown's
     * {@code path}, {@code maxPoints}, {@code score} and {@code notApplicable}.
     */
    Map<Long, List<Map<String, Object>>> taskLinesOfCategory(long categoryId) {
        return categoryLines.computeIfAbsent(categoryId, c -> {
            Map<Long, TaskView> taskById = new HashMap<>();
            tasks().forEach(t -> taskById.put(t.id(), t));
            Map<Long, List<Map<String, Object>>> out = new HashMap<>();
            scoring.taskScores(campaign().id(), c, (TaskScoreView s) -> {
                TaskView task = taskById.get(s.taskId());
                if (task == null) {
                    return;
                }
                Map<String, Object> line = new HashMap<>();
                line.put("path", task.path());
                line.put("maxPoints", task.points());
                line.put("score", s.score());
                line.put("notApplicable", s.notApplicable());
                out.computeIfAbsent(s.targetId(), t -> new ArrayList<>()).add(line);
            });
            return out;
        });
    }

    /** The first-level indicators of a category, in the order of its tasks. */
    List<String> indicators(long categoryId) {
        return indicators.computeIfAbsent(categoryId, c -> {
            Set<String> out = new LinkedHashSet<>();
            tasks().stream()
                    .filter(t -> t.categoryId() == c)
                    .forEach(t -> out.add(DashboardFigures.indicator(t.path())));
            return List.copyOf(out);
        });
    }

    String unitName(long unitId) {
        return units.computeIfAbsent(
                unitId, u -> organization.find(u).map(UnitView::name).orElse(String.valueOf(u)));
    }

    List<Progress> progress() {
        return targets().stream().map(this::progress).toList();
    }

    /** Where the target's material tasks stand: handed in, drafts, returned, overdue (database clock). */
    Progress progress(TargetView target) {
        if (extensions == null) {
            extensions = new HashMap<>();
            campaigns
                    .extensionsOfCampaign(campaign().id())
                    .forEach(e -> extensions
                            .computeIfAbsent(e.targetId(), k -> new ArrayList<>())
                            .add(e));
        }
        List<ExtensionView> ext = extensions.getOrDefault(target.id(), List.of());
        int tasks = 0, handed = 0, drafts = 0, returned = 0, overdue = 0;
        LocalDate firstOverdue = null;
        List<DeadlineItem> items = new ArrayList<>();
        for (TaskView t : tasks()) {
            if (t.categoryId() != target.categoryId() || !t.needsMaterial()) {
                continue;
            }
            tasks++;
            SubmissionCell s = submissions().get(target.id() + ":" + t.id());
            SubmissionStatus status = s == null ? SubmissionStatus.NOT_STARTED : s.status();
            if (status.isHandedIn()) {
                handed++;
            } else if (status == SubmissionStatus.DRAFT) {
                drafts++;
            } else if (status == SubmissionStatus.RETURNED) {
                returned++;
            }
            Instant due = CampaignApi.effectiveDue(t, ext);
            LocalDate dueDay = due == null ? null : LocalDate.ofInstant(due.minusNanos(1), ClockConfiguration.ZONE);
            boolean late = !status.isHandedIn() && due != null && !now.isBefore(due);
            if (late) {
                overdue++;
                if (firstOverdue == null || dueDay.isBefore(firstOverdue)) {
                    firstOverdue = dueDay;
                }
            }
            items.add(new DeadlineItem(
                    t.id(), t.title(), DashboardFigures.indicator(t.path()), dueDay, status.name(), late));
        }
        return new Progress(target, tasks, handed, drafts, returned, overdue, firstOverdue, items);
    }

    DashboardBuilder builder(DashboardRole role, TargetView target, boolean shown, List<Chart> charts) {
        return new DashboardBuilder(this, role, target, shown, charts);
    }
}
