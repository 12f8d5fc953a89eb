package org.dudao.survey;

import java.math.BigDecimal;
import java.util.List;

/**
 * A starting point for a satisfaction questionnaire (满意度调查) — Dudao's suggestion, not from a seed:
 * seed 004 names the survey (问卷调查、电话访问 on 社会公众、行政相对人、当事人的满意度; 办事效率、服务态度、
 * 工作质量) but prints no questionnaire. The office edits it before publishing.
 */
public final class SatisfactionPreset {

    private SatisfactionPreset() {}

    public static List<QuestionnaireCommand.Question> questions() {
        List<QuestionnaireCommand.Option> scale = List.of(
                new QuestionnaireCommand.Option("满意", new BigDecimal("100")),
                new QuestionnaireCommand.Option("基本满意", new BigDecimal("60")),
                new QuestionnaireCommand.Option("不满意", BigDecimal.ZERO));
        return List.of(
                new QuestionnaireCommand.Question(
                        "SINGLE",
                        "您的身份",
                        true,
                        List.of(
                                new QuestionnaireCommand.Option("社会公众", null),
                                new QuestionnaireCommand.Option("行政相对人（办事企业、群众）", null),
                                new QuestionnaireCommand.Option("案件当事人", null))),
                new QuestionnaireCommand.Question("RATING", "您对该单位的办事效率是否满意？", true, scale),
                new QuestionnaireCommand.Question("RATING", "您对该单位工作人员的服务态度是否满意？", true, scale),
                new QuestionnaireCommand.Question("RATING", "您对该单位依法办事、法治建设的总体情况是否满意？", true, scale),
                new QuestionnaireCommand.Question(
                        "MULTIPLE",
                        "您通过哪些渠道与该单位打过交道？（可多选）",
                        false,
                        List.of(
                                new QuestionnaireCommand.Option("窗口办事", null),
                                new QuestionnaireCommand.Option("网上办事", null),
                                new QuestionnaireCommand.Option("电话咨询", null),
                                new QuestionnaireCommand.Option("行政执法检查", null))),
                new QuestionnaireCommand.Question("TEXT", "您对该单位法治建设的意见和建议", false, List.of()));
    }
}
