package org.dudao.survey.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.RowResult;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.survey.QuestionnaireStatus;
import org.dudao.survey.QuestionnaireView;
import org.dudao.survey.ResultsView;
import org.dudao.survey.SatisfactionOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 满意度得分 (ADR 0015). The office links a questionnaire to the campaign's 满意度调查 task(s); on an
 * explicit, confirmed action every target with at least the minimum number of valid responses (responses
 * with a rating answer) gets, for each linked task of its category,
 *
 * <pre>points = round(satisfaction × task points, 2, half up)</pre>
 *
 * where satisfaction is the average over the target's valid responses of (Σ points chosen ÷ Σ highest
 * points of the rating questions answered). The evaluation is written through the evaluation module (its
 * checks, history and audit), with a reason naming the questionnaire, the response count and the
 * computation. A target below the minimum is flagged (TOO_FEW) and its evaluation is left as it is.
 */
@Service
@Transactional
public class SatisfactionService {

    public static final String METHOD = "满意度调查";

    private final SurveyStore store;
    private final QuestionnaireService questionnaires;
    private final SurveyResults results;
    private final CampaignApi campaigns;
    private final EvaluationApi evaluations;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    SatisfactionService(
            SurveyStore store,
            QuestionnaireService questionnaires,
            SurveyResults results,
            CampaignApi campaigns,
            EvaluationApi evaluations,
            ApplicationEventPublisher events,
            MessageSource messages) {
        this.store = store;
        this.questionnaires = questionnaires;
        this.results = results;
        this.campaigns = campaigns;
        this.evaluations = evaluations;
        this.events = events;
        this.messages = messages;
    }

    /** The campaign's tasks a questionnaire may score: method 满意度调查 and points above 0. */
    @Transactional(readOnly = true)
    public List<TaskView> candidates(long campaignId) {
        return campaigns.tasks(campaignId).stream()
                .filter(t -> t.methods().contains(METHOD)
                        && t.points() != null
                        && t.points().signum() > 0)
                .toList();
    }

    /** Links the questionnaire to satisfaction tasks and sets the minimum number of responses. */
    public QuestionnaireView configure(long id, Collection<Long> taskIds, Integer minResponses, CurrentUser user) {
        QuestionnaireView q = questionnaires.managed(id, user);
        Set<Long> ids = new LinkedHashSet<>(taskIds == null ? List.of() : taskIds);
        Set<Long> allowed = new LinkedHashSet<>();
        candidates(q.campaignId()).forEach(t -> allowed.add(t.id()));
        for (Long t : ids) {
            if (t == null || !allowed.contains(t)) {
                throw new InvalidInputException("taskIds", "survey.satisfaction.notSatisfactionTask", t);
            }
        }
        int min = minResponses == null ? q.minResponses() : minResponses;
        if (min < 1 || min > 100_000) {
            throw new InvalidInputException("minResponses", "survey.minResponses.invalid");
        }
        store.setSatisfactionTasks(id, ids);
        store.setMinResponses(id, min, user.username());
        QuestionnaireView after = store.find(id).orElseThrow();
        events.publishEvent(AuditEvent.success(
                "survey.satisfaction.configure",
                QuestionnaireService.TYPE,
                id,
                Map.of("tasks", q.satisfactionTaskIds(), "minResponses", q.minResponses()),
                Map.of("tasks", after.satisfactionTaskIds(), "minResponses", after.minResponses())));
        return after;
    }

    /** What {@link #apply} would write, target by target (nothing is written). */
    @Transactional(readOnly = true)
    public List<SatisfactionOutcome> preview(long id, CurrentUser user) {
        return outcomes(questionnaires.get(id, user));
    }

    /**
     * Writes the satisfaction evaluations (all or nothing). Refused while the questionnaire is a draft or
     * has no linked task, and when the evaluation module refuses a row (locked, phase closed…).
     */
    public List<SatisfactionOutcome> apply(long id, CurrentUser user) {
        QuestionnaireView q = questionnaires.managed(id, user);
        if (q.status() == QuestionnaireStatus.DRAFT) {
            throw new ConflictException(null, "survey.satisfaction.draft");
        }
        if (q.satisfactionTaskIds().isEmpty()) {
            throw new ConflictException(null, "survey.satisfaction.noTask");
        }
        List<SatisfactionOutcome> outcomes = outcomes(q);
        List<EvaluationCommand> rows = new ArrayList<>();
        for (SatisfactionOutcome o : outcomes) {
            if ("SCORED".equals(o.status())) {
                rows.add(new EvaluationCommand(o.targetId(), o.taskId(), null, o.points(), null, o.reason(), null));
            }
        }
        if (!rows.isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("questionnaireId", q.id());
            detail.put("questionnaire", q.title());
            List<RowResult> written = evaluations.applyDerived(q.campaignId(), rows, user, detail);
            Optional<RowResult> failed =
                    written.stream().filter(RowResult::failed).findFirst();
            if (failed.isPresent()) {
                throw new ConflictException(
                        null, "survey.satisfaction.refused", failed.get().error());
            }
        }
        long flagged =
                outcomes.stream().filter(o -> "TOO_FEW".equals(o.status())).count();
        events.publishEvent(AuditEvent.success(
                "survey.satisfaction.apply",
                QuestionnaireService.TYPE,
                id,
                null,
                Map.of("scored", rows.size(), "tooFew", flagged, "minResponses", q.minResponses())));
        return outcomes;
    }

    List<SatisfactionOutcome> outcomes(QuestionnaireView q) {
        ResultsView r = results.results(q);
        Map<Long, TargetView> targets = new LinkedHashMap<>();
        campaigns.targets(q.campaignId()).forEach(t -> targets.put(t.id(), t));
        List<TaskView> tasks = campaigns.tasks(q.campaignId()).stream()
                .filter(t -> q.satisfactionTaskIds().contains(t.id()))
                .toList();
        Map<Long, Long> valid = validCounts(q.id());
        List<SatisfactionOutcome> out = new ArrayList<>();
        for (ResultsView.TargetResult tr : r.targets()) {
            TargetView target = targets.get(tr.targetId());
            if (target == null) {
                continue;
            }
            long n = valid.getOrDefault(tr.targetId(), 0L);
            for (TaskView task : tasks) {
                if (task.categoryId() != target.categoryId()) {
                    continue;
                }
                String status;
                BigDecimal points = null;
                String reason;
                if (n < q.minResponses()) {
                    status = "TOO_FEW";
                    reason = text("survey.satisfaction.reason.tooFew", q.title(), n, q.minResponses());
                } else {
                    BigDecimal share = tr.satisfaction();
                    points = task.points().multiply(share).setScale(2, RoundingMode.HALF_UP);
                    status = "SCORED";
                    reason = text(
                            "survey.satisfaction.reason",
                            q.title(),
                            n,
                            share.multiply(BigDecimal.valueOf(100))
                                    .setScale(2, RoundingMode.HALF_UP)
                                    .toPlainString(),
                            task.points().stripTrailingZeros().toPlainString(),
                            points.toPlainString());
                    Optional<EvaluationView> current = evaluations.find(target.id(), task.id());
                    if (current.isPresent()
                            && current.get().points() != null
                            && current.get().points().compareTo(points) == 0
                            && Objects.equals(current.get().reason(), reason)) {
                        status = "UNCHANGED";
                    }
                }
                out.add(new SatisfactionOutcome(
                        target.id(),
                        target.name(),
                        task.id(),
                        task.title(),
                        task.points(),
                        n,
                        n == 0 ? null : tr.satisfaction(),
                        points,
                        status,
                        reason));
            }
        }
        return out;
    }

    /** Valid responses (with a rating answer) per target. */
    private Map<Long, Long> validCounts(long questionnaireId) {
        Map<Long, Long> m = new LinkedHashMap<>();
        for (SurveyStore.Response resp : store.responses(questionnaireId)) {
            if (resp.satisfaction() != null) {
                m.merge(resp.targetId(), 1L, Long::sum);
            }
        }
        return m;
    }

    /** Reasons are stored as written, in Chinese (the language of the records). */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
