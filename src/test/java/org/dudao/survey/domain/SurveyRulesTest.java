package org.dudao.survey.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.survey.OptionView;
import org.dudao.survey.QuestionKind;
import org.dudao.survey.QuestionView;
import org.dudao.survey.QuestionnaireCommand;
import org.dudao.survey.QuestionnaireStatus;
import org.dudao.survey.QuestionnaireView;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

/** The survey rules under their own names: questionnaire checks, answer checks, the satisfaction formula, page tokens. */
class SurveyRulesTest {

    static QuestionnaireCommand.Option opt(String label, String score) {
        return new QuestionnaireCommand.Option(label, score == null ? null : new BigDecimal(score));
    }

    static QuestionnaireCommand cmd(QuestionnaireCommand.Question... qs) {
        return new QuestionnaireCommand("满意度调查", null, null, null, List.of(qs));
    }

    @Test
    void ratingOptionsNeedPoints_notAllZero_labelsDistinct_textTakesNoOptions() {
        assertThatThrownBy(() -> Checked.of(cmd(new QuestionnaireCommand.Question(
                        "RATING", "满意吗", true, List.of(opt("满意", "100"), opt("不满意", null))))))
                .isInstanceOf(InvalidInputException.class)
                .extracting("messageKey")
                .isEqualTo("survey.option.score");
        assertThatThrownBy(() -> Checked.of(cmd(new QuestionnaireCommand.Question(
                        "RATING", "满意吗", true, List.of(opt("满意", "0"), opt("不满意", "0"))))))
                .extracting("messageKey")
                .isEqualTo("survey.option.allZero");
        assertThatThrownBy(() -> Checked.of(cmd(new QuestionnaireCommand.Question(
                        "SINGLE", "身份", true, List.of(opt("公众", null), opt("公众", null))))))
                .extracting("messageKey")
                .isEqualTo("survey.option.duplicate");
        assertThatThrownBy(() -> Checked.of(cmd(new QuestionnaireCommand.Question(
                        "TEXT", "建议", false, List.of(opt("a", null), opt("b", null))))))
                .extracting("messageKey")
                .isEqualTo("survey.question.textNoOptions");
        assertThatThrownBy(() -> Checked.of(
                        cmd(new QuestionnaireCommand.Question("SINGLE", "身份", true, List.of(opt("公众", null))))))
                .extracting("messageKey")
                .isEqualTo("survey.question.optionCount");
        assertThatThrownBy(() -> Checked.of(cmd(new QuestionnaireCommand.Question("CHOICE", "x", true, List.of()))))
                .extracting("messageKey")
                .isEqualTo("survey.question.kind");
    }

    @Test
    void defaults_minimumThirtyResponses_questionsRequired() {
        Checked c = Checked.of(cmd(new QuestionnaireCommand.Question("text", " 建议 ", null, null)));
        assertThat(c.minResponses()).isEqualTo(30);
        assertThat(c.questions().get(0).required()).isTrue();
        assertThat(c.questions().get(0).kind()).isEqualTo(QuestionKind.TEXT);
        assertThat(c.questions().get(0).text()).isEqualTo("建议");
        assertThatThrownBy(() -> Checked.of(new QuestionnaireCommand("t", null, null, 0, List.of())))
                .extracting("messageKey")
                .isEqualTo("survey.minResponses.invalid");
    }

    static QuestionnaireView questionnaire() {
        List<OptionView> three = List.of(
                new OptionView(11, 1, "满意", new BigDecimal("100")),
                new OptionView(12, 2, "基本满意", new BigDecimal("60")),
                new OptionView(13, 3, "不满意", BigDecimal.ZERO));
        List<OptionView> five = List.of(
                new OptionView(21, 1, "1", new BigDecimal("1")), new OptionView(25, 5, "5", new BigDecimal("5")));
        return new QuestionnaireView(
                1,
                1,
                "t",
                null,
                QuestionnaireStatus.PUBLISHED,
                null,
                3,
                null,
                Instant.now(),
                List.of(
                        new QuestionView(1, 1, QuestionKind.RATING, "总体", true, three),
                        new QuestionView(2, 2, QuestionKind.RATING, "态度", false, five),
                        new QuestionView(
                                3,
                                3,
                                QuestionKind.MULTIPLE,
                                "渠道",
                                false,
                                List.of(new OptionView(31, 1, "窗口", null), new OptionView(32, 2, "网上", null))),
                        new QuestionView(4, 4, QuestionKind.TEXT, "建议", false, List.of())),
                List.of());
    }

    @Test
    void satisfaction_isPointsChosenOverTheHighestPointsOfTheRatingQuestionsAnswered() {
        QuestionnaireView q = questionnaire();
        // 基本满意 (60 of 100) and 5 (of 5): 65 / 105
        var answers =
                ResponseService.check(q, Map.of("q1", List.of("12"), "q2", List.of("25"), "q3", List.of("31", "32")));
        assertThat(ResponseService.satisfaction(q, answers)).isEqualByComparingTo("0.619048");
        // an unanswered optional rating question does not count against the respondent
        assertThat(ResponseService.satisfaction(q, ResponseService.check(q, Map.of("q1", List.of("12")))))
                .isEqualByComparingTo("0.6");
    }

    @Test
    void answers_requiredQuestions_optionsOfTheQuestion_oneForSingle_textLimited() {
        QuestionnaireView q = questionnaire();
        assertThatThrownBy(() -> ResponseService.check(q, Map.of("q2", List.of("25"))))
                .extracting("messageKey", "field")
                .containsExactly("survey.answer.required", "q1");
        assertThatThrownBy(() -> ResponseService.check(q, Map.of("q1", List.of("25"))))
                .extracting("messageKey")
                .isEqualTo("survey.answer.badOption");
        assertThatThrownBy(() -> ResponseService.check(q, Map.of("q1", List.of("11", "12"))))
                .extracting("messageKey")
                .isEqualTo("survey.answer.one");
        assertThatThrownBy(() -> ResponseService.check(q, Map.of("q1", List.of("11"), "q4", List.of("字".repeat(2001)))))
                .extracting("messageKey")
                .isEqualTo("validation.tooLong");
        // script is kept as typed: it is text, escaped on output
        var kept = ResponseService.check(q, Map.of("q1", List.of("11"), "q4", List.of("<script>alert(1)</script>")));
        assertThat(kept.get(1).text()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void pageToken_boundToLinkAndDevice_expiresAfterFourHours_andCannotBeAltered() {
        SurveyStore store = mock(SurveyStore.class);
        when(store.secret(any())).thenReturn(new byte[32]);
        PageTokens tokens = new PageTokens(store, mock(PlatformTransactionManager.class));
        Instant now = Instant.parse("2026-11-22T08:00:00Z");
        String t = tokens.issue(7, "device-a", now);
        assertThat(tokens.verify(t, 7, "device-a", now.plusSeconds(60))).isNotNull();
        assertThat(tokens.verify(t, 8, "device-a", now)).isNull();
        assertThat(tokens.verify(t, 7, "device-b", now)).isNull();
        assertThat(tokens.verify(t, 7, "device-a", now.plus(PageTokens.VALID).plusSeconds(1)))
                .isNull();
        assertThat(tokens.verify(t.replace(".", ".9"), 7, "device-a", now)).isNull();
        assertThat(tokens.verify(null, 7, "device-a", now)).isNull();
        assertThat(tokens.verify(t, 7, "device-a", now).nonce()).isEqualTo(t.split("\\.")[2]);
        assertThat(tokens.issue(7, "device-a", now)).isNotEqualTo(t);
    }
}
