package org.dudao.campaign.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.AssessorMatch;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.ExtensionView;
import org.dudao.campaign.PhaseView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.indicator.IndicatorApi;
import org.dudao.indicator.IndicatorTree;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitScope;
import org.dudao.organization.UnitView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating campaigns from templates or last year's, assigning assessors, deadlines and extensions. */
@Service
@Transactional
public class CampaignService {

    static final String TYPE = "campaign";
    private static final Set<String> OFFICE_ROLES = Set.of("OFFICE_ADMIN", "LEADER");

    private final CampaignStore store;
    private final CampaignTemplates templates;
    private final IndicatorApi indicators;
    private final OrganizationApi organization;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final ObjectMapper json = new ObjectMapper();

    public CampaignService(
            CampaignStore store,
            CampaignTemplates templates,
            IndicatorApi indicators,
            OrganizationApi organization,
            ApplicationEventPublisher events,
            MessageSource messages) {
        this.store = store;
        this.templates = templates;
        this.indicators = indicators;
        this.organization = organization;
        this.events = events;
        this.messages = messages;
    }

    /**
     * What the user sees: its office's campaigns (also for an inspector of the jurisdiction, who rates
     * their on-site tasks), and those its unit is a target or assessor in.
     */
    @Transactional(readOnly = true)
    public List<CampaignView> list(CurrentUser user) {
        Map<Long, CampaignView> out = new LinkedHashMap<>();
        if (seesJurisdiction(user)) {
            store.listOwnedBy(user.jurisdictionUnitId()).forEach(c -> out.put(c.id(), c));
        }
        store.listInvolving(user.unitId()).forEach(c -> out.putIfAbsent(c.id(), c));
        return out.values().stream()
                .sorted((a, b) -> a.year() != b.year() ? b.year() - a.year() : Long.compare(b.id(), a.id()))
                .toList();
    }

    /** The office that runs the campaign: an office admin of the owning jurisdiction. */
    public static boolean isOfficeOf(CampaignView campaign, CurrentUser user) {
        return user.roles().contains("OFFICE_ADMIN") && campaign.ownerUnitId() == user.jurisdictionUnitId();
    }

    /** The office, leaders and inspectors (考核组: on-site assessment) see every campaign of their jurisdiction. */
    static boolean seesJurisdiction(CurrentUser user) {
        return isOffice(user) || user.hasRole("INSPECTOR");
    }

    static boolean isOffice(CurrentUser user) {
        return user.roles().stream().anyMatch(OFFICE_ROLES::contains);
    }

    /** The campaign if the user may see it; otherwise 404 and a DENIED audit record. */
    @Transactional(readOnly = true)
    public CampaignView visible(long id, CurrentUser user) {
        CampaignView c = store.find(id).orElseThrow(() -> new NotFoundException(TYPE, id));
        if (seesJurisdiction(user) && c.ownerUnitId() == user.jurisdictionUnitId()) {
            return c;
        }
        if (store.listInvolving(user.unitId()).stream().anyMatch(x -> x.id() == id)) {
            return c;
        }
        events.publishEvent(AuditEvent.denied("campaign.read", TYPE, id, "not involved"));
        throw new NotFoundException(TYPE, id);
    }

    /** The campaign if the user is its office (may change it); otherwise 404 and a DENIED audit record. */
    @Transactional(readOnly = true)
    public CampaignView managed(long id, CurrentUser user) {
        CampaignView c = store.find(id).orElseThrow(() -> new NotFoundException(TYPE, id));
        if (isOfficeOf(c, user)) {
            return c;
        }
        events.publishEvent(AuditEvent.denied("campaign.manage", TYPE, id, "not the campaign's office"));
        throw new NotFoundException(TYPE, id);
    }

    /** Instantiates a template for a year: every date moves by the difference in years. */
    public CampaignView createFromTemplate(String templateCode, String name, int year, CurrentUser user) {
        CampaignTemplate t = templates
                .find(templateCode)
                .orElseThrow(() -> new InvalidInputException("template", "campaign.template.unknown", templateCode));
        checkYear(year);
        int shift = year - t.year();
        String given = Texts.optional("name", name, 300);
        String title = given == null ? t.name().replace(String.valueOf(t.year()), "" + year) : given;
        long id = store.insertCampaign(
                t.kind(),
                year,
                title.strip(),
                t.documentNo(),
                t.code(),
                null,
                user.jurisdictionUnitId(),
                toJson(t.settings()),
                user.username());
        List<UnitView> units = organization.list(UnitScope.subtree(user.jurisdictionUnitId()));
        Map<String, Long> unitByName = new HashMap<>();
        units.forEach(u -> unitByName.putIfAbsent(AssessorMatcher.key(u.name()), u.id()));
        AssessorMatcher matcher = new AssessorMatcher(units);
        TaskPlan.Defaults defaults = new TaskPlan.Defaults(
                CampaignTemplate.shift(t.materialsDue(), shift),
                CampaignTemplate.shift(t.centralReviewDue(), shift),
                shift);
        List<String> missingTargets = new ArrayList<>();
        int tasks = 0;
        int unmatched = 0;
        for (int c = 0; c < t.categories().size(); c++) {
            CampaignTemplate.Category cat = t.categories().get(c);
            IndicatorTree tree = indicators.builtinTree(cat.system(), user);
            long categoryId = store.insertCategory(id, cat.name(), tree.system().id(), c);
            int position = 0;
            for (String targetName : cat.targets()) {
                Long unit = unitByName.get(AssessorMatcher.key(targetName));
                if (unit == null) {
                    missingTargets.add(targetName);
                } else {
                    store.insertTarget(id, categoryId, unit, position++);
                }
            }
            List<TaskPlan.PlannedTask> planned = TaskPlan.plan(tree.roots(), cat.name(), matcher, defaults);
            store.insertTasks(
                    id,
                    categoryId,
                    planned.stream().map(CampaignService::newTask).toList());
            tasks += planned.size();
            unmatched += (int) planned.stream()
                    .filter(p -> p.match() == AssessorMatch.UNMATCHED)
                    .count();
        }
        List<String> codes = t.kind().defaultPhases();
        Map<String, CampaignTemplate.Phase> dated = new HashMap<>();
        t.phases().forEach(p -> dated.put(p.code(), p));
        for (int i = 0; i < codes.size(); i++) {
            CampaignTemplate.Phase p = dated.get(codes.get(i));
            store.insertPhase(
                    id,
                    codes.get(i),
                    phaseName(codes.get(i)),
                    p == null ? null : CampaignTemplate.shift(p.startsOn(), shift),
                    p == null ? null : CampaignTemplate.shift(p.endsOn(), shift),
                    p == null ? null : p.note(),
                    i);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("template", t.code());
        after.put("year", year);
        after.put("name", title);
        after.put("tasks", tasks);
        after.put("unmatchedAssessors", unmatched);
        after.put("missingTargets", missingTargets);
        events.publishEvent(AuditEvent.success("campaign.create", TYPE, id, null, after));
        return store.find(id).orElseThrow();
    }

    /** 沿用上年: the same categories, systems, targets, assessors and phases, dates moved; nothing submitted. */
    public CampaignView cloneForYear(long sourceId, int year, String name, CurrentUser user) {
        CampaignView src = managed(sourceId, user);
        checkYear(year);
        int shift = year - src.year();
        String title = name == null || name.isBlank()
                ? src.name().replace(String.valueOf(src.year()), String.valueOf(year))
                : Texts.required("name", name, 300);
        long id = store.insertCampaign(
                src.kind(),
                year,
                title,
                src.documentNo(),
                src.templateCode(),
                src.id(),
                src.ownerUnitId(),
                store.settings(sourceId),
                user.username());
        List<TargetView> targets = store.targets(sourceId);
        List<TaskView> tasks = store.tasks(sourceId);
        for (CategoryView cat : store.categories(sourceId)) {
            long categoryId = store.insertCategory(id, cat.name(), cat.indicatorSystemId(), cat.position());
            int position = 0;
            for (TargetView t : targets) {
                if (t.categoryId() == cat.id()) {
                    store.insertTarget(id, categoryId, t.unitId(), position++);
                }
            }
            store.insertTasks(
                    id,
                    categoryId,
                    tasks.stream()
                            .filter(k -> k.categoryId() == cat.id())
                            .map(k -> new CampaignStore.NewTask(
                                    k.nodeId(),
                                    k.path(),
                                    k.label(),
                                    k.name(),
                                    k.points(),
                                    k.methods(),
                                    k.materials(),
                                    k.requirement(),
                                    k.assessorName(),
                                    k.assessorUnitId(),
                                    k.assessorMatch(),
                                    k.needsMaterial(),
                                    shift(k.deadline(), shift),
                                    endOfDay(shift(k.deadline(), shift)),
                                    k.wordLimit(),
                                    k.wordLimitMax(),
                                    k.sourceRef()))
                            .toList());
        }
        List<PhaseView> phases = store.phases(sourceId);
        for (int i = 0; i < phases.size(); i++) {
            PhaseView p = phases.get(i);
            store.insertPhase(
                    id, p.code(), p.name(), shift(p.startsOn(), shift), shift(p.endsOn(), shift), p.note(), i);
        }
        events.publishEvent(AuditEvent.success(
                "campaign.clone", TYPE, id, null, Map.of("from", sourceId, "year", year, "name", title)));
        return store.find(id).orElseThrow();
    }

    /**
     * The office adds a unit of its jurisdiction to a campaign as a target of one category (e.g. the
     * counties of an inspection, whose template names none); a unit is a target of a campaign once.
     */
    public TargetView addTarget(long campaignId, long categoryId, long unitId, CurrentUser user) {
        managed(campaignId, user);
        CategoryView category = store.categories(campaignId).stream()
                .filter(c -> c.id() == categoryId)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("categoryId", "campaign.target.category"));
        if (organization.list(UnitScope.subtree(user.jurisdictionUnitId())).stream()
                .noneMatch(u -> u.id() == unitId)) {
            throw new InvalidInputException("unitId", "campaign.assessor.unknownUnit");
        }
        List<TargetView> targets = store.targets(campaignId);
        if (targets.stream().anyMatch(t -> t.unitId() == unitId)) {
            throw new org.dudao.shared.error.ConflictException("unitId", "campaign.target.duplicate");
        }
        int position =
                (int) targets.stream().filter(t -> t.categoryId() == categoryId).count();
        store.insertTarget(campaignId, categoryId, unitId, position);
        TargetView added = store.targetOfUnit(campaignId, unitId).orElseThrow();
        events.publishEvent(AuditEvent.success(
                "campaign.target.add",
                "campaign-target",
                added.id(),
                null,
                mapOf("campaignId", campaignId, "category", category.name(), "unit", added.name())));
        return added;
    }

    /** The office assigns (or clears) a task's assessor unit. */
    public TaskView assignAssessor(long taskId, Long unitId, CurrentUser user) {
        TaskView task = store.task(taskId).orElseThrow(() -> new NotFoundException("campaign-task", taskId));
        managed(task.campaignId(), user);
        if (unitId != null
                && organization.list(UnitScope.subtree(user.jurisdictionUnitId())).stream()
                        .noneMatch(u -> u.id() == unitId)) {
            throw new InvalidInputException("unitId", "campaign.assessor.unknownUnit");
        }
        store.assignAssessor(taskId, unitId, unitId == null ? AssessorMatch.UNMATCHED : AssessorMatch.ASSIGNED);
        events.publishEvent(AuditEvent.success(
                "campaign.task.assessor",
                "campaign-task",
                taskId,
                mapOf("assessorUnitId", task.assessorUnitId(), "match", task.assessorMatch()),
                mapOf("assessorUnitId", unitId)));
        return store.task(taskId).orElseThrow();
    }

    /** The office moves a task's deadline (the end of the given day, Asia/Shanghai). */
    public TaskView setDeadline(long taskId, LocalDate deadline, CurrentUser user) {
        return setDueAt(taskId, deadline, endOfDay(deadline), user);
    }

    /**
     * The office sets a task's deadline to an exact instant (e.g. a time of day announced by notice); the
     * deadline's date, when not given, is the instant's day in Asia/Shanghai.
     */
    public TaskView setDueAt(long taskId, LocalDate deadline, Instant dueAt, CurrentUser user) {
        TaskView task = store.task(taskId).orElseThrow(() -> new NotFoundException("campaign-task", taskId));
        managed(task.campaignId(), user);
        if (deadline == null && dueAt != null) {
            deadline = dueAt.atZone(ClockConfiguration.ZONE).toLocalDate();
        }
        store.setDeadline(taskId, deadline, dueAt);
        events.publishEvent(AuditEvent.success(
                "campaign.task.deadline",
                "campaign-task",
                taskId,
                mapOf("deadline", task.deadline(), "dueAt", task.dueAt()),
                mapOf("deadline", deadline, "dueAt", dueAt)));
        return store.task(taskId).orElseThrow();
    }

    /** 延期: lets one target change its submissions (one task, or all when taskId is null) until a time. */
    public ExtensionView grantExtension(
            long campaignId, long targetId, Long taskId, Instant until, String reason, CurrentUser user) {
        managed(campaignId, user);
        TargetView target = store.target(targetId)
                .filter(t -> t.campaignId() == campaignId)
                .orElseThrow(() -> new NotFoundException("campaign-target", targetId));
        if (taskId != null
                && store.task(taskId)
                        .filter(k -> k.campaignId() == campaignId && k.categoryId() == target.categoryId())
                        .isEmpty()) {
            throw new NotFoundException("campaign-task", taskId);
        }
        if (until == null) {
            throw new InvalidInputException("until", "campaign.extension.untilRequired");
        }
        String why = Texts.requiredMultiline("reason", reason, 500, "campaign.extension.reasonRequired");
        long id = store.insertExtension(campaignId, targetId, taskId, until, why, user.username());
        events.publishEvent(AuditEvent.success(
                "campaign.extension.grant",
                "campaign-extension",
                id,
                null,
                mapOf("target", target.name(), "taskId", taskId, "until", until, "reason", reason.strip())));
        return store.extensions(targetId).stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow();
    }

    public void revokeExtension(long campaignId, long extensionId, CurrentUser user) {
        managed(campaignId, user);
        ExtensionView e = store.extensionsOfCampaign(campaignId).stream()
                .filter(x -> x.id() == extensionId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("campaign-extension", extensionId));
        store.revokeExtension(extensionId, user.username());
        events.publishEvent(AuditEvent.success(
                "campaign.extension.revoke", "campaign-extension", extensionId, mapOf("until", e.until()), null));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "campaign.year.invalid");
        }
    }

    private String phaseName(String code) {
        return messages.getMessage("campaign.phase." + code, null, code, LocaleContextHolder.getLocale());
    }

    static Instant endOfDay(LocalDate day) {
        return day == null
                ? null
                : day.plusDays(1).atStartOfDay(ClockConfiguration.ZONE).toInstant();
    }

    private static LocalDate shift(LocalDate d, int years) {
        return CampaignTemplate.shift(d, years);
    }

    private static CampaignStore.NewTask newTask(TaskPlan.PlannedTask p) {
        var n = p.node();
        return new CampaignStore.NewTask(
                n.id(),
                p.path(),
                n.label(),
                n.name(),
                n.points(),
                n.methods(),
                n.materials(),
                n.requirement(),
                p.assessorName(),
                p.assessorUnitId(),
                p.match(),
                p.needsMaterial(),
                p.deadline(),
                endOfDay(p.deadline()),
                n.wordLimit(),
                n.wordLimitMax(),
                n.sourceRef());
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o == null ? Map.of() : o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
