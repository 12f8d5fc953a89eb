package org.dudao.report.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.feedback.FeedbackApi;
import org.dudao.feedback.ProblemView;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.ScoringApi;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a campaign's official documents for its office (anyone else: 404, audited by
 * {@link CampaignApi#managed}). The data are read in one read-only, repeatable-read transaction (one
 * snapshot of results, breakdowns and problems), the document is composed and written outside it, the PDF
 * converted outside it too (LibreOffice may take seconds), and every generated file is audited with its
 * SHA-256 ({@code report.document.generate}).
 */
@Service
public class DocumentService {

    private final CampaignApi campaigns;
    private final ScoringApi scoring;
    private final FeedbackApi feedback;
    private final DocumentSettingsService settings;
    private final DocumentPdf pdf;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate snapshot;

    DocumentService(
            CampaignApi campaigns,
            ScoringApi scoring,
            FeedbackApi feedback,
            DocumentSettingsService settings,
            DocumentPdf pdf,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.scoring = scoring;
        this.feedback = feedback;
        this.settings = settings;
        this.pdf = pdf;
        this.events = events;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** A campaign-wide document (results notice, annual report) as docx or PDF. */
    public GeneratedDocument campaignDocument(long campaignId, DocumentKind kind, boolean asPdf, CurrentUser user) {
        if (kind.perTarget()) {
            throw new IllegalArgumentException(kind + " is written per target");
        }
        OfficialDocument doc = snapshot.execute(tx -> {
            CampaignView c = campaigns.managed(campaignId, user);
            CampaignFacts f = facts(c, user);
            return switch (kind) {
                case RESULTS_NOTICE -> {
                    if (!f.frozen()) {
                        throw new ConflictException(null, "report.documents.notApproved");
                    }
                    yield ResultsNotice.compose(f);
                }
                case ANNUAL_REPORT -> AnnualReport.compose(annualInputs(f));
                default -> throw new IllegalStateException(kind.name());
            };
        });
        return finish(doc, campaignId, kind, null, asPdf, user);
    }

    /** A letter to one target of the campaign as docx or PDF. */
    public GeneratedDocument targetDocument(
            long campaignId, long targetId, DocumentKind kind, boolean asPdf, CurrentUser user) {
        if (!kind.perTarget()) {
            throw new IllegalArgumentException(kind + " is written per campaign");
        }
        OfficialDocument doc = snapshot.execute(tx -> {
            CampaignView c = campaigns.managed(campaignId, user);
            campaigns
                    .target(targetId)
                    .filter(t -> t.campaignId() == campaignId)
                    .orElseThrow(() -> new NotFoundException("campaign-target", targetId));
            CampaignFacts f = facts(c, user);
            TargetLetters.Inputs in = targetInputs(f, targetId);
            return switch (kind) {
                case FEEDBACK_LETTER -> TargetLetters.feedbackLetter(in);
                case RECOMMENDATION_LETTER -> {
                    List<String> eligible =
                            TargetLetters.recommendationLevels(f.levels().levels());
                    if (!eligible.contains(in.result().level())) {
                        throw new ConflictException(
                                null,
                                "report.documents.notEligible",
                                DocumentText.orDash(in.result().level()),
                                String.join("、", eligible));
                    }
                    yield TargetLetters.recommendationLetter(in);
                }
                case RECTIFICATION_NOTICE -> {
                    if (TargetLetters.confirmed(in.problems()).isEmpty()) {
                        throw new ConflictException(null, "report.documents.noConfirmedProblems");
                    }
                    yield TargetLetters.rectificationNotice(in);
                }
                default -> throw new IllegalStateException(kind.name());
            };
        });
        return finish(doc, campaignId, kind, targetId, asPdf, user);
    }

    /** One row of the documents page: a target, its result and which letters it can get. */
    public record TargetRow(
            long targetId,
            String name,
            String category,
            String finalScore,
            String level,
            Integer rank,
            boolean hasResult,
            boolean recommendation,
            long confirmedProblems) {}

    /** What the documents page shows. */
    public record Overview(
            DocumentSettings settings,
            String workflowStatus,
            boolean frozen,
            boolean hasResults,
            List<String> recommendationLevels,
            List<TargetRow> targets,
            boolean libreOffice) {}

    public Overview overview(long campaignId, CurrentUser user) {
        return snapshot.execute(tx -> {
            CampaignView c = campaigns.managed(campaignId, user);
            CampaignFacts f = facts(c, user);
            List<String> eligible =
                    TargetLetters.recommendationLevels(f.levels().levels());
            Map<Long, ResultView> results = f.resultsByTarget();
            Map<Long, Long> confirmed = feedback.problems(campaignId).stream()
                    .filter(p -> "CONFIRMED".equals(p.status()))
                    .collect(Collectors.groupingBy(ProblemView::targetId, Collectors.counting()));
            List<TargetRow> rows = f.targets().stream()
                    .map(t -> {
                        ResultView r = results.get(t.id());
                        return new TargetRow(
                                t.id(),
                                t.name(),
                                t.category(),
                                r == null ? null : DocumentText.points(r.finalScore()),
                                r == null ? null : r.level(),
                                r == null ? null : r.rank(),
                                r != null,
                                r != null && eligible.contains(r.level()),
                                confirmed.getOrDefault(t.id(), 0L));
                    })
                    .toList();
            return new Overview(
                    f.settings(),
                    f.workflow() == null ? null : f.workflow().status(),
                    f.frozen(),
                    !f.results().isEmpty(),
                    eligible,
                    rows,
                    pdf.libreOfficeAvailable());
        });
    }

    // ------------------------------------------------------------------ reading

    CampaignFacts facts(CampaignView c, CurrentUser user) {
        DocumentSettings s = settings.effective(c, user);
        LocalDate signing = s.signingDate() != null ? s.signingDate() : settings.today();
        Map<Long, Long> tasksPerCategory = campaigns.tasks(c.id()).stream()
                .collect(Collectors.groupingBy(TaskView::categoryId, Collectors.counting()));
        return new CampaignFacts(
                c,
                campaigns.categories(c.id()),
                campaigns.targets(c.id()),
                tasksPerCategory,
                scoring.results(c.id()),
                scoring.workflow(c.id()).orElse(null),
                scoring.levels(c.id()),
                s,
                signing);
    }

    private AnnualReport.Inputs annualInputs(CampaignFacts f) {
        if (f.results().isEmpty()) {
            throw new ConflictException(null, "report.documents.noResults");
        }
        Map<Long, Breakdown> breakdowns = new HashMap<>();
        Map<Long, Map<String, Object>> all = scoring.breakdowns(f.campaign().id());
        for (ResultView r : f.results()) {
            breakdowns.put(r.targetId(), Breakdown.of(all.get(r.targetId())));
        }
        return new AnnualReport.Inputs(
                f,
                breakdowns,
                feedback.problems(f.campaign().id()),
                feedback.rectifications(f.campaign().id()),
                true);
    }

    private TargetLetters.Inputs targetInputs(CampaignFacts f, long targetId) {
        long campaignId = f.campaign().id();
        ResultView result = scoring.result(campaignId, targetId)
                .orElseThrow(() -> new ConflictException(null, "report.documents.noResults"));
        return new TargetLetters.Inputs(
                f,
                result,
                Breakdown.of(scoring.breakdown(campaignId, targetId).orElse(null)),
                feedback.problemsOfTarget(campaignId, targetId),
                feedback.rectificationsOfTarget(campaignId, targetId),
                feedback.reviewDays(campaignId));
    }

    // ------------------------------------------------------------------ writing

    private GeneratedDocument finish(
            OfficialDocument doc, long campaignId, DocumentKind kind, Long targetId, boolean asPdf, CurrentUser user) {
        byte[] docx = DocxWriter.write(doc);
        byte[] bytes = docx;
        String engine = null;
        if (asPdf) {
            DocumentPdf.Pdf p = pdf.render(doc, docx);
            bytes = p.bytes();
            engine = p.engine();
        }
        String sha = sha256(bytes);
        String target = targetId == null ? "" : "-" + targetName(campaignId, targetId);
        String filename = kind.title() + target + "-" + campaignName(campaignId) + (asPdf ? ".pdf" : ".docx");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind.slug());
        after.put("format", asPdf ? "pdf" : "docx");
        if (targetId != null) {
            after.put("targetId", targetId);
        }
        after.put("title", doc.title());
        if (doc.masthead() != null && doc.masthead().documentNo() != null) {
            after.put("documentNo", doc.masthead().documentNo());
        }
        after.put("sha256", sha);
        after.put("bytes", bytes.length);
        if (engine != null) {
            after.put("engine", engine);
        }
        events.publishEvent(AuditEvent.success(
                "report.document.generate",
                DocumentSettingsService.TYPE,
                "campaign/" + campaignId + "/" + kind.slug() + (targetId == null ? "" : "/target/" + targetId),
                null,
                after));
        return new GeneratedDocument(
                bytes, filename, asPdf ? GeneratedDocument.PDF : GeneratedDocument.DOCX, sha, engine);
    }

    private String campaignName(long campaignId) {
        return campaigns.campaign(campaignId).name();
    }

    private String targetName(long campaignId, long targetId) {
        return campaigns.target(targetId).map(TargetView::name).orElse(String.valueOf(targetId));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
