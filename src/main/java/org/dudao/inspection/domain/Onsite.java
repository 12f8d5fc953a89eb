package org.dudao.inspection.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.PhaseView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.identity.IdentityApi;
import org.dudao.inspection.DeductionCommand;
import org.dudao.inspection.NoteView;
import org.dudao.inspection.ScoreChangeView;
import org.dudao.inspection.SheetView;
import org.dudao.inspection.TeamCommand;
import org.dudao.inspection.TeamView;
import org.dudao.inspection.VisitView;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitScope;
import org.dudao.organization.UnitView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.notice.Notice;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 实地督察: teams, their schedule, scoring on the sheets (deductions against clauses, each with a reason,
 * never beyond an item's points), on-the-spot feedback and the team report. A team's scores lock when its
 * report is submitted.
 */
@Service
@Transactional
public class Onsite {

    static final Set<String> ROLES = Set.of("LEADER", "MEMBER", "EXPERT");

    private final InspectionStore store;
    private final InspectionAccess access;
    private final CampaignApi campaigns;
    private final OrganizationApi organization;
    private final Sheets sheets;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;
    private final IdentityApi identity;

    Onsite(
            InspectionStore store,
            InspectionAccess access,
            CampaignApi campaigns,
            OrganizationApi organization,
            Sheets sheets,
            DatabaseTime time,
            ApplicationEventPublisher events,
            IdentityApi identity) {
        this.store = store;
        this.access = access;
        this.campaigns = campaigns;
        this.organization = organization;
        this.sheets = sheets;
        this.time = time;
        this.events = events;
        this.identity = identity;
    }

    // ------------------------------------------------------------------ teams

    public TeamView createTeam(long campaignId, TeamCommand cmd, CurrentUser user) {
        InspectionAccess.Caller c = access.office(campaignId, user, "inspection.team.create");
        String name = Texts.required("name", cmd.name(), 100);
        if (store.teamNameTaken(campaignId, name)) {
            throw new ConflictException("name", "inspection.team.duplicate", name);
        }
        List<TeamCommand.MemberCommand> given = cmd.members() == null ? List.of() : cmd.members();
        Map<Long, UnitView> units = new HashMap<>();
        organization.list(UnitScope.subtree(c.campaign().ownerUnitId())).forEach(u -> units.put(u.id(), u));
        List<InspectionStore.Member> members = new ArrayList<>();
        int leaders = 0;
        for (int i = 0; i < given.size(); i++) {
            TeamCommand.MemberCommand m = given.get(i);
            String role = m.role() == null ? "" : m.role().strip();
            if (!ROLES.contains(role)) {
                throw new InvalidInputException("members[" + i + "].role", "inspection.team.role", i + 1);
            }
            String who = Texts.required("members[" + i + "].name", m.name(), 100);
            Long unitId = m.unitId();
            if (unitId != null && !units.containsKey(unitId)) {
                throw new InvalidInputException("members[" + i + "].unitId", "inspection.team.unit", i + 1);
            }
            if ("MEMBER".equals(role) && unitId == null) {
                throw new InvalidInputException("members[" + i + "].unitId", "inspection.team.memberUnit", i + 1);
            }
            String organisation = Texts.optional("members[" + i + "].organisation", m.organisation(), 200);
            String username = Texts.optional("members[" + i + "].username", m.username(), 64);
            leaders += "LEADER".equals(role) ? 1 : 0;
            members.add(new InspectionStore.Member(0, role, who, unitId, organisation, username));
        }
        if (leaders != 1) {
            throw new InvalidInputException("members", "inspection.team.leader");
        }
        long id = store.insertTeam(campaignId, name, user.username());
        for (int i = 0; i < members.size(); i++) {
            store.insertMember(id, i, members.get(i));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", name);
        after.put(
                "members", members.stream().map(m -> m.role() + ":" + m.name()).toList());
        events.publishEvent(AuditEvent.success("inspection.team.create", "inspection-team", id, null, after));
        return teams(c).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<TeamView> teams(long campaignId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        return teams(c).stream()
                .filter(t -> c.readsAll() || c.teamIds().contains(t.id()))
                .toList();
    }

    List<TeamView> teams(InspectionAccess.Caller c) {
        long campaignId = c.campaign().id();
        Map<Long, String> unitNames = new HashMap<>();
        organization.list(UnitScope.subtree(c.campaign().ownerUnitId())).forEach(u -> unitNames.put(u.id(), u.name()));
        Map<Long, List<TeamView.Member>> members = new HashMap<>();
        for (InspectionStore.Member m : store.members(campaignId)) {
            String where = m.unitId() != null ? unitNames.get(m.unitId()) : m.organisation();
            members.computeIfAbsent(m.teamId(), k -> new ArrayList<>())
                    .add(new TeamView.Member(m.role(), m.name(), m.unitId(), where, m.username()));
        }
        Map<Long, InspectionStore.TeamReport> reports = store.teamReports(campaignId).stream()
                .collect(Collectors.toMap(InspectionStore.TeamReport::teamId, r -> r));
        LocalDate due = settings(campaignId).teamReportDueIn(c.campaign().year());
        return store.teams(campaignId).stream()
                .map(t -> {
                    InspectionStore.TeamReport r = reports.get(t.id());
                    return new TeamView(
                            t.id(),
                            campaignId,
                            t.name(),
                            List.copyOf(members.getOrDefault(t.id(), List.of())),
                            r == null ? "NONE" : r.status(),
                            r == null ? "" : r.summary(),
                            r == null ? null : r.submittedAt(),
                            r != null && r.late(),
                            due);
                })
                .toList();
    }

    InspectionSettings settings(long campaignId) {
        return InspectionSettings.parse(campaigns.settings(campaignId));
    }

    // ------------------------------------------------------------------ schedule

    /** The office schedules (or moves) a target's visit: one team, one day inside the on-site phase. */
    public VisitView schedule(long campaignId, Long targetId, Long teamId, LocalDate day, CurrentUser user) {
        InspectionAccess.Caller c = access.office(campaignId, user, "inspection.visit.schedule");
        if (targetId == null) {
            throw new InvalidInputException("targetId", "inspection.visit.target");
        }
        TargetView target = access.targetOf(c, targetId, "inspection.visit.schedule");
        if (teamId == null || store.teams(campaignId).stream().noneMatch(t -> t.id() == teamId)) {
            throw new InvalidInputException("teamId", "inspection.visit.team");
        }
        if (day == null) {
            throw new InvalidInputException("visitOn", "inspection.visit.dayRequired");
        }
        PhaseView phase = access.phase(campaignId, "ONSITE_INSPECTION");
        if (phase != null
                && ((phase.startsOn() != null && day.isBefore(phase.startsOn()))
                        || (phase.endsOn() != null && day.isAfter(phase.endsOn())))) {
            throw new InvalidInputException(
                    "visitOn", "inspection.visit.outsidePhase", day, phase.startsOn(), phase.endsOn());
        }
        InspectionStore.Visit before = store.visitOf(campaignId, targetId).orElse(null);
        if ((before != null && before.teamId() != teamId && reportSubmitted(campaignId, before.teamId()))
                || reportSubmitted(campaignId, teamId)) {
            // a target moved out of a reported team, or into one, would be scored outside any report
            throw new ConflictException("teamId", "inspection.visit.reported");
        }
        long id = store.upsertVisit(campaignId, targetId, teamId, day, user.username());
        String teamName = store.teams(campaignId).stream()
                .filter(t -> t.id() == teamId)
                .findFirst()
                .orElseThrow()
                .name();
        events.publishEvent(AuditEvent.success(
                "inspection.visit.schedule",
                "inspection-visit",
                id,
                before == null ? null : Map.of("teamId", before.teamId(), "visitOn", before.visitOn()),
                Map.of("target", target.name(), "team", teamName, "visitOn", day)));
        events.publishEvent(Notice.toUnits(
                "INSPECTION",
                "【实地督察】" + c.campaign().name() + "：" + teamName + " 将于 " + day + " 到本单位实地督察",
                "请做好迎检准备，备齐打分表所列检查资料。",
                "/campaigns/" + campaignId + "/inspection/self-report",
                Set.of(target.unitId()),
                "TARGET"));
        return new VisitView(id, targetId, target.name(), teamId, teamName, day);
    }

    @Transactional(readOnly = true)
    public List<VisitView> visits(long campaignId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        return visits(c);
    }

    List<VisitView> visits(InspectionAccess.Caller c) {
        long campaignId = c.campaign().id();
        Map<Long, String> teams = store.teams(campaignId).stream()
                .collect(Collectors.toMap(InspectionStore.Team::id, InspectionStore.Team::name));
        Map<Long, String> targets =
                campaigns.targets(campaignId).stream().collect(Collectors.toMap(TargetView::id, TargetView::name));
        return store.visits(campaignId).stream()
                .filter(v -> c.readsAll()
                        || c.teamIds().contains(v.teamId())
                        || (c.ownTarget() != null && c.ownTarget().id() == v.targetId()))
                .map(v -> new VisitView(
                        v.id(),
                        v.targetId(),
                        targets.get(v.targetId()),
                        v.teamId(),
                        teams.get(v.teamId()),
                        v.visitOn()))
                .toList();
    }

    // ------------------------------------------------------------------ scoring

    @Transactional(readOnly = true)
    public List<SheetView> sheets(long campaignId, long targetId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        access.readableTarget(c, targetId, "inspection.sheet.read");
        return sheets.score(campaignId, store.deductions(campaignId, targetId));
    }

    /** The blank sheets with their totals, for the office's check (each sums to 100). */
    @Transactional(readOnly = true)
    public List<SheetView> blankSheets(long campaignId, CurrentUser user) {
        access.caller(campaignId, user);
        return sheets.blank(campaignId);
    }

    /** Every target's sheets (office and leaders). */
    @Transactional(readOnly = true)
    public Map<Long, List<SheetView>> allSheets(long campaignId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        if (!c.readsAll()) {
            throw access.denied("inspection.sheet.list", campaignId, "not the office");
        }
        Map<Long, List<SheetView.Deduction>> byTarget = new HashMap<>();
        for (SheetView.Deduction d : store.deductionsOfCampaign(campaignId)) {
            byTarget.computeIfAbsent(d.targetId(), k -> new ArrayList<>()).add(d);
        }
        Map<Long, List<SheetView>> out = new LinkedHashMap<>();
        for (TargetView t : campaigns.targets(campaignId)) {
            out.put(t.id(), sheets.score(campaignId, byTarget.getOrDefault(t.id(), List.of())));
        }
        return out;
    }

    /** 扣分: against one clause of the item's check standard, with a reason; never beyond the item's points. */
    public SheetView.Item deduct(long campaignId, long targetId, DeductionCommand cmd, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        TargetView target = access.scorableTarget(c, targetId, "inspection.score.deduct");
        checkNotReported(campaignId, targetId);
        if (cmd.taskId() == null) {
            throw new InvalidInputException("taskId", "inspection.deduction.task");
        }
        TaskView task = campaigns
                .task(cmd.taskId())
                .filter(t -> t.campaignId() == campaignId)
                .orElseThrow(() -> new InvalidInputException("taskId", "inspection.deduction.task"));
        CheckStandard std = CheckStandard.parse(task.requirement());
        if (cmd.clauseNo() == null
                || cmd.clauseNo() < 1
                || cmd.clauseNo() > std.clauses().size()) {
            throw new InvalidInputException("clauseNo", "inspection.deduction.clause");
        }
        SheetView.Clause clause = std.clauses().get(cmd.clauseNo() - 1);
        BigDecimal points = cmd.points();
        if (points == null
                || points.signum() <= 0
                || points.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("points", "inspection.deduction.points.invalid");
        }
        String reason = Texts.requiredMultiline("reason", cmd.reason(), 2000, "inspection.deduction.reason.required");
        store.lockTarget(targetId);
        // again under the lock: a team report submitted meanwhile locks the target's rows first (saveTeamReport)
        checkNotReported(campaignId, targetId);
        BigDecimal max = task.points() == null ? BigDecimal.ZERO : task.points();
        BigDecimal already = store.deducted(targetId, task.id());
        if (already.add(points).compareTo(max) > 0) {
            throw new ConflictException(
                    "points",
                    "inspection.deduction.beyondItem",
                    task.title(),
                    max.stripTrailingZeros().toPlainString(),
                    already.stripTrailingZeros().toPlainString(),
                    points.stripTrailingZeros().toPlainString());
        }
        if (clause.points() != null) {
            BigDecimal onClause = store.deductedOnClause(targetId, task.id(), clause.no());
            if (onClause.add(points).compareTo(clause.points()) > 0) {
                throw new ConflictException(
                        "points",
                        "inspection.deduction.beyondClause",
                        clause.no(),
                        clause.points().stripTrailingZeros().toPlainString(),
                        onClause.stripTrailingZeros().toPlainString());
            }
        }
        BigDecimal oldScore = max.subtract(already);
        BigDecimal newScore = oldScore.subtract(points);
        long id = store.insertDeduction(
                campaignId,
                targetId,
                task.id(),
                clause.no(),
                clause.text(),
                points,
                reason,
                user.username(),
                user.displayName());
        store.insertScoreChange(campaignId, targetId, task.id(), id, oldScore, newScore, reason, user.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("target", target.name());
        after.put("task", task.title());
        after.put("clause", clause.no());
        after.put("points", points);
        after.put("reason", reason);
        after.put("score", newScore);
        events.publishEvent(AuditEvent.success(
                "inspection.score.deduct", "inspection-deduction", id, Map.of("score", oldScore), after));
        return item(campaignId, targetId, task.id());
    }

    /** Withdraws a deduction (with a reason): the item's points come back, the history keeps both. */
    public SheetView.Item withdraw(long campaignId, long deductionId, String reason, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        InspectionStore.DeductionRow d = store.lockDeduction(deductionId)
                .filter(x -> x.campaignId() == campaignId && !x.withdrawn())
                .orElseThrow(() -> access.denied("inspection.score.withdraw", deductionId, "no such deduction"));
        access.scorableTarget(c, d.targetId(), "inspection.score.withdraw");
        checkNotReported(campaignId, d.targetId());
        String why = Texts.requiredMultiline("reason", reason, 2000, "inspection.deduction.withdrawReason");
        store.lockTarget(d.targetId());
        checkNotReported(campaignId, d.targetId());
        TaskView task = campaigns.task(d.taskId()).orElseThrow();
        BigDecimal max = task.points() == null ? BigDecimal.ZERO : task.points();
        BigDecimal oldScore = max.subtract(store.deducted(d.targetId(), d.taskId()));
        store.withdrawDeduction(deductionId, why, user.username());
        BigDecimal newScore = oldScore.add(d.points());
        store.insertScoreChange(
                campaignId, d.targetId(), d.taskId(), deductionId, oldScore, newScore, "撤销扣分：" + why, user.username());
        events.publishEvent(AuditEvent.success(
                "inspection.score.withdraw",
                "inspection-deduction",
                deductionId,
                Map.of("score", oldScore, "points", d.points()),
                Map.of("score", newScore, "reason", why)));
        return item(campaignId, d.targetId(), d.taskId());
    }

    /** The target a deduction of the campaign belongs to (for going back to its page). */
    @Transactional(readOnly = true)
    public long historyTarget(long campaignId, long deductionId) {
        return store.deductionTarget(campaignId, deductionId);
    }

    private SheetView.Item item(long campaignId, long targetId, long taskId) {
        return sheets.score(campaignId, store.deductions(campaignId, targetId)).stream()
                .flatMap(s -> s.items().stream())
                .filter(i -> i.taskId() == taskId)
                .findFirst()
                .orElseThrow();
    }

    private void checkNotReported(long campaignId, long targetId) {
        store.visits(campaignId).stream()
                .filter(v -> v.targetId() == targetId)
                .findFirst()
                .filter(v -> reportSubmitted(campaignId, v.teamId()))
                .ifPresent(v -> {
                    throw new ConflictException("targetId", "inspection.score.locked");
                });
    }

    private boolean reportSubmitted(long campaignId, long teamId) {
        return store.teamReports(campaignId).stream()
                .anyMatch(r -> r.teamId() == teamId && "SUBMITTED".equals(r.status()));
    }

    @Transactional(readOnly = true)
    public List<ScoreChangeView> history(long campaignId, long targetId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        access.readableTarget(c, targetId, "inspection.score.history");
        Map<Long, String> titles = campaigns.tasks(campaignId).stream()
                .collect(Collectors.toMap(TaskView::id, t -> t.category() + " " + t.title()));
        return store.scoreChanges(campaignId, targetId).stream()
                .map(h -> new ScoreChangeView(
                        h.id(),
                        h.taskId(),
                        titles.get(h.taskId()),
                        h.deductionId(),
                        h.oldScore(),
                        h.newScore(),
                        h.reason(),
                        h.changedBy(),
                        h.changedAt()))
                .toList();
    }

    // ------------------------------------------------------------------ on-the-spot feedback

    public NoteView addNote(long campaignId, long targetId, String body, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        TargetView target = access.scorableTarget(c, targetId, "inspection.note.add");
        String text = Texts.requiredMultiline("body", body, 4000, "inspection.note.body");
        Long teamId = store.visits(campaignId).stream()
                .filter(v -> v.targetId() == targetId)
                .map(InspectionStore.Visit::teamId)
                .findFirst()
                .orElse(null);
        long id = store.insertNote(campaignId, targetId, teamId, text, user.username());
        events.publishEvent(AuditEvent.success(
                "inspection.note.add", "inspection-note", id, null, Map.of("target", target.name(), "body", text)));
        return store.notes(campaignId).stream()
                .filter(n -> n.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<NoteView> notes(long campaignId, long targetId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        access.readableTarget(c, targetId, "inspection.note.read");
        return store.notes(campaignId).stream()
                .filter(n -> n.targetId() == targetId)
                .toList();
    }

    // ------------------------------------------------------------------ team report

    /** The team (as the office, a leader or one of its members may read it). */
    @Transactional(readOnly = true)
    public TeamView team(long campaignId, long teamId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        return readableTeam(c, teamId);
    }

    TeamView readableTeam(InspectionAccess.Caller c, long teamId) {
        if (!c.readsAll() && !c.teamIds().contains(teamId)) {
            throw access.denied("inspection.team.read", teamId, "not the caller's team");
        }
        return teams(c).stream()
                .filter(t -> t.id() == teamId)
                .findFirst()
                .orElseThrow(() -> access.denied("inspection.team.read", teamId, "no such team"));
    }

    public TeamView saveTeamReport(long campaignId, long teamId, String summary, boolean submit, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        if (!c.office() && !c.teamIds().contains(teamId)) {
            throw access.denied("inspection.teamReport.save", teamId, "not the caller's team");
        }
        readableTeam(c, teamId);
        InspectionStore.TeamReport r = store.lockTeamReport(teamId, user.username());
        if ("SUBMITTED".equals(r.status())) {
            throw new ConflictException("status", "inspection.teamReport.submitted");
        }
        String text = Texts.multiline("summary", summary, 50000);
        if (submit && text == null) {
            throw new InvalidInputException("summary", "inspection.teamReport.summary.required");
        }
        store.saveTeamReport(teamId, text == null ? "" : text, user.username());
        if (submit) {
            // wait for deductions in flight on the team's targets; later ones see the report submitted
            store.visits(campaignId).stream()
                    .filter(v -> v.teamId() == teamId)
                    .map(v -> v.targetId())
                    .sorted()
                    .forEach(store::lockTarget);
            Instant now = time.now();
            LocalDate due = settings(campaignId).teamReportDueIn(c.campaign().year());
            boolean late = !now.isBefore(InspectionAccess.endOfDay(due));
            store.submitTeamReport(teamId, user.username(), now, late);
            events.publishEvent(AuditEvent.success(
                    "inspection.teamReport.submit",
                    "inspection-team",
                    teamId,
                    Map.of("status", r.status()),
                    Map.of("status", "SUBMITTED", "late", late, "due", due)));
            events.publishEvent(Notice.toAccounts(
                    "INSPECTION",
                    "【督察组报告】" + c.campaign().name() + "：督察组报告已提交" + (late ? "（逾期）" : ""),
                    null,
                    "/campaigns/" + campaignId + "/inspection/teams/" + teamId,
                    Set.copyOf(identity.officeAccountIds(c.campaign().ownerUnitId()))));
        } else {
            events.publishEvent(AuditEvent.success(
                    "inspection.teamReport.save",
                    "inspection-team",
                    teamId,
                    null,
                    Map.of("chars", text == null ? 0 : text.length())));
        }
        return readableTeam(c, teamId);
    }
}
