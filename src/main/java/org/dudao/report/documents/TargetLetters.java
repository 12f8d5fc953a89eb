package org.dudao.report.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.feedback.ProblemView;
import org.dudao.feedback.RectificationView;
import org.dudao.report.documents.OfficialDocument.Block;
import org.dudao.report.documents.OfficialDocument.Heading;
import org.dudao.report.documents.OfficialDocument.Paragraph;
import org.dudao.report.documents.OfficialDocument.Table;
import org.dudao.scoring.ResultView;

/**
 * The letters to one target (信函格式, no 文号): the feedback letter (反馈意见书) with every lost point and the
 * problems fed back, the rule-of-law recommendation letter (法治建议书) for a target rated 合格 or 不合格, and
 * the rectification notice (整改通知) listing its confirmed problems with their deadlines.
 */
final class TargetLetters {

    private TargetLetters() {}

    /** What the letters to one target are built from. */
    record Inputs(
            CampaignFacts facts,
            ResultView result,
            Breakdown breakdown,
            List<ProblemView> problems,
            List<RectificationView> rectifications,
            int reviewDays) {

        String target() {
            return result.name();
        }
    }

    // ------------------------------------------------------------------ 反馈意见书

    static OfficialDocument feedbackLetter(Inputs in) {
        CampaignFacts f = in.facts();
        ResultView r = in.result();
        List<Block> body = new ArrayList<>();
        body.add(new Paragraph("根据" + f.scheme() + "，现将你单位在" + f.campaign().name() + "中的得分情况和发现的问题反馈如下。"));

        body.add(new Heading(1, "一、考核得分"));
        body.add(new Paragraph(scoreSentence(f, r) + (f.frozen() ? "" : "以上为计分结果，以考核工作领导小组审定公布的结果为准。")));

        body.add(new Heading(1, "二、失分情况"));
        List<Breakdown.TaskLine> lost = in.breakdown().lost();
        if (lost.isEmpty()) {
            body.add(new Paragraph("你单位各项考核任务均得满分。"));
        } else {
            BigDecimal sum = lost.stream().map(Breakdown.TaskLine::lost).reduce(BigDecimal.ZERO, BigDecimal::add);
            body.add(new Paragraph(
                    "你单位共有" + lost.size() + "项考核任务未得满分，合计失分" + DocumentText.points(sum) + "分，每项的评价结果、扣分理由和评价人见下表。"));
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (Breakdown.TaskLine t : lost) {
                rows.add(List.of(
                        String.valueOf(n++),
                        t.fullTitle(),
                        DocumentText.points(t.max()),
                        t.given(),
                        DocumentText.points(t.score()),
                        DocumentText.points(t.lost()),
                        t.why(),
                        DocumentText.orDash(t.assessor())));
            }
            body.add(new Table(
                    "失分明细",
                    List.of("序号", "指标及任务", "分值", "评价", "得分", "失分", "扣分理由", "评价人"),
                    rows,
                    new int[] {5, 30, 7, 7, 7, 7, 24, 13},
                    new boolean[] {true, false, true, true, true, true, false, false}));
        }
        List<Breakdown.EventLine> events = in.breakdown().adjustments();
        if (!events.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Breakdown.EventLine e : events) {
                lines.add((e.bonus() ? "加分：" : "减分：") + DocumentText.oneLine(e.matter()) + "，计"
                        + DocumentText.points(e.counted()) + "分"
                        + (e.note() == null ? "" : "（" + e.note() + "）"));
            }
            body.add(new Paragraph("加减分事项：" + String.join("；", lines) + "。"));
        }

        body.add(new Heading(1, "三、反馈问题"));
        List<ProblemView> problems = in.problems().stream()
                .filter(p -> !"WITHDRAWN".equals(p.status()))
                .toList();
        if (problems.isEmpty()) {
            body.add(new Paragraph("考核中未发现需要向你单位反馈的问题。"));
        } else {
            body.add(new Paragraph("考核中发现你单位存在以下问题："));
            int n = 1;
            for (ProblemView p : problems) {
                List<String> about = new ArrayList<>();
                if (p.taskTitle() != null) {
                    about.add("涉及任务：" + p.taskTitle());
                }
                about.add("问题来源：" + DocumentText.SOURCE.getOrDefault(p.source(), p.source()));
                about.add("严重程度：" + DocumentText.SEVERITY.getOrDefault(p.severity(), p.severity()));
                about.add("状态：" + DocumentText.PROBLEM_STATUS.getOrDefault(p.status(), p.status()));
                body.add(new Paragraph(
                        n++ + ". " + DocumentText.sentence(p.description()) + "（" + String.join("；", about) + "）"));
            }
        }

        body.add(new Heading(1, "四、有关要求"));
        body.add(new Paragraph("你单位如对反馈意见有异议，可自收到本意见书之日起" + in.reviewDays()
                + "个工作日内，通过督导平台提出书面复核申请，并提供相关证明材料；逾期未提出的，视为无异议。"
                + "对反馈的问题，请认真分析原因，制定整改措施，明确责任人和整改时限，抓好整改落实。"));

        return letter(f, f.campaign().name() + "反馈意见书", in.target(), body);
    }

    private static String scoreSentence(CampaignFacts f, ResultView r) {
        StringBuilder s = new StringBuilder("你单位考核得分" + DocumentText.points(r.finalScore()) + "分");
        s.append("（基础得分").append(DocumentText.points(r.convertedScore())).append("分");
        if (r.applicableMax() != null && r.applicableMax().compareTo(new BigDecimal("100")) < 0) {
            s.append("，适用考核内容满分")
                    .append(DocumentText.points(r.applicableMax()))
                    .append("分、实得")
                    .append(DocumentText.points(r.rawScore()))
                    .append("分，按百分制换算");
        }
        s.append("；加分").append(DocumentText.points(r.bonus())).append("分，减分").append(DocumentText.points(r.penalty()));
        s.append("分），考核等次为").append(DocumentText.orDash(r.level()));
        if (r.rank() != null) {
            s.append("，在")
                    .append(r.category())
                    .append("中排名第")
                    .append(r.rank())
                    .append("名（共")
                    .append(f.ofCategory(r.category()).size())
                    .append("个单位）");
        }
        return s.append("。").toString();
    }

    // ------------------------------------------------------------------ 法治建议书

    /**
     * The levels a recommendation letter is for: the policy's 合格 and every level below it (不合格); a policy
     * without a level named 合格 gives it for its last level only.
     */
    static List<String> recommendationLevels(List<String> levels) {
        int i = levels.indexOf("合格");
        if (i >= 0) {
            return List.copyOf(levels.subList(i, levels.size()));
        }
        return levels.isEmpty() ? List.of() : List.of(levels.get(levels.size() - 1));
    }

    static OfficialDocument recommendationLetter(Inputs in) {
        CampaignFacts f = in.facts();
        ResultView r = in.result();
        List<Block> body = new ArrayList<>();
        body.add(new Paragraph("根据" + f.scheme() + "有关规定，你单位在" + f.campaign().name() + "中考核得分"
                + DocumentText.points(r.finalScore()) + "分，考核等次为" + r.level()
                + "。为推动你单位进一步提升依法行政和法治建设水平，经综合分析考核情况，提出如下建议。"));

        body.add(new Heading(1, "一、存在的主要问题"));
        Map<String, List<Breakdown.TaskLine>> byIndicator = new LinkedHashMap<>();
        for (Breakdown.TaskLine t : in.breakdown().lost()) {
            byIndicator.computeIfAbsent(t.indicator(), k -> new ArrayList<>()).add(t);
        }
        List<Map.Entry<String, List<Breakdown.TaskLine>>> sorted = new ArrayList<>(byIndicator.entrySet());
        sorted.sort((a, b) -> sum(b.getValue()).compareTo(sum(a.getValue())));
        List<Map.Entry<String, List<Breakdown.TaskLine>>> top = sorted.subList(0, Math.min(5, sorted.size()));
        int sub = 1;
        for (Map.Entry<String, List<Breakdown.TaskLine>> e : top) {
            Set<String> reasons = new LinkedHashSet<>();
            for (Breakdown.TaskLine t : e.getValue()) {
                if (t.reason() != null && !t.reason().isBlank() && reasons.size() < 3) {
                    reasons.add(DocumentText.oneLine(t.reason()).replaceAll("[。；;]+$", ""));
                }
            }
            body.add(new Heading(2, "（" + DocumentText.numeral(sub++) + "）" + e.getKey() + "方面失分较多"));
            body.add(new Paragraph("该方面共有" + e.getValue().size() + "项考核任务未得满分，失分"
                    + DocumentText.points(sum(e.getValue())) + "分"
                    + (reasons.isEmpty() ? "。" : "，主要是：" + String.join("；", reasons) + "。")));
        }
        List<ProblemView> problems = in.problems().stream()
                .filter(p -> !"WITHDRAWN".equals(p.status()))
                .toList();
        if (!problems.isEmpty()) {
            body.add(new Heading(2, "（" + DocumentText.numeral(sub++) + "）考核中反馈的问题"));
            List<String> list = problems.stream()
                    .map(p -> DocumentText.oneLine(p.description()).replaceAll("[。；;]+$", ""))
                    .toList();
            body.add(new Paragraph(String.join("；", list) + "。"));
        }
        if (top.isEmpty() && problems.isEmpty()) {
            body.add(new Paragraph("你单位考核得分偏低，法治建设工作与考核要求仍有差距。"));
        }

        body.add(new Heading(1, "二、法治建议"));
        sub = 1;
        body.add(new Heading(2, "（" + DocumentText.numeral(sub++) + "）切实履行推进法治建设第一责任人职责"));
        body.add(new Paragraph("主要负责人要亲自研究部署法治建设工作，定期听取法治建设情况汇报，及时研究解决重大问题，把法治建设纳入本单位发展总体规划和年度工作计划。"));
        for (Map.Entry<String, List<Breakdown.TaskLine>> e : top) {
            body.add(new Heading(2, "（" + DocumentText.numeral(sub++) + "）补齐" + e.getKey() + "方面的短板"));
            body.add(
                    new Paragraph("建议对照考核指标和评分标准逐项查找差距，健全工作制度，明确责任分工和完成时限，确保" + e.getKey() + "各项工作规范到位，相关工作资料及时归档备查。"));
        }
        body.add(new Heading(2, "（" + DocumentText.numeral(sub++) + "）严格规范公正文明执法"));
        body.add(new Paragraph("全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，加强行政执法案卷管理，提高执法规范化水平。"));
        body.add(new Heading(2, "（" + DocumentText.numeral(sub) + "）加强法治学习培训"));
        body.add(new Paragraph("健全领导干部学法用法制度，组织开展法治专题培训，提高工作人员运用法治思维和法治方式开展工作、解决问题的能力。"));

        body.add(new Heading(1, "三、有关要求"));
        body.add(new Paragraph("请你单位认真研究本建议书，制定具体落实措施，并于收到本建议书之日起30日内将采纳和落实情况书面报送" + f.authority() + "。"));
        return letter(f, "法治建议书", in.target(), body);
    }

    private static BigDecimal sum(List<Breakdown.TaskLine> lines) {
        return lines.stream().map(Breakdown.TaskLine::lost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ------------------------------------------------------------------ 整改通知

    /** The confirmed problems of the target (the ones the notice lists). */
    static List<ProblemView> confirmed(List<ProblemView> problems) {
        return problems.stream().filter(p -> "CONFIRMED".equals(p.status())).toList();
    }

    static OfficialDocument rectificationNotice(Inputs in) {
        CampaignFacts f = in.facts();
        List<ProblemView> confirmed = confirmed(in.problems());
        Map<Long, RectificationView> items = new LinkedHashMap<>();
        for (RectificationView r : in.rectifications()) {
            items.put(r.problemId(), r);
        }
        List<Block> body = new ArrayList<>();
        body.add(new Paragraph("在" + f.campaign().name() + "中，向你单位反馈的" + confirmed.size() + "个问题已经你单位确认（或逾期未答复视为确认）。根据"
                + f.scheme() + "，现就问题整改有关事项通知如下。"));
        body.add(new Heading(1, "一、需要整改的问题"));
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (ProblemView p : confirmed) {
            RectificationView item = items.get(p.id());
            String deadline = item != null && item.deadline() != null
                    ? DocumentText.date(item.deadline(), false)
                    : f.settings().rectificationDue() != null
                            ? DocumentText.date(f.settings().rectificationDue(), false)
                            : "待确定";
            String status = item == null
                    ? "待列入整改"
                    : DocumentText.RECTIFICATION_STATUS.getOrDefault(item.status(), item.status())
                            + (item.overdue() ? "（已逾期）" : "");
            rows.add(List.of(
                    String.valueOf(n++),
                    DocumentText.oneLine(p.description()),
                    DocumentText.orDash(p.taskTitle()),
                    DocumentText.SEVERITY.getOrDefault(p.severity(), p.severity()),
                    deadline,
                    status));
        }
        body.add(new Table(
                null,
                List.of("序号", "问题", "涉及任务", "严重程度", "整改时限", "整改状态"),
                rows,
                new int[] {6, 38, 22, 9, 13, 12},
                new boolean[] {true, false, false, true, true, true}));
        body.add(new Heading(1, "二、整改要求"));
        String due = f.settings().rectificationDue() == null
                ? "在上表所列时限内"
                : "于" + DocumentText.date(f.settings().rectificationDue(), false) + "前";
        body.add(new Paragraph("请你单位高度重视，逐项制定整改措施，明确责任人和整改时限，" + due + "完成整改，并通过督导平台报送整改进展、完成情况和佐证材料。整改完成后由"
                + f.authority() + "核验销号。"));
        body.add(new Paragraph("对逾期未完成整改或整改不到位的，将视情采取约谈、挂牌督办、通报批评等措施。"));
        return letter(f, "关于" + in.target() + "限期整改" + f.campaign().name() + "反馈问题的通知", in.target(), body);
    }

    private static OfficialDocument letter(CampaignFacts f, String title, String target, List<Block> body) {
        return new OfficialDocument(
                new OfficialDocument.Masthead(f.authority(), null, OfficialDocument.Layout.LETTER),
                title,
                target,
                body,
                f.signature(),
                List.of(),
                null);
    }
}
