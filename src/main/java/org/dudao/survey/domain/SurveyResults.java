package org.dudao.survey.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dudao.shared.security.CurrentUser;
import org.dudao.survey.LinkView;
import org.dudao.survey.OptionView;
import org.dudao.survey.QuestionKind;
import org.dudao.survey.QuestionView;
import org.dudao.survey.QuestionnaireView;
import org.dudao.survey.ResultsView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a questionnaire, computed on request: per target the number of responses (and how many
 * are demo data), the average satisfaction, and per question the count and share of each option, the
 * average rating and the free-text answers.
 */
@Service
@Transactional(readOnly = true)
public class SurveyResults {

    private final SurveyStore store;
    private final QuestionnaireService questionnaires;

    SurveyResults(SurveyStore store, QuestionnaireService questionnaires) {
        this.store = store;
        this.questionnaires = questionnaires;
    }

    public ResultsView results(long id, CurrentUser user) {
        QuestionnaireView q = questionnaires.get(id, user);
        return results(q);
    }

    ResultsView results(QuestionnaireView q) {
        List<LinkView> links = questionnaires.links(q);
        List<SurveyStore.Response> responses = store.responses(q.id());
        Map<Long, List<SurveyStore.Response>> byTarget = new HashMap<>();
        responses.forEach(r ->
                byTarget.computeIfAbsent(r.targetId(), k -> new ArrayList<>()).add(r));
        Map<Long, List<SurveyStore.Answer>> byResponse = new HashMap<>();
        store.answers(q.id())
                .forEach(a -> byResponse
                        .computeIfAbsent(a.responseId(), k -> new ArrayList<>())
                        .add(a));
        List<ResultsView.TargetResult> targets = new ArrayList<>();
        for (LinkView link : links) {
            List<SurveyStore.Response> rs = byTarget.getOrDefault(link.targetId(), List.of());
            List<SurveyStore.Answer> answers = rs.stream()
                    .flatMap(r -> byResponse.getOrDefault(r.id(), List.of()).stream())
                    .toList();
            targets.add(new ResultsView.TargetResult(
                    link.targetId(),
                    link.targetName(),
                    rs.size(),
                    rs.stream().filter(r -> "DEMO".equals(r.source())).count(),
                    average(rs),
                    questions(q, answers)));
        }
        return new ResultsView(q.id(), q.title(), targets);
    }

    /** The average of the responses' satisfaction shares (responses without a rating answer left out). */
    static BigDecimal average(List<SurveyStore.Response> rs) {
        List<BigDecimal> s = rs.stream()
                .map(SurveyStore.Response::satisfaction)
                .filter(Objects::nonNull)
                .toList();
        if (s.isEmpty()) {
            return null;
        }
        return s.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(s.size()), 4, RoundingMode.HALF_UP);
    }

    static List<ResultsView.QuestionResult> questions(QuestionnaireView q, List<SurveyStore.Answer> answers) {
        List<ResultsView.QuestionResult> out = new ArrayList<>();
        for (QuestionView question : q.questions()) {
            List<SurveyStore.Answer> mine = answers.stream()
                    .filter(a -> a.questionId() == question.id())
                    .toList();
            long answered =
                    mine.stream().map(SurveyStore.Answer::responseId).distinct().count();
            Map<Long, Long> counts = new LinkedHashMap<>();
            mine.forEach(a -> {
                if (a.optionId() != null) {
                    counts.merge(a.optionId(), 1L, Long::sum);
                }
            });
            List<ResultsView.OptionCount> options = new ArrayList<>();
            BigDecimal scoreSum = BigDecimal.ZERO;
            long scored = 0;
            for (OptionView o : question.options()) {
                long n = counts.getOrDefault(o.id(), 0L);
                options.add(new ResultsView.OptionCount(
                        o.id(),
                        o.label(),
                        o.score(),
                        n,
                        answered == 0
                                ? BigDecimal.ZERO.setScale(4)
                                : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(answered), 4, RoundingMode.HALF_UP)));
                if (o.score() != null) {
                    scoreSum = scoreSum.add(o.score().multiply(BigDecimal.valueOf(n)));
                    scored += n;
                }
            }
            BigDecimal average = question.kind() == QuestionKind.RATING && scored > 0
                    ? scoreSum.divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP)
                    : null;
            List<String> texts = new ArrayList<>();
            if (question.kind() == QuestionKind.TEXT) {
                mine.stream()
                        .map(SurveyStore.Answer::text)
                        .filter(Objects::nonNull)
                        .forEach(t -> texts.add(0, t));
            }
            out.add(new ResultsView.QuestionResult(
                    question.id(),
                    question.position(),
                    question.kind(),
                    question.text(),
                    answered,
                    options,
                    average,
                    question.maxScore(),
                    texts));
        }
        return out;
    }
}
