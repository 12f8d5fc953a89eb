package org.dudao.plan.domain;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignKind;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TaskView;
import org.dudao.evidence.AttachmentView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.indicator.IndicatorApi;
import org.dudao.indicator.IndicatorNode;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitScope;
import org.dudao.organization.UnitView;
import org.dudao.plan.AnnualReportView;
import org.dudao.plan.PlanReportView;
import org.dudao.plan.PlanStatus;
import org.dudao.plan.PlanTaskView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.notice.Notice;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plan tracking: who may see and change what, task views with their computed status, assignments,
 * status changes, yearly progress reports and the yearly rule-of-law government report. Every change
 * is one transaction with an audit record; refusals change nothing.
 */
@Service
@Transactional
public class PlanService {

    static final String TYPE = "plan";
    public static final String REPORT_FILES = "PLAN_REPORT";
    public static final String ANNUAL_FILES = "PLAN_ANNUAL";
    static final String LEAD = "LEAD";
    static final String CO = "CO";
    static final int MAX_TEXT = 4000;

    private final CampaignApi campaigns;
    private final IndicatorApi indicators;
    private final OrganizationApi organization;
    private final EvidenceApi evidence;
    private final PlanStore store;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;

    PlanService(
            CampaignApi campaigns,
            IndicatorApi indicators,
            OrganizationApi organization,
            EvidenceApi evidence,
            PlanStore store,
            DatabaseTime time,
            ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.indicators = indicators;
        this.organization = organization;
        this.evidence = evidence;
        this.store = store;
        this.time = time;
        this.events = events;
    }

    /**
     * Who is asking: the campaign's office (reads and changes everything), a leader of the jurisdiction
     * (reads everything), or a unit assigned to at least one task (reads its own tasks).
     */
    public record Caller(CampaignView campaign, CurrentUser user, boolean office, boolean readsAll) {

        public boolean mayRead(PlanTaskView t) {
            return readsAll || t.involves(user.unitId());
        }
    }

    /** A file sent with a report. */
    public record FileUpload(String name, InputStream content) {}

    public record AssignCommand(List<Long> taskIds, List<Long> leadUnitIds, List<Long> coUnitIds) {}

    public record StatusCommand(String status, String reason) {}

    public record ReportCommand(Integer year, String workDone, String figures) {}

    public record AnnualCommand(String status, String reason, LocalDate due) {}

    // ---------------------------------------------------------------- access

    @Transactional(readOnly = true)
    public Caller caller(long campaignId, CurrentUser user) {
        CampaignView c;
        try {
            c = campaigns.campaign(campaignId);
        } catch (NotFoundException e) {
            throw denied("plan.read", campaignId, "no such campaign");
        }
        if (c.kind() != CampaignKind.PLAN) {
            throw denied("plan.read", campaignId, "not a plan campaign");
        }
        boolean office = campaigns.isOffice(c, user);
        boolean readsAll = office || (user.hasRole("LEADER") && c.ownerUnitId() == user.jurisdictionUnitId());
        if (!readsAll && !store.campaignsOfUnit(user.unitId()).contains(campaignId)) {
            throw denied("plan.read", campaignId, "not assigned to any task of the plan");
        }
        return new Caller(c, user, office, readsAll);
    }

    /** The plan campaigns the user may open. */
    @Transactional(readOnly = true)
    public List<CampaignView> plans(CurrentUser user) {
        Map<Long, CampaignView> out = new LinkedHashMap<>();
        if (user.hasRole("OFFICE_ADMIN") || user.hasRole("LEADER")) {
            campaigns.ownedBy(user.jurisdictionUnitId()).stream()
                    .filter(c -> c.kind() == CampaignKind.PLAN)
                    .forEach(c -> out.put(c.id(), c));
        }
        for (long id : store.campaignsOfUnit(user.unitId())) {
            out.computeIfAbsent(id, campaigns::campaign);
        }
        return out.values().stream()
                .sorted(Comparator.comparingInt(CampaignView::year)
                        .reversed()
                        .thenComparing(CampaignView::id, Comparator.reverseOrder()))
                .toList();
    }

    private Caller office(long campaignId, CurrentUser user, String action) {
        Caller c = caller(campaignId, user);
        if (!c.office()) {
            throw denied(action, campaignId, "not the plan's office");
        }
        return c;
    }

    NotFoundException denied(String action, Object id, String detail) {
        events.publishEvent(AuditEvent.denied(action, TYPE, id, detail));
        return new NotFoundException(TYPE, id);
    }

    private static DudaoException forbidden(String key, Object... args) {
        return new DudaoException(HttpStatus.FORBIDDEN, null, key, args);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(time.now(), ClockConfiguration.ZONE);
    }

    // ---------------------------------------------------------------- tasks

    /** The tasks the caller may read, in plan order, with their status as of today (database clock). */
    @Transactional(readOnly = true)
    public List<PlanTaskView> tasks(Caller caller) {
        return allTasks(caller.campaign().id(), today()).stream()
                .filter(caller::mayRead)
                .toList();
    }

    /** One task the caller may read; 404 (audited) otherwise. */
    @Transactional(readOnly = true)
    public PlanTaskView task(Caller caller, long taskId) {
        return allTasks(caller.campaign().id(), today()).stream()
                .filter(t -> t.id() == taskId && caller.mayRead(t))
                .findFirst()
                .orElseThrow(() -> denied("plan.task.read", taskId, "not a readable task of the plan"));
    }

    /** Every task of the plan (no access check: for the overview, the reminders and the ledger). */
    @Transactional(readOnly = true)
    public List<PlanTaskView> allTasks(long campaignId, LocalDate today) {
        Map<Long, IndicatorNode> nodes = new HashMap<>();
        for (CategoryView cat : campaigns.categories(campaignId)) {
            collect(indicators.tree(cat.indicatorSystemId()).roots(), nodes);
        }
        Map<Long, String> unitNames = unitNames();
        Map<Long, List<PlanStore.Assignment>> assigned = new HashMap<>();
        store.assignments(campaignId)
                .forEach(a -> assigned.computeIfAbsent(a.taskId(), k -> new ArrayList<>())
                        .add(a));
        Map<Long, PlanStore.State> states = new HashMap<>();
        store.states(campaignId).forEach(s -> states.put(s.taskId(), s));
        List<PlanTaskView> out = new ArrayList<>();
        int position = 0;
        for (TaskView t : campaigns.tasks(campaignId)) {
            IndicatorNode n = nodes.get(t.nodeId());
            List<PlanTaskView.UnitRef> leads = new ArrayList<>();
            List<PlanTaskView.UnitRef> cos = new ArrayList<>();
            for (PlanStore.Assignment a : assigned.getOrDefault(t.id(), List.of())) {
                PlanTaskView.UnitRef ref = new PlanTaskView.UnitRef(
                        a.unitId(), unitNames.getOrDefault(a.unitId(), "#" + a.unitId()), a.demo());
                (LEAD.equals(a.role()) ? leads : cos).add(ref);
            }
            PlanStore.State s = states.get(t.id());
            PlanStatus stored = s == null ? null : PlanStatus.valueOf(s.status());
            boolean named = n != null
                    && ((n.responsibleLead() != null && !n.responsibleLead().isBlank())
                            || !n.responsibleCo().isEmpty());
            out.add(new PlanTaskView(
                    t.id(),
                    campaignId,
                    ++position,
                    t.label(),
                    t.name(),
                    t.path().isEmpty() ? "" : t.path().get(0),
                    t.path().size() > 1 ? t.path().get(1) : "",
                    n == null ? t.requirement() : n.description(),
                    t.deadline(),
                    stored,
                    PlanStatus.effective(stored, t.deadline(), today),
                    s == null ? null : s.reason(),
                    s == null ? null : s.changedBy(),
                    s == null ? null : s.changedAt(),
                    List.copyOf(leads),
                    List.copyOf(cos),
                    named,
                    t.sourceRef(),
                    n == null ? null : n.note()));
        }
        return out;
    }

    private static void collect(List<IndicatorNode> nodes, Map<Long, IndicatorNode> out) {
        for (IndicatorNode n : nodes) {
            if (n.id() != null) {
                out.put(n.id(), n);
            }
            collect(n.children(), out);
        }
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> m = new HashMap<>();
        organization.all().forEach(u -> m.put(u.id(), u.name()));
        return m;
    }

    /** The years a plan runs: from the campaign's year to the year of its last due day. */
    public static List<Integer> years(CampaignView c, List<PlanTaskView> tasks) {
        int last = tasks.stream()
                .filter(t -> t.due() != null)
                .mapToInt(t -> t.due().getYear())
                .max()
                .orElse(c.year());
        List<Integer> out = new ArrayList<>();
        for (int y = c.year(); y <= Math.max(last, c.year()); y++) {
            out.add(y);
        }
        return out;
    }

    // ---------------------------------------------------------------- assignment

    @Transactional(readOnly = true)
    public boolean hasAssignments(long campaignId) {
        return !store.assignments(campaignId).isEmpty();
    }

    /**
     * Sets the lead and co-units of one or several tasks (replacing what they had): the office only;
     * every unit must be of the office's jurisdiction and no unit both lead and co-unit.
     */
    public List<PlanTaskView> assign(long campaignId, AssignCommand cmd, CurrentUser user) {
        Caller caller = office(campaignId, user, "plan.task.assign");
        applyAssignment(caller, cmd, false);
        Set<Long> ids = Set.copyOf(cmd.taskIds());
        return allTasks(campaignId, today()).stream()
                .filter(t -> ids.contains(t.id()))
                .toList();
    }

    /** As {@link #assign}, marking the assignments as demo data (the demo loader). */
    public void assignDemo(long campaignId, AssignCommand cmd, CurrentUser user) {
        applyAssignment(office(campaignId, user, "plan.task.assign"), cmd, true);
    }

    private int applyAssignment(Caller caller, AssignCommand cmd, boolean demo) {
        long campaignId = caller.campaign().id();
        List<Long> taskIds = cmd.taskIds() == null ? List.of() : cmd.taskIds();
        if (taskIds.isEmpty()) {
            throw new InvalidInputException("taskIds", "plan.task.required");
        }
        Map<Long, TaskView> tasks = new HashMap<>();
        campaigns.tasks(campaignId).forEach(t -> tasks.put(t.id(), t));
        for (Long id : taskIds) {
            if (id == null || !tasks.containsKey(id)) {
                throw new InvalidInputException("taskIds", "plan.task.unknown", String.valueOf(id));
            }
        }
        Set<Long> leads = new LinkedHashSet<>(cmd.leadUnitIds() == null ? List.of() : cmd.leadUnitIds());
        Set<Long> cos = new LinkedHashSet<>(cmd.coUnitIds() == null ? List.of() : cmd.coUnitIds());
        leads.remove(null);
        cos.remove(null);
        if (leads.isEmpty() && !cos.isEmpty()) {
            throw new InvalidInputException("leadUnitIds", "plan.lead.required");
        }
        Map<Long, UnitView> units = jurisdictionUnits(caller.campaign().ownerUnitId());
        for (Long u : leads) {
            if (!units.containsKey(u)) {
                throw new InvalidInputException("leadUnitIds", "plan.unit.unknown", String.valueOf(u));
            }
        }
        for (Long u : cos) {
            if (!units.containsKey(u)) {
                throw new InvalidInputException("coUnitIds", "plan.unit.unknown", String.valueOf(u));
            }
            if (leads.contains(u)) {
                throw new InvalidInputException(
                        "coUnitIds", "plan.unit.both", units.get(u).name());
            }
        }
        Instant now = time.now();
        String by = caller.user().username();
        Map<Long, List<String>> newlyAssigned = new LinkedHashMap<>();
        for (Long taskId : new LinkedHashSet<>(taskIds)) {
            List<PlanStore.Assignment> before = store.assignmentsOfTask(taskId);
            Set<Long> had = new HashSet<>();
            before.forEach(a -> had.add(a.unitId()));
            store.deleteAssignments(taskId);
            for (Long u : leads) {
                store.insertAssignment(campaignId, taskId, u, LEAD, demo, by, now);
            }
            for (Long u : cos) {
                store.insertAssignment(campaignId, taskId, u, CO, demo, by, now);
            }
            TaskView t = tasks.get(taskId);
            for (Long u : leads) {
                if (!had.contains(u)) {
                    newlyAssigned.computeIfAbsent(u, k -> new ArrayList<>()).add(t.title() + "（牵头）");
                }
            }
            for (Long u : cos) {
                if (!had.contains(u)) {
                    newlyAssigned.computeIfAbsent(u, k -> new ArrayList<>()).add(t.title() + "（配合）");
                }
            }
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("lead", names(before, LEAD, units));
            b.put("co", names(before, CO, units));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("task", t.title());
            a.put("lead", leads.stream().map(u -> units.get(u).name()).toList());
            a.put("co", cos.stream().map(u -> units.get(u).name()).toList());
            a.put("demo", demo);
            events.publishEvent(AuditEvent.success("plan.task.assign", "plan-task", taskId, b, a));
        }
        newlyAssigned.forEach((unit, list) -> events.publishEvent(Notice.toUnits(
                "PLAN",
                "实施方案任务分工：您单位新承担 " + list.size() + " 项任务",
                String.join("\n", list),
                link(campaignId),
                Set.of(unit))));
        return taskIds.size();
    }

    private static List<String> names(List<PlanStore.Assignment> as, String role, Map<Long, UnitView> units) {
        return as.stream()
                .filter(a -> role.equals(a.role()))
                .map(a -> units.containsKey(a.unitId()) ? units.get(a.unitId()).name() : "#" + a.unitId())
                .toList();
    }

    /** The units the office may assign, in tree order. */
    @Transactional(readOnly = true)
    public List<UnitView> units(long ownerUnitId) {
        return List.copyOf(jurisdictionUnits(ownerUnitId).values());
    }

    /** The units of the office's own jurisdiction (not those of a county or town below it). */
    Map<Long, UnitView> jurisdictionUnits(long ownerUnitId) {
        List<UnitView> all = organization.list(UnitScope.subtree(ownerUnitId));
        Map<Long, UnitView> byId = new HashMap<>();
        all.forEach(u -> byId.put(u.id(), u));
        Map<Long, UnitView> out = new LinkedHashMap<>();
        for (UnitView u : all) {
            UnitView x = u;
            boolean own = true;
            while (x != null && x.id() != ownerUnitId) {
                if (x.kind().isRegion()) {
                    own = false;
                    break;
                }
                x = x.parentId() == null ? null : byId.get(x.parentId());
            }
            if (own) {
                out.put(u.id(), u);
            }
        }
        return out;
    }

    public static String link(long campaignId) {
        return "/plans/" + campaignId;
    }

    public static String taskLink(long campaignId, long taskId) {
        return "/plans/" + campaignId + "/tasks/" + taskId;
    }

    // ---------------------------------------------------------------- status

    /** Sets a task's status with a reason: the office or a lead unit of the task. */
    public PlanTaskView setStatus(long campaignId, long taskId, StatusCommand cmd, CurrentUser user) {
        return changeStatus(caller(campaignId, user), taskId, cmd, false);
    }

    public PlanTaskView setStatusDemo(long campaignId, long taskId, StatusCommand cmd, CurrentUser user) {
        return changeStatus(caller(campaignId, user), taskId, cmd, true);
    }

    private PlanTaskView changeStatus(Caller caller, long taskId, StatusCommand cmd, boolean demo) {
        PlanTaskView t = task(caller, taskId);
        if (!caller.office() && !t.ledBy(caller.user().unitId())) {
            throw forbidden("plan.status.notLead");
        }
        PlanStatus to = settable(cmd.status());
        String reason = Texts.requiredMultiline("reason", cmd.reason(), 2000, "plan.reason.required");
        PlanStore.State before = store.state(taskId).orElse(null);
        String from = before == null ? PlanStatus.NOT_STARTED.name() : before.status();
        if (from.equals(to.name())) {
            throw new ConflictException("status", "plan.status.same", to.name());
        }
        Instant now = time.now();
        long campaignId = caller.campaign().id();
        String by = caller.user().username();
        store.saveState(campaignId, taskId, to.name(), reason, demo, by, now);
        store.insertChange(campaignId, taskId, null, from, to.name(), reason, by, now);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", from);
        b.put("reason", before == null ? null : before.reason());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("task", t.title());
        a.put("status", to.name());
        a.put("reason", reason);
        a.put("demo", demo);
        events.publishEvent(AuditEvent.success("plan.task.status", "plan-task", taskId, b, a));
        Set<Long> units = new HashSet<>();
        t.leads().forEach(u -> units.add(u.unitId()));
        t.cos().forEach(u -> units.add(u.unitId()));
        units.remove(caller.user().unitId());
        if (!units.isEmpty()) {
            events.publishEvent(Notice.toUnits(
                    "PLAN",
                    "实施方案任务“" + Texts.abbreviate(t.title(), 40) + "”状态改为：" + label(to),
                    reason,
                    taskLink(campaignId, taskId),
                    units));
        }
        return task(caller, taskId);
    }

    static String label(PlanStatus s) {
        return switch (s) {
            case NOT_STARTED -> "未开始";
            case IN_PROGRESS -> "推进中";
            case DONE -> "已完成";
            case OVERDUE -> "逾期";
        };
    }

    private static PlanStatus settable(String status) {
        if (status == null || status.isBlank()) {
            throw new InvalidInputException("status", "plan.status.required");
        }
        PlanStatus s;
        try {
            s = PlanStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "plan.status.unknown", status);
        }
        if (s == PlanStatus.OVERDUE) {
            throw new InvalidInputException("status", "plan.status.overdueComputed");
        }
        return s;
    }

    @Transactional(readOnly = true)
    public List<PlanStore.StatusChange> history(Caller caller, long taskId) {
        task(caller, taskId);
        return store.changesOfTask(taskId);
    }

    // ---------------------------------------------------------------- yearly progress reports

    /** The last day on which units may report a year's progress: set by the office, else 31 March next. */
    @Transactional(readOnly = true)
    public LocalDate reportDue(long campaignId, int year) {
        return store.yearDue(campaignId, year).orElse(defaultReportDue(year));
    }

    /** 第一季度: the year's report is due on 31 March of the next year. */
    public static LocalDate defaultReportDue(int year) {
        return LocalDate.of(year + 1, 3, 31);
    }

    public void setReportDue(long campaignId, int year, LocalDate due, CurrentUser user) {
        Caller caller = office(campaignId, user, "plan.year.update");
        checkYear(caller, year);
        if (due == null) {
            throw new InvalidInputException("due", "plan.due.required");
        }
        if (due.getYear() < year) {
            throw new InvalidInputException("due", "plan.due.beforeYear", String.valueOf(year));
        }
        LocalDate before = reportDue(campaignId, year);
        store.saveYearDue(campaignId, year, due, user.username(), time.now());
        events.publishEvent(AuditEvent.success(
                "plan.year.due",
                "plan",
                campaignId,
                Map.of("year", year, "due", before.toString()),
                Map.of("year", year, "due", due.toString())));
    }

    private List<Integer> checkYear(Caller caller, Integer year) {
        List<Integer> years =
                years(caller.campaign(), allTasks(caller.campaign().id(), today()));
        if (year == null) {
            throw new InvalidInputException("year", "plan.year.required");
        }
        if (!years.contains(year)) {
            throw new InvalidInputException(
                    "year",
                    "plan.year.outside",
                    String.valueOf(year),
                    String.valueOf(years.get(0)),
                    String.valueOf(years.get(years.size() - 1)));
        }
        return years;
    }

    /**
     * A unit's progress report on a task for a year (a second report of the same year replaces the first
     * until the year's deadline): only a unit assigned to the task reports, for a year that has begun,
     * until the year's deadline (database clock).
     */
    public PlanReportView report(
            long campaignId, long taskId, ReportCommand cmd, List<FileUpload> files, CurrentUser user) {
        return saveReport(caller(campaignId, user), taskId, cmd, files, false, null);
    }

    /** The demo loader's historical reports: no deadline check, stored as demo data at the given time. */
    public PlanReportView reportDemo(long campaignId, long taskId, ReportCommand cmd, Instant at, CurrentUser user) {
        return saveReport(caller(campaignId, user), taskId, cmd, List.of(), true, at);
    }

    private PlanReportView saveReport(
            Caller caller, long taskId, ReportCommand cmd, List<FileUpload> files, boolean demo, Instant at) {
        long campaignId = caller.campaign().id();
        PlanTaskView t = task(caller, taskId);
        long unit = caller.user().unitId();
        if (!t.involves(unit)) {
            // the office or a leader reads every task but reports on none
            throw forbidden("plan.report.notAssigned");
        }
        checkYear(caller, cmd.year());
        int year = cmd.year();
        LocalDate today = today();
        if (!demo) {
            if (year > today.getYear()) {
                throw new InvalidInputException("year", "plan.year.future", String.valueOf(year));
            }
            LocalDate due = reportDue(campaignId, year);
            if (today.isAfter(due)) {
                throw new ConflictException("year", "plan.report.closed", String.valueOf(year), due.toString());
            }
        }
        String workDone = Texts.requiredMultiline("workDone", cmd.workDone(), MAX_TEXT, "plan.workDone.required");
        String figures = Texts.multiline("figures", cmd.figures(), 2000);
        Instant now = at != null ? at : time.now();
        String by = caller.user().username();
        PlanStore.Report before = store.report(taskId, unit, year).orElse(null);
        long id;
        if (before == null) {
            id = store.insertReport(campaignId, taskId, unit, year, workDone, figures, demo, by, now);
        } else {
            id = before.id();
            store.updateReport(id, workDone, figures, by, now);
        }
        List<String> names = new ArrayList<>();
        for (FileUpload f : files) {
            names.add(evidence.attach(REPORT_FILES, id, f.name(), f.content(), caller.user())
                    .displayName());
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("task", t.title());
        a.put("unit", caller.user().unitName());
        a.put("year", year);
        a.put("workDone", workDone);
        a.put("figures", figures);
        a.put("files", names);
        a.put("demo", demo);
        events.publishEvent(AuditEvent.success(
                "plan.report.submit",
                "plan-report",
                id,
                before == null
                        ? null
                        : Map.of("workDone", before.workDone(), "figures", String.valueOf(before.figures())),
                a));
        if (!t.ledBy(unit) && !t.leads().isEmpty() && !demo) {
            Set<Long> leads = new HashSet<>();
            t.leads().forEach(u -> leads.add(u.unitId()));
            events.publishEvent(Notice.toUnits(
                    "PLAN",
                    "配合单位" + caller.user().unitName() + "报送了" + year + "年度进展：" + Texts.abbreviate(t.title(), 30),
                    Texts.abbreviate(workDone, 200),
                    taskLink(campaignId, taskId),
                    leads));
        }
        return reportsOf(caller, t).stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /**
     * The reports on a task the caller may read: the office, leaders and the task's lead units read all
     * (a lead unit sees its co-units' reports); a co-unit reads its own.
     */
    @Transactional(readOnly = true)
    public List<PlanReportView> reports(Caller caller, long taskId) {
        return reportsOf(caller, task(caller, taskId));
    }

    private List<PlanReportView> reportsOf(Caller caller, PlanTaskView t) {
        long unit = caller.user().unitId();
        boolean all = caller.readsAll() || t.ledBy(unit);
        List<PlanStore.Report> rows = store.reportsOfTask(t.id()).stream()
                .filter(r -> all || r.unitId() == unit)
                .toList();
        Map<Long, List<AttachmentView>> files = evidence.attachments(
                REPORT_FILES, rows.stream().map(PlanStore.Report::id).toList());
        Map<Long, String> names = unitNames();
        return rows.stream()
                .map(r -> new PlanReportView(
                        r.id(),
                        r.taskId(),
                        r.unitId(),
                        names.getOrDefault(r.unitId(), "#" + r.unitId()),
                        t.ledBy(r.unitId()) ? LEAD : (t.involves(r.unitId()) ? CO : "FORMER"),
                        r.year(),
                        r.workDone(),
                        r.figures(),
                        r.demo(),
                        r.submittedBy(),
                        r.submittedAt(),
                        files.getOrDefault(r.id(), List.of()).stream()
                                .map(f -> new PlanReportView.FileRef(f.id(), f.displayName(), f.sha256(), f.size()))
                                .toList()))
                .toList();
    }

    /** Opens a file of a report or an annual report, if the caller may read its owner. */
    @Transactional(readOnly = true)
    public EvidenceApi.OpenedAttachment openFile(long campaignId, long attachmentId, CurrentUser user) {
        Caller caller = caller(campaignId, user);
        AttachmentView a = evidence.attachment(attachmentId)
                .orElseThrow(() -> denied("plan.file.read", attachmentId, "no such file"));
        switch (a.ownerKind()) {
            case REPORT_FILES -> {
                PlanStore.Report r = store.report(a.ownerId())
                        .filter(x -> x.campaignId() == campaignId)
                        .orElseThrow(() -> denied("plan.file.read", attachmentId, "not a report of the plan"));
                boolean readable = reports(caller, r.taskId()).stream().anyMatch(x -> x.id() == r.id());
                if (!readable) {
                    throw denied("plan.file.read", attachmentId, "report of another unit");
                }
            }
            case ANNUAL_FILES -> {
                boolean ofPlan = store.campaignOfAnnual(a.ownerId())
                        .map(c -> c == campaignId)
                        .orElse(false);
                if (!caller.readsAll() || !ofPlan) {
                    throw denied("plan.file.read", attachmentId, "annual report file not readable");
                }
            }
            default -> throw denied("plan.file.read", attachmentId, "not a plan file");
        }
        return evidence.open(a, user);
    }

    // ---------------------------------------------------------------- 法治政府建设年度报告

    /** One item per plan year, due 31 March of the next year unless the office set another day. */
    @Transactional(readOnly = true)
    public List<AnnualReportView> annuals(CampaignView c) {
        LocalDate today = today();
        Map<Integer, PlanStore.Annual> stored = new HashMap<>();
        store.annuals(c.id()).forEach(a -> stored.put(a.year(), a));
        Map<Long, List<AttachmentView>> files = stored.isEmpty()
                ? Map.of()
                : evidence.attachments(
                        ANNUAL_FILES,
                        stored.values().stream().map(PlanStore.Annual::id).toList());
        List<AnnualReportView> out = new ArrayList<>();
        for (int y : years(c, allTasks(c.id(), today))) {
            PlanStore.Annual a = stored.get(y);
            LocalDate due = a == null ? defaultReportDue(y) : a.due();
            PlanStatus s = a == null ? null : PlanStatus.valueOf(a.status());
            int n = a == null ? 0 : files.getOrDefault(a.id(), List.of()).size();
            out.add(new AnnualReportView(
                    c.id(),
                    y,
                    due,
                    s,
                    PlanStatus.effective(s, due, today),
                    a == null ? null : a.reason(),
                    a != null && a.demo(),
                    a == null ? null : a.changedBy(),
                    a == null ? null : a.changedAt(),
                    n));
        }
        return out;
    }

    public AnnualReportView setAnnual(
            long campaignId, int year, AnnualCommand cmd, List<FileUpload> files, CurrentUser user) {
        return saveAnnual(office(campaignId, user, "plan.annual.update"), year, cmd, files, false);
    }

    public AnnualReportView setAnnualDemo(long campaignId, int year, AnnualCommand cmd, CurrentUser user) {
        return saveAnnual(office(campaignId, user, "plan.annual.update"), year, cmd, List.of(), true);
    }

    private AnnualReportView saveAnnual(
            Caller caller, int year, AnnualCommand cmd, List<FileUpload> files, boolean demo) {
        checkYear(caller, year);
        CampaignView c = caller.campaign();
        AnnualReportView before =
                annuals(c).stream().filter(a -> a.year() == year).findFirst().orElseThrow();
        PlanStatus to = settable(cmd.status());
        String reason = Texts.requiredMultiline("reason", cmd.reason(), 2000, "plan.reason.required");
        LocalDate due = cmd.due() == null ? before.due() : cmd.due();
        if (due.getYear() <= year) {
            throw new InvalidInputException("due", "plan.due.beforeYear", String.valueOf(year));
        }
        Instant now = time.now();
        String by = caller.user().username();
        long id = store.saveAnnual(c.id(), year, due, to.name(), reason, demo, by, now);
        String from = before.stored() == null
                ? PlanStatus.NOT_STARTED.name()
                : before.stored().name();
        store.insertChange(c.id(), null, year, from, to.name(), reason, by, now);
        List<String> names = new ArrayList<>();
        for (FileUpload f : files) {
            names.add(evidence.attach(ANNUAL_FILES, id, f.name(), f.content(), caller.user())
                    .displayName());
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", from);
        b.put("due", before.due().toString());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("year", year);
        a.put("status", to.name());
        a.put("due", due.toString());
        a.put("reason", reason);
        a.put("files", names);
        a.put("demo", demo);
        events.publishEvent(AuditEvent.success("plan.annual.status", "plan-annual", id, b, a));
        return annuals(c).stream().filter(x -> x.year() == year).findFirst().orElseThrow();
    }
}
