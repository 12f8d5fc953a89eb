package org.dudao.creation.domain;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignKind;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TaskView;
import org.dudao.creation.AssignmentView;
import org.dudao.creation.CreationProblemView;
import org.dudao.creation.CreationProgress;
import org.dudao.creation.GapView;
import org.dudao.creation.SelfReportView;
import org.dudao.evidence.AttachmentView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.indicator.IndicatorApi;
import org.dudao.indicator.IndicatorNode;
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
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Model-creation campaigns: set-up (group expansion), materials, consolidation, self-reports, problems, progress. */
@Service
@Transactional
public class CreationService {

    public static final String MATERIAL = "creation-material";
    public static final String SELF_REPORT = "creation-self-report";
    /** Explanations without a printed word limit: at most this many 字. */
    static final int DEFAULT_MAX_WORDS = 5000;

    private static final int TEXT_MAX = 50_000;
    private static final Set<String> SOURCES = Set.of("SELF_CHECK", "Y2019", "GUIDANCE");

    private final CreationStore store;
    private final CreationAccess access;
    private final CampaignApi campaigns;
    private final IndicatorApi indicators;
    private final OrganizationApi organization;
    private final EvidenceApi evidence;
    private final ApplicationEventPublisher events;
    private final DatabaseTime time;

    CreationService(
            CreationStore store,
            CreationAccess access,
            CampaignApi campaigns,
            IndicatorApi indicators,
            OrganizationApi organization,
            EvidenceApi evidence,
            ApplicationEventPublisher events,
            DatabaseTime time) {
        this.store = store;
        this.access = access;
        this.campaigns = campaigns;
        this.indicators = indicators;
        this.organization = organization;
        this.evidence = evidence;
        this.events = events;
        this.time = time;
    }

    // ------------------------------------------------------------------ campaigns and set-up

    /** The creation campaigns the user sees: its office's and those its unit has tasks in. */
    @Transactional(readOnly = true)
    public List<CampaignView> list(CurrentUser user) {
        Map<Long, CampaignView> out = new LinkedHashMap<>();
        if (user.hasRole("OFFICE_ADMIN") || user.hasRole("LEADER")) {
            campaigns.ownedBy(user.jurisdictionUnitId()).stream()
                    .filter(c -> c.kind() == CampaignKind.CREATION)
                    .forEach(c -> out.put(c.id(), c));
        }
        for (long id : store.campaignsOfUnit(user.unitId())) {
            out.putIfAbsent(id, campaigns.campaign(id));
        }
        return out.values().stream()
                .sorted((a, b) -> Long.compare(b.id(), a.id()))
                .toList();
    }

    /** Creates a creation campaign from a template and expands its responsible units, in one transaction. */
    public CampaignView create(String template, String name, int year, CurrentUser user) {
        if (!user.hasRole("OFFICE_ADMIN")) {
            throw access.denied("creation.create", template, "not an office admin");
        }
        CampaignView c = campaigns.createFromTemplate(template, name, year, user);
        if (c.kind() != CampaignKind.CREATION) {
            throw new InvalidInputException("template", "creation.template.notCreation", template);
        }
        setUp(c.id(), user);
        return c;
    }

    /**
     * 任务分解到单位: every task's printed responsible units expanded into the jurisdiction's units (see
     * {@link GroupExpansion}); what does not resolve is recorded as a gap for the office. Once only.
     */
    public int setUp(long campaignId, CurrentUser user) {
        CreationAccess.Caller c = access.office(campaignId, user, "creation.setup");
        if (store.isSetUp(campaignId)) {
            throw new ConflictException(null, "creation.alreadySetUp");
        }
        long owner = c.campaign().ownerUnitId();
        List<UnitView> units = organization.list(UnitScope.subtree(owner));
        GroupExpansion expansion = new GroupExpansion(units, owner, user.unitId());
        List<CreationStore.NewAssignment> rows = new ArrayList<>();
        int gaps = 0;
        Set<Long> assignedUnits = new HashSet<>();
        for (CategoryView cat : campaigns.categories(campaignId)) {
            Map<Long, IndicatorNode> nodes = new HashMap<>();
            indicators.tree(cat.indicatorSystemId()).roots().forEach(n -> index(n, nodes));
            for (TaskView t : campaigns.tasksOfCategory(cat.id())) {
                IndicatorNode n = nodes.get(t.nodeId());
                String lead = n == null ? null : n.responsibleLead();
                List<String> co = n == null ? List.of() : n.responsibleCo();
                if (n != null && blank(lead) && co.isEmpty()) {
                    lead = n.assessorLead();
                    co = n.assessorCo();
                }
                GroupExpansion.Result r = expansion.expand(lead, co);
                for (GroupExpansion.Assigned a : r.units()) {
                    rows.add(new CreationStore.NewAssignment(
                            t.id(), a.unitId(), a.role().name(), a.viaGroup()));
                    assignedUnits.add(a.unitId());
                }
                for (GroupExpansion.Gap g : r.gaps()) {
                    store.insertGap(campaignId, t.id(), g.kind().name(), g.printed());
                    gaps++;
                }
            }
        }
        store.insertAssignments(campaignId, rows, user.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("assignments", rows.size());
        after.put("units", assignedUnits.size());
        after.put("gaps", gaps);
        events.publishEvent(AuditEvent.success("creation.setup", CreationAccess.TYPE, campaignId, null, after));
        String link = "/creation/" + campaignId;
        if (!assignedUnits.isEmpty()) {
            events.publishEvent(Notice.toUnits(
                    "CREATION",
                    "示范创建任务已分解到本单位：" + c.campaign().name(),
                    "请在“示范创建”中查看本单位的任务台账，按任务上传材料并填写说明。",
                    link + "/my",
                    assignedUnits));
        }
        if (gaps > 0) {
            events.publishEvent(Notice.toUnits(
                    "CREATION",
                    "示范创建责任单位展开：" + gaps + " 处未能对应到单位",
                    "请在活动页面的“未能对应的责任单位”中核对：未找到的单位、未匹配任何单位的单位群体、源文件未印责任单位的任务。",
                    link,
                    Set.of(user.unitId()),
                    "OFFICE_ADMIN"));
        }
        return rows.size();
    }

    /** Whether the campaign's responsible units have been expanded (campaigns made on the campaign page have not). */
    @Transactional(readOnly = true)
    public boolean isSetUp(long campaignId) {
        return store.isSetUp(campaignId);
    }

    private static void index(IndicatorNode n, Map<Long, IndicatorNode> out) {
        if (n.id() != null) {
            out.put(n.id(), n);
        }
        n.children().forEach(ch -> index(ch, out));
    }

    @Transactional(readOnly = true)
    public List<GapView> gaps(long campaignId, CurrentUser user) {
        CreationAccess.Caller c = access.caller(campaignId, user);
        if (!c.readsAll()) {
            return List.of();
        }
        Map<Long, TaskView> tasks = tasks(campaignId);
        return store.gaps(campaignId).stream()
                .map(g -> new GapView(
                        g.id(),
                        g.taskId(),
                        g.taskId() == null ? null : title(tasks.get(g.taskId())),
                        g.kind(),
                        g.printed()))
                .toList();
    }

    // ------------------------------------------------------------------ task ledger and materials

    /** The caller's unit's lines (任务台账). */
    @Transactional(readOnly = true)
    public List<AssignmentView> myLines(long campaignId, CurrentUser user) {
        access.caller(campaignId, user);
        return views(campaignId, store.assignmentsOfUnit(campaignId, user.unitId()));
    }

    /** A unit's lines, for the office and leaders. */
    @Transactional(readOnly = true)
    public List<AssignmentView> linesOfUnit(long campaignId, long unitId, CurrentUser user) {
        CreationAccess.Caller c = access.caller(campaignId, user);
        if (!c.readsAll() && unitId != user.unitId()) {
            throw access.denied("creation.unit.read", unitId, "another unit's lines");
        }
        return views(campaignId, store.assignmentsOfUnit(campaignId, unitId));
    }

    /**
     * A task's lines: all of them for the office, leaders and the task's lead units (汇总备查); a co-unit
     * sees its own line only; a unit without a line gets 404.
     */
    @Transactional(readOnly = true)
    public List<AssignmentView> taskLines(long campaignId, long taskId, CurrentUser user) {
        CreationAccess.Caller c = access.caller(campaignId, user);
        TaskView task = task(campaignId, taskId);
        List<CreationStore.AssignmentRow> rows = store.assignmentsOfTask(task.id());
        if (c.readsAll()) {
            return views(campaignId, rows);
        }
        CreationStore.AssignmentRow own = rows.stream()
                .filter(r -> r.unitId() == user.unitId())
                .findFirst()
                .orElseThrow(() -> access.denied("creation.task.read", taskId, "no line of the unit"));
        return views(campaignId, "LEAD".equals(own.role()) ? rows : List.of(own));
    }

    @Transactional(readOnly = true)
    public TaskView task(long campaignId, long taskId) {
        return campaigns
                .task(taskId)
                .filter(t -> t.campaignId() == campaignId)
                .orElseThrow(() -> access.denied("creation.task.read", taskId, "no such task"));
    }

    /** Stores a material file of the caller's unit for the task; refused (403, nothing stored) if not responsible. */
    public AttachmentView upload(long campaignId, long taskId, String fileName, InputStream in, CurrentUser user) {
        CreationStore.AssignmentRow line = ownLine(campaignId, taskId, user, "creation.material.upload");
        AttachmentView a = evidence.attach(MATERIAL, line.id(), fileName, in, user);
        store.touch(line.id(), user.username());
        events.publishEvent(AuditEvent.success(
                "creation.material.upload",
                CreationAccess.TYPE,
                line.id(),
                null,
                Map.of("task", taskId, "unit", user.unitId(), "file", a.displayName(), "sha256", a.sha256())));
        return a;
    }

    /** The unit's explanation of its material; over the word limit → 400 with the count and the limit. */
    public AssignmentView explain(long campaignId, long taskId, String text, CurrentUser user) {
        CreationStore.AssignmentRow line = ownLine(campaignId, taskId, user, "creation.explanation.write");
        TaskView task = task(campaignId, taskId);
        String value = Texts.multiline("explanation", text, TEXT_MAX);
        int words = checkWords(task, value);
        store.explain(line.id(), value, words, user.username());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("words", line.explanationWords());
        events.publishEvent(AuditEvent.success(
                "creation.explanation.write", CreationAccess.TYPE, line.id(), before, Map.of("words", words)));
        return views(campaignId, List.of(store.assignment(line.id()).orElseThrow()))
                .get(0);
    }

    /**
     * 汇总备查 by a lead unit: which lines' materials go into the declaration package, and the consolidated
     * explanation of the task (same word limit as an explanation).
     */
    public void consolidate(
            long campaignId, long taskId, Collection<Long> includedLineIds, String text, CurrentUser user) {
        CreationStore.AssignmentRow line = ownLine(campaignId, taskId, user, "creation.consolidate");
        if (!"LEAD".equals(line.role())) {
            throw access.notResponsible("creation.consolidate", taskId, user);
        }
        TaskView task = task(campaignId, taskId);
        String value = Texts.multiline("explanation", text, TEXT_MAX);
        int words = checkWords(task, value);
        List<CreationStore.AssignmentRow> rows = store.assignmentsOfTask(taskId);
        Set<Long> ids = new HashSet<>(includedLineIds == null ? List.of() : includedLineIds);
        for (long id : ids) {
            if (rows.stream().noneMatch(r -> r.id() == id)) {
                throw new InvalidInputException("included", "creation.consolidate.foreignLine", id);
            }
        }
        store.include(taskId, ids, user.username());
        String before = store.consolidation(taskId)
                .map(CreationStore.ConsolidationRow::explanation)
                .orElse(null);
        store.consolidate(campaignId, taskId, user.unitId(), value == null ? "" : value, user.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("included", ids.stream().sorted().toList());
        after.put(
                "excluded",
                rows.stream()
                        .map(CreationStore.AssignmentRow::id)
                        .filter(id -> !ids.contains(id))
                        .toList());
        after.put("words", words);
        events.publishEvent(AuditEvent.success(
                "creation.consolidate",
                CreationAccess.TYPE,
                taskId,
                before == null ? null : Map.of("words", EvidenceApi.wordCount(before)),
                after));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<CreationStore.ConsolidationRow> consolidation(
            long campaignId, long taskId, CurrentUser user) {
        taskLines(campaignId, taskId, user);
        return store.consolidation(taskId);
    }

    static int checkWords(TaskView task, String value) {
        int words = EvidenceApi.wordCount(value);
        Integer max = task.wordLimitMax() != null ? task.wordLimitMax() : task.wordLimit();
        int limit = max == null ? DEFAULT_MAX_WORDS : max;
        if (words > limit) {
            throw new InvalidInputException("explanation", "creation.explanation.tooLong", words, limit);
        }
        return words;
    }

    private CreationStore.AssignmentRow ownLine(long campaignId, long taskId, CurrentUser user, String action) {
        access.caller(campaignId, user);
        task(campaignId, taskId);
        return store.assignment(taskId, user.unitId()).orElseThrow(() -> access.notResponsible(action, taskId, user));
    }

    /** A material file, for whoever may see its line. */
    @Transactional(readOnly = true)
    public EvidenceApi.OpenedAttachment openFile(long campaignId, long attachmentId, CurrentUser user) {
        AttachmentView a = evidence.attachment(attachmentId)
                .orElseThrow(() -> access.denied("creation.file.read", attachmentId, "no such file"));
        if (MATERIAL.equals(a.ownerKind())) {
            CreationStore.AssignmentRow line = store.assignment(a.ownerId())
                    .filter(l -> l.campaignId() == campaignId)
                    .orElseThrow(() -> access.denied("creation.file.read", attachmentId, "not of this campaign"));
            boolean visible =
                    taskLines(campaignId, line.taskId(), user).stream().anyMatch(l -> l.id() == line.id());
            if (!visible) {
                throw access.denied("creation.file.read", attachmentId, "line not visible");
            }
        } else if (SELF_REPORT.equals(a.ownerKind())) {
            CreationAccess.Caller c = access.caller(campaignId, user);
            CreationStore.SelfReportRow r = store.selfReports(campaignId).stream()
                    .filter(x -> x.id() == a.ownerId())
                    .findFirst()
                    .orElseThrow(() -> access.denied("creation.file.read", attachmentId, "not of this campaign"));
            if (!c.readsAll() && r.unitId() != user.unitId()) {
                throw access.denied("creation.file.read", attachmentId, "another unit's self-report");
            }
        } else {
            throw access.denied("creation.file.read", attachmentId, "not a creation file");
        }
        return evidence.open(a, user);
    }

    // ------------------------------------------------------------------ self-reports (全面自查)

    @Transactional(readOnly = true)
    public SelfReportView selfReport(long campaignId, CurrentUser user) {
        access.caller(campaignId, user);
        return store.selfReport(campaignId, user.unitId())
                .map(r -> selfReportView(r, unitNames(campaignId)))
                .orElse(null);
    }

    @Transactional(readOnly = true)
    public List<SelfReportView> selfReports(long campaignId, CurrentUser user) {
        CreationAccess.Caller c = access.caller(campaignId, user);
        Map<Long, String> names = unitNames(campaignId);
        return store.selfReports(campaignId).stream()
                .filter(r -> c.readsAll() || r.unitId() == user.unitId())
                .map(r -> selfReportView(r, names))
                .toList();
    }

    public SelfReportView saveSelfReport(long campaignId, String body, CurrentUser user) {
        requireUnit(campaignId, user, "creation.selfReport.write");
        String value = Texts.requiredMultiline("body", body, TEXT_MAX);
        var existing = store.selfReportForUpdate(campaignId, user.unitId());
        if (existing.isPresent()) {
            if (existing.get().sealedAt() != null) {
                throw new ConflictException("body", "creation.selfReport.sealed");
            }
            store.updateSelfReport(existing.get().id(), value, user.username());
        } else {
            store.insertSelfReport(campaignId, user.unitId(), value, user.username());
        }
        CreationStore.SelfReportRow r =
                store.selfReport(campaignId, user.unitId()).orElseThrow();
        events.publishEvent(AuditEvent.success(
                "creation.selfReport.write",
                CreationAccess.TYPE,
                r.id(),
                null,
                Map.of("words", EvidenceApi.wordCount(value))));
        return selfReportView(r, unitNames(campaignId));
    }

    public AttachmentView attachSelfReport(long campaignId, String fileName, InputStream in, CurrentUser user) {
        requireUnit(campaignId, user, "creation.selfReport.write");
        CreationStore.SelfReportRow r = store.selfReportForUpdate(campaignId, user.unitId())
                .orElseThrow(() -> new ConflictException("file", "creation.selfReport.missing"));
        if (r.sealedAt() != null) {
            throw new ConflictException("file", "creation.selfReport.sealed");
        }
        AttachmentView a = evidence.attach(SELF_REPORT, r.id(), fileName, in, user);
        store.updateSelfReport(r.id(), r.body(), user.username());
        return a;
    }

    /** 封存: the report can no longer change; its SHA-256 (body and files) is kept and shown. */
    public SelfReportView seal(long campaignId, CurrentUser user) {
        requireUnit(campaignId, user, "creation.selfReport.seal");
        CreationStore.SelfReportRow r = store.selfReportForUpdate(campaignId, user.unitId())
                .orElseThrow(() -> new ConflictException(null, "creation.selfReport.missing"));
        if (r.sealedAt() != null) {
            throw new ConflictException(null, "creation.selfReport.sealed");
        }
        List<AttachmentView> files =
                evidence.attachments(SELF_REPORT, List.of(r.id())).getOrDefault(r.id(), List.of());
        String hash = sealHash(r.body(), files);
        store.seal(r.id(), hash, time.now(), user.username());
        events.publishEvent(AuditEvent.success(
                "creation.selfReport.seal",
                CreationAccess.TYPE,
                r.id(),
                null,
                Map.of("sha256", hash, "files", files.size())));
        return selfReportView(store.selfReport(campaignId, user.unitId()).orElseThrow(), unitNames(campaignId));
    }

    /** SHA-256 of the body (UTF-8), then per file in upload order its SHA-256 and name, one per line. */
    static String sealHash(String body, List<AttachmentView> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(body.getBytes(StandardCharsets.UTF_8));
            for (AttachmentView f : files.stream()
                    .sorted((a, b) -> Long.compare(a.id(), b.id()))
                    .toList()) {
                md.update(("\n" + f.sha256() + "  " + f.displayName()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SelfReportView selfReportView(CreationStore.SelfReportRow r, Map<Long, String> names) {
        List<AttachmentView> files =
                evidence.attachments(SELF_REPORT, List.of(r.id())).getOrDefault(r.id(), List.of());
        boolean intact = r.sealSha256() == null || r.sealSha256().equals(sealHash(r.body(), files));
        return new SelfReportView(
                r.id(),
                r.unitId(),
                names.getOrDefault(r.unitId(), "#" + r.unitId()),
                r.body(),
                r.updatedAt(),
                r.sealedAt(),
                r.sealedBy(),
                r.sealSha256(),
                intact,
                files);
    }

    private CreationAccess.Caller requireUnit(long campaignId, CurrentUser user, String action) {
        CreationAccess.Caller c = access.caller(campaignId, user);
        if (!c.unit()) {
            throw access.denied(action, campaignId, "not a responsible unit");
        }
        return c;
    }

    // ------------------------------------------------------------------ problems (限期整改)

    @Transactional(readOnly = true)
    public List<CreationProblemView> problems(long campaignId, CurrentUser user) {
        CreationAccess.Caller c = access.caller(campaignId, user);
        Map<Long, String> names = unitNames(campaignId);
        Map<Long, TaskView> tasks = tasks(campaignId);
        return store.problems(campaignId).stream()
                .filter(p -> c.readsAll() || p.unitId() == user.unitId())
                .map(p -> problemView(p, names, tasks))
                .toList();
    }

    /**
     * A problem on a unit's list: a unit adds its own (the unit id given is ignored); the office adds one
     * for any responsible unit of the campaign (督察指导).
     */
    public CreationProblemView addProblem(
            long campaignId,
            Long unitId,
            Long taskId,
            String source,
            String description,
            String measures,
            LocalDate dueOn,
            CurrentUser user) {
        CreationAccess.Caller c = access.caller(campaignId, user);
        long unit;
        if (c.office()) {
            if (unitId == null) {
                throw new InvalidInputException("unitId", "creation.problem.unitRequired");
            }
            if (!store.involved(campaignId, unitId)) {
                throw new InvalidInputException("unitId", "creation.problem.unitNotInvolved");
            }
            unit = unitId;
        } else if (c.unit()) {
            unit = user.unitId();
        } else {
            throw access.denied("creation.problem.write", campaignId, "read-only");
        }
        if (taskId != null) {
            task(campaignId, taskId);
        }
        String src = source == null || source.isBlank() ? (c.office() ? "GUIDANCE" : "SELF_CHECK") : source.strip();
        if (!SOURCES.contains(src)) {
            throw new InvalidInputException("source", "creation.problem.source");
        }
        String d = Texts.requiredMultiline("description", description, 5000);
        String m = Texts.multiline("measures", measures, 5000);
        long id = store.insertProblem(campaignId, unit, taskId, src, d, m, dueOn, user.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("unit", unit);
        after.put("task", taskId);
        after.put("source", src);
        after.put("status", "OPEN");
        events.publishEvent(AuditEvent.success("creation.problem.add", CreationAccess.TYPE, id, null, after));
        if (unit != user.unitId()) {
            events.publishEvent(Notice.toUnits(
                    "CREATION",
                    "示范创建问题清单新增问题：" + Texts.abbreviate(d, 40),
                    m,
                    "/creation/" + campaignId + "/my",
                    Set.of(unit)));
        }
        return problemView(store.problem(campaignId, id).orElseThrow(), unitNames(campaignId), tasks(campaignId));
    }

    /** The unit marks its problem rectified (整改完成) with a note. */
    public CreationProblemView rectify(long campaignId, long problemId, String note, CurrentUser user) {
        access.caller(campaignId, user);
        CreationStore.ProblemRow p = store.problem(campaignId, problemId)
                .filter(x -> x.unitId() == user.unitId())
                .orElseThrow(() -> access.denied("creation.problem.rectify", problemId, "not the unit's problem"));
        if (!"OPEN".equals(p.status())) {
            throw new ConflictException(null, "creation.problem.notOpen");
        }
        String n = Texts.requiredMultiline("note", note, 5000);
        store.rectify(problemId, n, time.now(), user.username());
        events.publishEvent(AuditEvent.success(
                "creation.problem.rectify",
                CreationAccess.TYPE,
                problemId,
                Map.of("status", "OPEN"),
                Map.of("status", "RECTIFIED")));
        return problemView(
                store.problem(campaignId, problemId).orElseThrow(), unitNames(campaignId), tasks(campaignId));
    }

    private static CreationProblemView problemView(
            CreationStore.ProblemRow p, Map<Long, String> names, Map<Long, TaskView> tasks) {
        return new CreationProblemView(
                p.id(),
                p.unitId(),
                names.getOrDefault(p.unitId(), "#" + p.unitId()),
                p.taskId(),
                p.taskId() == null ? null : title(tasks.get(p.taskId())),
                p.source(),
                p.description(),
                p.measures(),
                p.dueOn(),
                p.status(),
                p.rectifiedNote(),
                p.rectifiedAt(),
                p.createdAt(),
                p.createdBy());
    }

    // ------------------------------------------------------------------ progress

    /** Progress on the current day: every unit for the office and leaders, the unit's own figures otherwise. */
    @Transactional(readOnly = true)
    public CreationProgress progress(long campaignId, CurrentUser user) {
        CreationAccess.Caller c = access.caller(campaignId, user);
        LongPredicate visible = c.readsAll() ? u -> true : u -> u == user.unitId();
        return progress(campaignId, LocalDate.ofInstant(time.now(), ClockConfiguration.ZONE), visible);
    }

    /** Progress without a scope check (the caller has checked it). */
    @Transactional(readOnly = true)
    public CreationProgress progress(long campaignId, LocalDate today, LongPredicate visibleUnit) {
        Map<Long, TaskView> tasks = tasks(campaignId);
        List<CreationStore.AssignmentRow> rows = store.assignments(campaignId);
        Map<Long, Integer> files = fileCounts(rows);
        Map<Long, Integer> openProblems = new HashMap<>();
        Map<Long, Integer> openByTask = new HashMap<>();
        for (CreationStore.ProblemRow p : store.problems(campaignId)) {
            if ("OPEN".equals(p.status())) {
                openProblems.merge(p.unitId(), 1, Integer::sum);
                if (p.taskId() != null) {
                    openByTask.merge(p.taskId(), 1, Integer::sum);
                }
            }
        }
        Map<Long, int[]> perUnit = new LinkedHashMap<>();
        for (CreationStore.AssignmentRow r : rows) {
            int[] f = perUnit.computeIfAbsent(r.unitId(), k -> new int[4]);
            boolean hasFiles = files.getOrDefault(r.id(), 0) > 0;
            boolean hasText = r.explanation() != null && !r.explanation().isBlank();
            f[0]++;
            f[1] += hasFiles ? 1 : 0;
            f[2] += hasText ? 1 : 0;
            f[3] += hasFiles && hasText ? 1 : 0;
        }
        Map<Long, BigDecimal> rates = new HashMap<>();
        perUnit.forEach((u, f) -> rates.put(u, LaggingRule.rate(f[3], f[0])));
        BigDecimal median = LaggingRule.median(rates.values());
        LaggingRule.Checkpoint cp = LaggingRule.checkpoint(campaigns.phases(campaignId), today);
        BigDecimal target = cp == null ? null : cp.target();
        Map<Long, String> names = unitNames(campaignId);
        List<CreationProgress.UnitProgress> units = new ArrayList<>();
        perUnit.forEach((u, f) -> {
            if (visibleUnit.test(u)) {
                BigDecimal rate = rates.get(u);
                units.add(new CreationProgress.UnitProgress(
                        u,
                        names.getOrDefault(u, "#" + u),
                        f[0],
                        f[1],
                        f[2],
                        f[3],
                        openProblems.getOrDefault(u, 0),
                        rate,
                        LaggingRule.lagging(rate, target, median)));
            }
        });
        units.sort((a, b) -> a.rate().compareTo(b.rate()) != 0
                ? a.rate().compareTo(b.rate())
                : a.unitName().compareTo(b.unitName()));
        // per indicator, in the system's order
        Map<String, int[]> perIndicator = new LinkedHashMap<>();
        Map<String, Set<Long>> tasksOf = new HashMap<>();
        for (TaskView t : tasks.values()) {
            perIndicator.computeIfAbsent(indicatorOf(t), k -> new int[3]);
        }
        for (CreationStore.AssignmentRow r : rows) {
            if (!visibleUnit.test(r.unitId())) {
                continue;
            }
            TaskView t = tasks.get(r.taskId());
            String ind = indicatorOf(t);
            int[] f = perIndicator.get(ind);
            f[0]++;
            boolean done = files.getOrDefault(r.id(), 0) > 0
                    && r.explanation() != null
                    && !r.explanation().isBlank();
            f[1] += done ? 1 : 0;
            if (tasksOf.computeIfAbsent(ind, k -> new HashSet<>()).add(t.id())) {
                f[2] += openByTask.getOrDefault(t.id(), 0);
            }
        }
        List<CreationProgress.IndicatorProgress> inds = new ArrayList<>();
        int pos = 0;
        for (Map.Entry<String, int[]> e : perIndicator.entrySet()) {
            pos++;
            int[] f = e.getValue();
            if (f[0] == 0) {
                continue;
            }
            inds.add(new CreationProgress.IndicatorProgress(
                    pos,
                    e.getKey(),
                    tasksOf.getOrDefault(e.getKey(), Set.of()).size(),
                    f[0],
                    f[1],
                    f[2],
                    LaggingRule.rate(f[1], f[0])));
        }
        return new CreationProgress(
                campaignId,
                today,
                target,
                median,
                cp == null ? null : cp.date(),
                cp == null ? null : cp.phase(),
                units,
                inds);
    }

    Map<Long, Integer> fileCounts(List<CreationStore.AssignmentRow> rows) {
        Map<Long, Integer> out = new HashMap<>();
        List<Long> ids = rows.stream().map(CreationStore.AssignmentRow::id).toList();
        for (int i = 0; i < ids.size(); i += 5000) {
            evidence.attachments(MATERIAL, ids.subList(i, Math.min(ids.size(), i + 5000)))
                    .forEach((k, v) -> out.put(k, v.size()));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** The campaign's tasks by id, in the system's order. */
    Map<Long, TaskView> tasks(long campaignId) {
        Map<Long, TaskView> out = new LinkedHashMap<>();
        campaigns.tasks(campaignId).forEach(t -> out.put(t.id(), t));
        return out;
    }

    Map<Long, String> unitNames(long campaignId) {
        Map<Long, String> out = new HashMap<>();
        organization
                .list(UnitScope.subtree(campaigns.campaign(campaignId).ownerUnitId()))
                .forEach(u -> out.put(u.id(), u.name()));
        return out;
    }

    /** The indicator a task belongs to: the node directly above it (its own title when at the top). */
    public static String indicatorOf(TaskView t) {
        return t.path().isEmpty() ? title(t) : t.path().get(t.path().size() - 1);
    }

    static String title(TaskView t) {
        return t == null ? null : t.title();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    List<AssignmentView> views(long campaignId, List<CreationStore.AssignmentRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, TaskView> tasks = tasks(campaignId);
        Map<Long, String> names = unitNames(campaignId);
        Map<Long, List<AttachmentView>> files = new HashMap<>();
        List<Long> ids = rows.stream().map(CreationStore.AssignmentRow::id).toList();
        for (int i = 0; i < ids.size(); i += 5000) {
            files.putAll(evidence.attachments(MATERIAL, ids.subList(i, Math.min(ids.size(), i + 5000))));
        }
        List<TaskView> order = new ArrayList<>(tasks.values());
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i).id(), i);
        }
        return rows.stream()
                .sorted((a, b) -> a.taskId() != b.taskId()
                        ? Integer.compare(position.getOrDefault(a.taskId(), 0), position.getOrDefault(b.taskId(), 0))
                        : Integer.compare("LEAD".equals(a.role()) ? 0 : 1, "LEAD".equals(b.role()) ? 0 : 1))
                .map(r -> {
                    TaskView t = tasks.get(r.taskId());
                    return new AssignmentView(
                            r.id(),
                            r.taskId(),
                            t.label(),
                            t.name(),
                            indicatorOf(t),
                            t.methods(),
                            r.unitId(),
                            names.getOrDefault(r.unitId(), "#" + r.unitId()),
                            r.role(),
                            r.viaGroup(),
                            r.explanation(),
                            r.explanationWords(),
                            r.included(),
                            t.wordLimit(),
                            t.wordLimitMax(),
                            r.updatedAt(),
                            r.updatedBy(),
                            files.getOrDefault(r.id(), List.of()));
                })
                .toList();
    }
}
