package org.dudao.evidence.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.ExtensionView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evidence.SubmissionStatus;
import org.dudao.evidence.domain.EvidenceRepository.Cell;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lists people work from: the target's checklist, the assessor's matrix, the office's progress. */
@Service
@Transactional(readOnly = true)
public class EvidenceQueries {

    private final CampaignApi campaigns;
    private final EvidenceRepository repo;
    private final EvidenceAccess access;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;

    EvidenceQueries(
            CampaignApi campaigns,
            EvidenceRepository repo,
            EvidenceAccess access,
            DatabaseTime time,
            ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.repo = repo;
        this.access = access;
        this.time = time;
        this.events = events;
    }

    /** One task on a target's list. */
    public record ChecklistItem(TaskView task, SubmissionStatus status, int files, Instant dueAt, boolean overdue) {

        /** Still to do: not handed in (or returned). */
        public boolean missing() {
            return !status.isHandedIn();
        }
    }

    public record Checklist(
            CampaignView campaign,
            TargetView target,
            List<ChecklistItem> items,
            List<EvidenceRepository.Reminder> reminders) {

        public long missing() {
            return items.stream().filter(ChecklistItem::missing).count();
        }
    }

    /** 我的报送清单: every material task of the caller's unit, what is still missing, and the deadlines. */
    public Checklist checklist(long campaignId, CurrentUser user) {
        TargetView target = access.targetOf(campaignId, user);
        CampaignView campaign = campaigns.campaign(campaignId);
        Map<Long, Cell> cells = new HashMap<>();
        repo.cells(campaignId).stream().filter(c -> c.targetId() == target.id()).forEach(c -> cells.put(c.taskId(), c));
        List<ExtensionView> ext = campaigns.extensions(target.id());
        Instant now = time.now();
        List<ChecklistItem> items = new ArrayList<>();
        for (TaskView t : campaigns.tasksOfCategory(target.categoryId())) {
            if (!t.needsMaterial()) {
                continue;
            }
            Cell c = cells.get(t.id());
            SubmissionStatus s = c == null ? SubmissionStatus.NOT_STARTED : c.status();
            Instant due = CampaignApi.effectiveDue(t, ext);
            items.add(new ChecklistItem(
                    t, s, c == null ? 0 : c.files(), due, due != null && !now.isBefore(due) && !s.isHandedIn()));
        }
        return new Checklist(campaign, target, items, repo.reminders(target.id()));
    }

    /** One row of the office's progress table. */
    public record TargetProgress(
            TargetView target, int tasks, int handedIn, int drafts, int returned, int overdue, int locked) {

        public int percent() {
            return tasks == 0 ? 100 : (int) Math.floor(handedIn * 100.0 / tasks);
        }
    }

    public record CategoryProgress(String category, List<TargetProgress> targets) {

        public int tasks() {
            return targets.stream().mapToInt(TargetProgress::tasks).sum();
        }

        public int handedIn() {
            return targets.stream().mapToInt(TargetProgress::handedIn).sum();
        }

        public int percent() {
            return tasks() == 0 ? 100 : (int) Math.floor(handedIn() * 100.0 / tasks());
        }

        public int overdue() {
            return targets.stream().mapToInt(TargetProgress::overdue).sum();
        }

        public int returned() {
            return targets.stream().mapToInt(TargetProgress::returned).sum();
        }
    }

    /** 报送进度 for the office: by category and target, % handed in, overdue, returned. */
    public List<CategoryProgress> progress(long campaignId, CurrentUser user) {
        CampaignView campaign = campaigns.managed(campaignId, user);
        Map<Long, List<TaskView>> tasksByCategory = new HashMap<>();
        for (TaskView t : campaigns.tasks(campaign.id())) {
            if (t.needsMaterial()) {
                tasksByCategory
                        .computeIfAbsent(t.categoryId(), k -> new ArrayList<>())
                        .add(t);
            }
        }
        Map<String, Cell> cells = new HashMap<>();
        repo.cells(campaignId).forEach(c -> cells.put(c.targetId() + ":" + c.taskId(), c));
        Instant now = time.now();
        Map<Long, List<ExtensionView>> extensions = new HashMap<>();
        campaigns
                .extensionsOfCampaign(campaignId)
                .forEach(e -> extensions
                        .computeIfAbsent(e.targetId(), k -> new ArrayList<>())
                        .add(e));
        Map<String, List<TargetProgress>> out = new LinkedHashMap<>();
        for (TargetView target : campaigns.targets(campaignId)) {
            List<ExtensionView> ext = extensions.getOrDefault(target.id(), List.of());
            int tasks = 0, handed = 0, drafts = 0, returned = 0, overdue = 0, locked = 0;
            for (TaskView t : tasksByCategory.getOrDefault(target.categoryId(), List.of())) {
                tasks++;
                Cell c = cells.get(target.id() + ":" + t.id());
                SubmissionStatus s = c == null ? SubmissionStatus.NOT_STARTED : c.status();
                if (s.isHandedIn()) {
                    handed++;
                }
                if (s == SubmissionStatus.DRAFT) {
                    drafts++;
                }
                if (s == SubmissionStatus.RETURNED) {
                    returned++;
                }
                if (s == SubmissionStatus.LOCKED) {
                    locked++;
                }
                Instant due = CampaignApi.effectiveDue(t, ext);
                if (!s.isHandedIn() && due != null && !now.isBefore(due)) {
                    overdue++;
                }
            }
            out.computeIfAbsent(target.category(), k -> new ArrayList<>())
                    .add(new TargetProgress(target, tasks, handed, drafts, returned, overdue, locked));
        }
        return out.entrySet().stream()
                .map(e -> new CategoryProgress(e.getKey(), e.getValue()))
                .toList();
    }

    /** 催报: the office reminds targets (all behind, or one) of what is missing; in-app, audited. */
    @Transactional
    public int remind(long campaignId, Long targetId, String message, CurrentUser user) {
        Texts.requiredMultiline("message", message, 1000, "evidence.remind.messageRequired");
        int sent = 0;
        for (CategoryProgress cat : progress(campaignId, user)) {
            for (TargetProgress p : cat.targets()) {
                boolean chosen = targetId != null ? p.target().id() == targetId : p.handedIn() < p.tasks();
                if (chosen) {
                    repo.insertReminder(campaignId, p.target().id(), message.strip(), user.username());
                    sent++;
                }
            }
        }
        events.publishEvent(AuditEvent.success(
                "evidence.remind",
                "campaign",
                campaignId,
                null,
                SubmissionService.map("targets", sent, "message", message.strip())));
        return sent;
    }

    /** The assessor's matrix: my tasks × the targets of their categories. */
    public record Matrix(
            CampaignView campaign,
            List<TaskView> tasks,
            List<TargetView> targets,
            Map<String, Cell> cells,
            Map<Long, List<String>> duplicatesBySubmission) {

        public Cell cell(TargetView target, TaskView task) {
            return cells.get(target.id() + ":" + task.id());
        }

        public SubmissionStatus status(TargetView target, TaskView task) {
            Cell c = cell(target, task);
            return c == null ? SubmissionStatus.NOT_STARTED : c.status();
        }

        public boolean applies(TargetView target, TaskView task) {
            return target.categoryId() == task.categoryId();
        }

        public boolean duplicate(TargetView target, TaskView task) {
            Cell c = cell(target, task);
            return c != null && duplicatesBySubmission.containsKey(c.submissionId());
        }
    }

    public Matrix matrix(long campaignId, String filter, CurrentUser user) {
        CampaignView campaign = campaigns.visible(campaignId, user);
        List<TaskView> tasks = campaigns.tasksAssessedBy(campaignId, user.unitId()).stream()
                .filter(TaskView::needsMaterial)
                .toList();
        java.util.Set<Long> categories = new java.util.HashSet<>();
        tasks.forEach(t -> categories.add(t.categoryId()));
        List<TargetView> targets = campaigns.targets(campaignId).stream()
                .filter(t -> categories.contains(t.categoryId()))
                .toList();
        Map<String, Cell> cells = new HashMap<>();
        repo.cells(campaignId).forEach(c -> cells.put(c.targetId() + ":" + c.taskId(), c));
        Map<Long, List<String>> dupBySubmission = new HashMap<>();
        repo.duplicates(campaignId, null)
                .forEach(d -> dupBySubmission
                        .computeIfAbsent(d.submissionId(), k -> new ArrayList<>())
                        .add(d.place()));
        List<TargetView> shown = targets;
        if (filter != null && !filter.isBlank()) {
            shown = targets.stream()
                    .filter(target -> tasks.stream().anyMatch(task -> {
                        if (task.categoryId() != target.categoryId()) {
                            return false;
                        }
                        Cell c = cells.get(target.id() + ":" + task.id());
                        SubmissionStatus s = c == null ? SubmissionStatus.NOT_STARTED : c.status();
                        return switch (filter) {
                            case "missing" -> !s.isHandedIn();
                            case "returned" -> s == SubmissionStatus.RETURNED;
                            case "duplicates" -> c != null && dupBySubmission.containsKey(c.submissionId());
                            case "waiting" -> s == SubmissionStatus.SUBMITTED || s == SubmissionStatus.RESUBMITTED;
                            default -> true;
                        };
                    }))
                    .toList();
        }
        return new Matrix(campaign, tasks, shown, cells, dupBySubmission);
    }

    /** Where else the bytes of each of the submission's files were sent (file id → places). */
    public Map<Long, List<String>> duplicatesOf(long campaignId, long submissionId) {
        Map<Long, List<String>> out = new HashMap<>();
        repo.duplicates(campaignId, submissionId)
                .forEach(d ->
                        out.computeIfAbsent(d.fileId(), k -> new ArrayList<>()).add(d.place()));
        return out;
    }
}
