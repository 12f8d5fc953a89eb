package org.dudao.survey.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.Texts;
import org.dudao.survey.QuestionKind;
import org.dudao.survey.QuestionnaireCommand;
import org.dudao.survey.QuestionnaireView;

/**
 * A questionnaire command that passed every check: title 1…200 characters, intro at most 2,000, at most
 * 100 questions of a known kind with a text of 1…500 characters; choice and rating questions with 2…20
 * distinct options; every rating option with points ≥ 0 (at most two decimals), at least one above 0;
 * free-text questions without options; minimum responses 1…100,000 (default 30).
 */
public record Checked(String title, String intro, LocalDate closesOn, int minResponses, List<Question> questions) {

    static final int MAX_QUESTIONS = 100;
    static final int MAX_OPTIONS = 20;
    static final int DEFAULT_MIN_RESPONSES = 30;

    public record Question(
            QuestionKind kind, String text, boolean required, List<QuestionnaireCommand.Option> options) {}

    public static Checked of(QuestionnaireCommand c) {
        String title = Texts.required("title", c.title(), 200);
        String intro = Texts.multiline("intro", c.intro(), 2000);
        int min = c.minResponses() == null ? DEFAULT_MIN_RESPONSES : c.minResponses();
        if (min < 1 || min > 100_000) {
            throw new InvalidInputException("minResponses", "survey.minResponses.invalid");
        }
        List<QuestionnaireCommand.Question> qs = c.questions() == null ? List.of() : c.questions();
        if (qs.size() > MAX_QUESTIONS) {
            throw new InvalidInputException("questions", "survey.questions.tooMany", MAX_QUESTIONS);
        }
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            out.add(question(qs.get(i), i + 1));
        }
        return new Checked(title, intro, c.closesOn(), min, List.copyOf(out));
    }

    static Question question(QuestionnaireCommand.Question q, int number) {
        if (q == null) {
            throw new InvalidInputException("questions", "survey.question.missing", number);
        }
        QuestionKind kind;
        try {
            kind = QuestionKind.valueOf(q.kind() == null ? "" : q.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "survey.question.kind", number);
        }
        String text;
        try {
            text = Texts.required("text", q.text(), 500);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("text", "survey.question.text", number);
        }
        List<QuestionnaireCommand.Option> opts = q.options() == null ? List.of() : q.options();
        List<QuestionnaireCommand.Option> options = new ArrayList<>();
        if (!kind.hasOptions()) {
            if (!opts.isEmpty()) {
                throw new InvalidInputException("options", "survey.question.textNoOptions", number);
            }
        } else {
            if (opts.size() < 2 || opts.size() > MAX_OPTIONS) {
                throw new InvalidInputException("options", "survey.question.optionCount", number, MAX_OPTIONS);
            }
            Set<String> labels = new HashSet<>();
            boolean positive = false;
            for (QuestionnaireCommand.Option o : opts) {
                String label;
                try {
                    label = Texts.required("label", o == null ? null : o.label(), 200);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("options", "survey.option.label", number);
                }
                if (!labels.add(label)) {
                    throw new InvalidInputException("options", "survey.option.duplicate", number, label);
                }
                BigDecimal score = null;
                if (kind == QuestionKind.RATING) {
                    score = o.score();
                    if (score == null
                            || score.signum() < 0
                            || score.stripTrailingZeros().scale() > 2
                            || score.compareTo(new BigDecimal("100000")) >= 0) {
                        throw new InvalidInputException("options", "survey.option.score", number, label);
                    }
                    positive |= score.signum() > 0;
                    score = score.setScale(2);
                }
                options.add(new QuestionnaireCommand.Option(label, score));
            }
            if (kind == QuestionKind.RATING && !positive) {
                throw new InvalidInputException("options", "survey.option.allZero", number);
            }
        }
        return new Question(kind, text, q.required() == null || q.required(), List.copyOf(options));
    }

    /** The command that rebuilds a stored questionnaire (for copies and page edits). */
    public static QuestionnaireCommand commandOf(QuestionnaireView v) {
        return new QuestionnaireCommand(
                v.title(),
                v.intro(),
                v.closesOn(),
                v.minResponses(),
                v.questions().stream()
                        .map(q -> new QuestionnaireCommand.Question(
                                q.kind().name(),
                                q.text(),
                                q.required(),
                                q.options().stream()
                                        .map(o -> new QuestionnaireCommand.Option(o.label(), o.score()))
                                        .toList()))
                        .toList());
    }
}
