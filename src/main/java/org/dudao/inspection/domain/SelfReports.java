package org.dudao.inspection.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.ExtensionView;
import org.dudao.campaign.PhaseView;
import org.dudao.campaign.TargetView;
import org.dudao.identity.IdentityApi;
import org.dudao.inspection.ReportMeasure;
import org.dudao.inspection.SelfReportCommand;
import org.dudao.inspection.SelfReportView;
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
 * 自查报告: a target writes its report as a draft, sees live whether problems and measures reach the
 * campaign's minimum share (60 %, seed 002), and submits it by the self-inspection phase's last day
 * (24:00 Asia/Shanghai on the database clock, later only with an extension); submitted, it is read-only.
 */
@Service
@Transactional
public class SelfReports {

    static final int NARRATIVE_MAX = 50000;
    static final int FIELD_MAX = 5000;

    private final InspectionStore store;
    private final InspectionAccess access;
    private final CampaignApi campaigns;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;
    private final IdentityApi identity;

    SelfReports(
            InspectionStore store,
            InspectionAccess access,
            CampaignApi campaigns,
            DatabaseTime time,
            ApplicationEventPublisher events,
            IdentityApi identity) {
        this.store = store;
        this.access = access;
        this.campaigns = campaigns;
        this.time = time;
        this.events = events;
        this.identity = identity;
    }

    InspectionSettings settings(long campaignId) {
        return InspectionSettings.parse(campaigns.settings(campaignId));
    }

    /** The caller's own report (a target of the inspection); 404 for anyone else. */
    @Transactional(readOnly = true)
    public SelfReportView own(long campaignId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        if (c.ownTarget() == null) {
            throw access.denied("inspection.report.read", campaignId, "not a target");
        }
        return view(campaignId, c.ownTarget(), settings(campaignId));
    }

    /** A target's report as the office, a leader, the target or its visiting team reads it. */
    @Transactional(readOnly = true)
    public SelfReportView view(long campaignId, long targetId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        TargetView t = access.readableTarget(c, targetId, "inspection.report.read");
        return view(campaignId, t, settings(campaignId));
    }

    /** Every target's report status and measure (office and leaders). */
    @Transactional(readOnly = true)
    public List<SelfReportView> all(long campaignId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        if (!c.readsAll()) {
            throw access.denied("inspection.report.list", campaignId, "not the office");
        }
        InspectionSettings s = settings(campaignId);
        return campaigns.targets(campaignId).stream()
                .map(t -> view(campaignId, t, s))
                .toList();
    }

    SelfReportView view(long campaignId, TargetView t, InspectionSettings s) {
        Instant due = due(campaignId, t.id());
        Instant now = time.now();
        return store.report(campaignId, t.id())
                .map(r -> {
                    List<SelfReportView.Figure> figures = store.figures(r.id());
                    List<SelfReportView.Problem> problems = store.problems(r.id());
                    ReportMeasure m = ReportRules.measure(
                            r.narrative(), figures, problems, s.problemShareMin(), s.reportMaxChars());
                    boolean open = "DRAFT".equals(r.status()) && (due == null || now.isBefore(due));
                    return new SelfReportView(
                            r.id(),
                            campaignId,
                            t.id(),
                            t.name(),
                            r.narrative(),
                            figures,
                            problems,
                            r.status(),
                            m,
                            due,
                            open,
                            r.submittedAt(),
                            r.submittedBy(),
                            r.updatedAt());
                })
                .orElseGet(() -> new SelfReportView(
                        null,
                        campaignId,
                        t.id(),
                        t.name(),
                        "",
                        List.of(),
                        List.of(),
                        "NONE",
                        ReportRules.measure("", List.of(), List.of(), s.problemShareMin(), s.reportMaxChars()),
                        due,
                        due == null || now.isBefore(due),
                        null,
                        null,
                        null));
    }

    /**
     * Until when the target may change and submit its report: the end of the self-inspection phase's last
     * day, or a later extension the office granted the target for all its work (task-less extension).
     */
    public Instant due(long campaignId, long targetId) {
        PhaseView p = access.phase(campaignId, "SELF_INSPECTION");
        Instant due = p == null ? null : InspectionAccess.endOfDay(p.endsOn());
        if (due == null) {
            return null;
        }
        for (ExtensionView e : campaigns.extensions(targetId)) {
            if (e.taskId() == null && e.until().isAfter(due)) {
                due = e.until();
            }
        }
        return due;
    }

    /** The measure of a draft as typed, without saving (the live check on the page). */
    @Transactional(readOnly = true)
    public ReportMeasure measure(long campaignId, SelfReportCommand command, CurrentUser user) {
        access.caller(campaignId, user);
        InspectionSettings s = settings(campaignId);
        Cleaned c = clean(command, false);
        return ReportRules.measure(c.narrative(), c.figures(), c.problems(), s.problemShareMin(), s.reportMaxChars());
    }

    /** Saves the caller's draft: all of it or nothing. */
    public SelfReportView save(long campaignId, SelfReportCommand command, CurrentUser user) {
        InspectionAccess.Caller c = ownTarget(campaignId, user, "inspection.report.save");
        InspectionStore.Report r = store.lockReport(campaignId, c.ownTarget().id(), user.username());
        checkOpen(campaignId, c.ownTarget().id(), r);
        InspectionSettings s = settings(campaignId);
        Cleaned cleaned = clean(command, true);
        ReportMeasure m = ReportRules.measure(
                cleaned.narrative(), cleaned.figures(), cleaned.problems(), s.problemShareMin(), s.reportMaxChars());
        if (!m.lengthOk()) {
            throw new InvalidInputException("narrative", "inspection.report.tooLong", m.totalChars(), m.maxChars());
        }
        store.saveReport(
                r.id(),
                cleaned.narrative(),
                cleaned.figures(),
                cleaned.problems(),
                m.totalChars(),
                m.problemChars(),
                user.username());
        events.publishEvent(AuditEvent.success(
                "inspection.report.save", "inspection-report", r.id(), null, summary(c.ownTarget(), m)));
        return view(campaignId, c.ownTarget(), s);
    }

    /** Submits the caller's saved report: it must reach the minimum share and state real data. */
    public SelfReportView submit(long campaignId, CurrentUser user) {
        InspectionAccess.Caller c = ownTarget(campaignId, user, "inspection.report.submit");
        InspectionStore.Report r = store.lockReport(campaignId, c.ownTarget().id(), user.username());
        Instant now = checkOpen(campaignId, c.ownTarget().id(), r);
        InspectionSettings s = settings(campaignId);
        List<SelfReportView.Figure> figures = store.figures(r.id());
        List<SelfReportView.Problem> problems = store.problems(r.id());
        ReportMeasure m =
                ReportRules.measure(r.narrative(), figures, problems, s.problemShareMin(), s.reportMaxChars());
        if (problems.isEmpty()) {
            throw new InvalidInputException("problems", "inspection.report.noProblems");
        }
        if (figures.isEmpty()) {
            throw new InvalidInputException("figures", "inspection.report.noFigures");
        }
        if (!m.shareOk()) {
            throw new InvalidInputException(
                    "problems", "inspection.report.share", m.share().toPlainString(), m.minShare());
        }
        if (!m.lengthOk()) {
            throw new InvalidInputException("narrative", "inspection.report.tooLong", m.totalChars(), m.maxChars());
        }
        store.submitReport(r.id(), user.username(), now);
        events.publishEvent(AuditEvent.success(
                "inspection.report.submit",
                "inspection-report",
                r.id(),
                Map.of("status", r.status()),
                summary(c.ownTarget(), m)));
        events.publishEvent(Notice.toAccounts(
                "INSPECTION",
                "【自查报告】" + c.ownTarget().name() + " 已报送自查报告",
                "问题及整改措施占篇幅 " + m.share().toPlainString() + "%。",
                "/campaigns/" + campaignId + "/inspection/targets/"
                        + c.ownTarget().id() + "/self-report",
                Set.copyOf(identity.officeAccountIds(c.campaign().ownerUnitId()))));
        return view(campaignId, c.ownTarget(), s);
    }

    private InspectionAccess.Caller ownTarget(long campaignId, CurrentUser user, String action) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        if (c.ownTarget() == null) {
            throw access.denied(action, campaignId, "not a target");
        }
        return c;
    }

    private Instant checkOpen(long campaignId, long targetId, InspectionStore.Report r) {
        if (!"DRAFT".equals(r.status())) {
            throw new ConflictException("status", "inspection.report.submitted");
        }
        Instant now = time.now();
        Instant due = due(campaignId, targetId);
        if (due != null && !now.isBefore(due)) {
            throw new ConflictException("due", "inspection.report.late", SelfReportView.dueText(due));
        }
        return now;
    }

    record Cleaned(String narrative, List<SelfReportView.Figure> figures, List<SelfReportView.Problem> problems) {}

    /** Trims the rows, drops wholly empty ones and, when strict, refuses incomplete ones with the row number. */
    static Cleaned clean(SelfReportCommand cmd, boolean strict) {
        String narrative = strict
                ? Texts.multiline("narrative", cmd.narrative(), NARRATIVE_MAX)
                : (cmd.narrative() == null ? "" : cmd.narrative().strip());
        List<SelfReportView.Figure> figures = new ArrayList<>();
        List<SelfReportView.Figure> givenFigures = cmd.figures() == null ? List.of() : cmd.figures();
        for (int i = 0; i < givenFigures.size(); i++) {
            SelfReportView.Figure f = givenFigures.get(i);
            String label = strip(f == null ? null : f.label());
            String value = strip(f == null ? null : f.value());
            if (label.isEmpty() && value.isEmpty()) {
                continue;
            }
            if (strict && (label.isEmpty() || value.isEmpty())) {
                throw new InvalidInputException("figures[" + i + "]", "inspection.report.figureIncomplete", i + 1);
            }
            if (strict && (label.length() > 200 || value.length() > 200)) {
                throw new InvalidInputException("figures[" + i + "]", "inspection.report.figureTooLong", i + 1);
            }
            figures.add(new SelfReportView.Figure(label, value));
        }
        List<SelfReportView.Problem> problems = new ArrayList<>();
        List<SelfReportView.Problem> given = cmd.problems() == null ? List.of() : cmd.problems();
        for (int i = 0; i < given.size(); i++) {
            SelfReportView.Problem p = given.get(i);
            String description = strip(p == null ? null : p.description());
            String causes = strip(p == null ? null : p.causes());
            String measures = strip(p == null ? null : p.measures());
            if (description.isEmpty() && causes.isEmpty() && measures.isEmpty()) {
                continue;
            }
            if (strict && description.isEmpty()) {
                throw new InvalidInputException(
                        "problems[" + i + "].description", "inspection.report.problemDescription", i + 1);
            }
            if (strict && measures.isEmpty()) {
                throw new InvalidInputException(
                        "problems[" + i + "].measures", "inspection.report.problemMeasures", i + 1);
            }
            if (strict
                    && (description.length() > FIELD_MAX
                            || causes.length() > FIELD_MAX
                            || measures.length() > FIELD_MAX)) {
                throw new InvalidInputException(
                        "problems[" + i + "]", "inspection.report.problemTooLong", i + 1, FIELD_MAX);
            }
            problems.add(new SelfReportView.Problem(description, causes, measures));
        }
        return new Cleaned(narrative == null ? "" : narrative, List.copyOf(figures), List.copyOf(problems));
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static Map<String, Object> summary(TargetView t, ReportMeasure m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", t.name());
        out.put("totalChars", m.totalChars());
        out.put("problemChars", m.problemChars());
        out.put("share", m.share());
        out.put("figures", m.figures());
        out.put("problems", m.problems());
        return out;
    }
}
