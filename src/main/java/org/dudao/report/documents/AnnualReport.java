package org.dudao.report.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.CategoryView;
import org.dudao.feedback.ProblemView;
import org.dudao.feedback.RectificationView;
import org.dudao.report.documents.OfficialDocument.Block;
import org.dudao.report.documents.OfficialDocument.Heading;
import org.dudao.report.documents.OfficialDocument.Paragraph;
import org.dudao.report.documents.OfficialDocument.Table;
import org.dudao.scoring.ResultView;

/**
 * 依法行政考核情况报告: the campaign's figures for the leading group — targets and tasks per category, the
 * average, highest and lowest final score per category, the level counts, bonus and penalty events, the
 * indicators where most points were lost, problems fed back and rectification — in tables, with two bar
 * charts (level distribution, scores per category) when the server can draw them.
 */
final class AnnualReport {

    private AnnualReport() {}

    /** The inputs beyond the campaign's: every target's breakdown, the problems and the rectification items. */
    record Inputs(
            CampaignFacts facts,
            Map<Long, Breakdown> breakdowns,
            List<ProblemView> problems,
            List<RectificationView> rectifications,
            boolean charts) {}

    /** The score figures of one category. */
    record CategoryScores(
            String category, int targets, long tasks, BigDecimal average, BigDecimal max, BigDecimal min) {}

    static List<CategoryScores> scores(CampaignFacts f) {
        List<CategoryScores> out = new ArrayList<>();
        for (CategoryView c : f.categories()) {
            List<BigDecimal> finals = f.ofCategory(c.name()).stream()
                    .map(ResultView::finalScore)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            BigDecimal sum = finals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(new CategoryScores(
                    c.name(),
                    f.ofCategory(c.name()).size(),
                    f.tasksPerCategory().getOrDefault(c.id(), 0L),
                    finals.isEmpty() ? null : sum.divide(BigDecimal.valueOf(finals.size()), 2, RoundingMode.HALF_UP),
                    finals.stream().max(Comparator.naturalOrder()).orElse(null),
                    finals.stream().min(Comparator.naturalOrder()).orElse(null)));
        }
        return out;
    }

    static OfficialDocument compose(Inputs in) {
        CampaignFacts f = in.facts();
        String name = f.campaign().name();
        List<Block> body = new ArrayList<>();
        body.add(new Paragraph("按照" + f.scheme() + "要求，" + f.authority() + "组织开展了" + name + "工作。现将考核有关情况报告如下。"));

        // 一、基本情况
        int section = 1;
        body.add(new Heading(1, DocumentText.numeral(section++) + "、考核基本情况"));
        List<CategoryScores> scores = scores(f);
        long tasks = scores.stream().mapToLong(CategoryScores::tasks).sum();
        body.add(new Paragraph(
                "本次考核共有考核对象" + f.results().size() + "个，分为" + f.categories().size()
                        + "类，各类别分别适用相应的考核指标，共设考核任务" + tasks + "项。考核结果"
                        + (f.frozen() ? "已经考核工作领导小组审定" + (f.workflow().published() ? "并公布" : "") : "尚未审定，以下为计分结果")
                        + "。各类别考核对象数量及得分情况见表1。"));
        List<List<String>> rows = new ArrayList<>();
        for (CategoryScores s : scores) {
            rows.add(List.of(
                    s.category(),
                    String.valueOf(s.targets()),
                    String.valueOf(s.tasks()),
                    DocumentText.points(s.average()),
                    DocumentText.points(s.max()),
                    DocumentText.points(s.min())));
        }
        body.add(new Table(
                "表1  各类别考核对象数量及得分情况",
                List.of("类别", "考核对象数", "考核任务数", "平均分", "最高分", "最低分"),
                rows,
                new int[] {20, 12, 12, 12, 12, 12},
                new boolean[] {false, true, true, true, true, true}));
        if (in.charts()) {
            Charts.groupedBars(
                            "图1  各类别考核得分情况",
                            scores.stream().map(CategoryScores::category).toList(),
                            List.of("平均分", "最高分", "最低分"),
                            new double[][] {
                                scores.stream().mapToDouble(s -> d(s.average())).toArray(),
                                scores.stream().mapToDouble(s -> d(s.max())).toArray(),
                                scores.stream().mapToDouble(s -> d(s.min())).toArray()
                            },
                            "分",
                            1,
                            150)
                    .ifPresent(body::add);
        }

        // 二、考核结果
        body.add(new Heading(1, DocumentText.numeral(section++) + "、考核结果"));
        List<String> levels = f.levelNames();
        List<String> perLevel = new ArrayList<>();
        for (String level : levels) {
            perLevel.add(level + f.count(level) + "个");
        }
        body.add(new Paragraph("按照考核得分和等次评定规则，" + String.join("，", perLevel) + "。各类别等次分布见表2。"));
        List<String> headers = new ArrayList<>(List.of("类别"));
        headers.addAll(levels);
        headers.add("合计");
        List<List<String>> levelRows = new ArrayList<>();
        for (CategoryView c : f.categories()) {
            List<String> row = new ArrayList<>(List.of(c.name()));
            for (String level : levels) {
                row.add(String.valueOf(f.count(c.name(), level)));
            }
            row.add(String.valueOf(f.ofCategory(c.name()).size()));
            levelRows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("合计"));
        for (String level : levels) {
            total.add(String.valueOf(f.count(level)));
        }
        total.add(String.valueOf(f.results().size()));
        levelRows.add(total);
        int[] widths = new int[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        widths[0] = 24;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 12;
            numeric[i] = true;
        }
        body.add(new Table("表2  各类别考核等次分布", headers, levelRows, widths, numeric));
        if (in.charts()) {
            double[][] counts = new double[levels.size()][f.categories().size()];
            for (int l = 0; l < levels.size(); l++) {
                for (int c = 0; c < f.categories().size(); c++) {
                    counts[l][c] = f.count(f.categories().get(c).name(), levels.get(l));
                }
            }
            Charts.groupedBars(
                            "图2  各类别考核等次分布",
                            f.categories().stream().map(CategoryView::name).toList(),
                            levels,
                            counts,
                            "个",
                            0,
                            150)
                    .ifPresent(body::add);
        }

        // 三、加减分
        body.add(new Heading(1, DocumentText.numeral(section++) + "、加分和减分情况"));
        List<List<String>> adjRows = new ArrayList<>();
        int bonusTargets = 0;
        int bonusEvents = 0;
        int penaltyTargets = 0;
        int penaltyEvents = 0;
        BigDecimal bonusSum = BigDecimal.ZERO;
        BigDecimal penaltySum = BigDecimal.ZERO;
        for (CategoryView c : f.categories()) {
            int bt = 0;
            int be = 0;
            int pt = 0;
            int pe = 0;
            BigDecimal bs = BigDecimal.ZERO;
            BigDecimal ps = BigDecimal.ZERO;
            for (ResultView r : f.ofCategory(c.name())) {
                Breakdown b = in.breakdowns().getOrDefault(r.targetId(), Breakdown.EMPTY);
                long bonuses = b.adjustments().stream()
                        .filter(Breakdown.EventLine::bonus)
                        .count();
                long penalties = b.adjustments().size() - bonuses;
                be += (int) bonuses;
                pe += (int) penalties;
                if (r.bonus() != null && r.bonus().signum() > 0) {
                    bt++;
                    bs = bs.add(r.bonus());
                }
                if (r.penalty() != null && r.penalty().signum() > 0) {
                    pt++;
                    ps = ps.add(r.penalty());
                }
            }
            adjRows.add(List.of(
                    c.name(),
                    String.valueOf(bt),
                    String.valueOf(be),
                    DocumentText.points(bs),
                    String.valueOf(pt),
                    String.valueOf(pe),
                    DocumentText.points(ps)));
            bonusTargets += bt;
            bonusEvents += be;
            penaltyTargets += pt;
            penaltyEvents += pe;
            bonusSum = bonusSum.add(bs);
            penaltySum = penaltySum.add(ps);
        }
        body.add(new Paragraph("经审核认定，共有" + bonusTargets + "个单位获得加分，涉及加分事项" + bonusEvents + "项，合计加分"
                + DocumentText.points(bonusSum) + "分；共有" + penaltyTargets + "个单位被减分，涉及减分事项" + penaltyEvents
                + "项，合计减分" + DocumentText.points(penaltySum) + "分。同一事项不重复计分，加分、减分按上限计。详见表3。"));
        body.add(new Table(
                "表3  各类别加分和减分情况",
                List.of("类别", "加分单位数", "加分事项数", "加分合计", "减分单位数", "减分事项数", "减分合计"),
                adjRows,
                new int[] {20, 11, 11, 11, 11, 11, 11},
                new boolean[] {false, true, true, true, true, true, true}));

        // 四、失分较多的指标
        body.add(new Heading(1, DocumentText.numeral(section++) + "、失分较多的指标"));
        List<List<String>> lostRows = lostByIndicator(f, in.breakdowns(), 10);
        body.add(new Paragraph(lostRows.isEmpty() ? "各考核对象的考核任务均得满分。" : "从各考核对象的失分情况看，失分较多的一级指标见表4，反映出相关领域工作仍有薄弱环节。"));
        if (!lostRows.isEmpty()) {
            body.add(new Table(
                    "表4  失分较多的一级指标（前" + lostRows.size() + "项）",
                    List.of("序号", "类别", "一级指标", "失分单位数", "失分合计"),
                    lostRows,
                    new int[] {7, 15, 48, 14, 14},
                    new boolean[] {true, false, false, true, true}));
        }

        // 五、问题反馈和整改
        body.add(new Heading(1, DocumentText.numeral(section++) + "、问题反馈和整改情况"));
        body.add(new Paragraph(problemsText(in.problems(), in.rectifications())));
        body.add(new Table(
                "表5  问题反馈和整改情况",
                List.of("项目", "数量"),
                problemRows(in.problems(), in.rectifications()),
                new int[] {60, 20},
                new boolean[] {false, true}));

        // 六、下一步工作
        body.add(new Heading(1, DocumentText.numeral(section) + "、下一步工作"));
        body.add(new Paragraph("一是抓好考核结果运用。按照考核实施方案，对考核优秀的单位予以通报表彰，对排名靠后和大幅退步的单位进行约谈和警示，" + "考核结果抄送纪检监察机关和组织人事部门。"));
        body.add(new Paragraph("二是督促问题整改。对考核中发现的问题建立整改台账，逐项明确整改措施、责任人和整改时限，整改完成一项、核验销号一项。"));
        body.add(new Paragraph("三是完善考核指标。针对失分较多的指标，加强工作指导和培训，进一步优化考核指标和评分标准，提高考核工作的科学性和针对性。"));
        if (f.settings().extraParagraph() != null) {
            body.add(new Paragraph(f.settings().extraParagraph()));
        }
        body.add(new Paragraph("特此报告。"));

        return new OfficialDocument(
                new OfficialDocument.Masthead(
                        f.authority(), f.settings().reportDocumentNo(), OfficialDocument.Layout.FILE),
                "关于" + name + "情况的报告",
                f.settings().reportAddressees(),
                body,
                f.signature(),
                List.of(new OfficialDocument.Attachment(name + "结果汇总表", List.of(f.summaryTable()))),
                new OfficialDocument.Imprint(null, f.authority(), f.date()));
    }

    private static double d(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    /** Points lost per (category, level-1 indicator), most first: 序号, 类别, 指标, 失分单位数, 失分合计. */
    static List<List<String>> lostByIndicator(CampaignFacts f, Map<Long, Breakdown> breakdowns, int limit) {
        Map<List<String>, BigDecimal> lost = new LinkedHashMap<>();
        Map<List<String>, Set<Long>> who = new LinkedHashMap<>();
        for (ResultView r : f.results()) {
            for (Breakdown.TaskLine t :
                    breakdowns.getOrDefault(r.targetId(), Breakdown.EMPTY).lost()) {
                List<String> key = List.of(r.category(), t.indicator());
                lost.merge(key, t.lost(), BigDecimal::add);
                who.computeIfAbsent(key, k -> new HashSet<>()).add(r.targetId());
            }
        }
        List<Map.Entry<List<String>, BigDecimal>> sorted = new ArrayList<>(lost.entrySet());
        sorted.sort(Map.Entry.<List<String>, BigDecimal>comparingByValue().reversed());
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<List<String>, BigDecimal> e : sorted.subList(0, Math.min(limit, sorted.size()))) {
            rows.add(List.of(
                    String.valueOf(rows.size() + 1),
                    e.getKey().get(0),
                    e.getKey().get(1),
                    String.valueOf(who.get(e.getKey()).size()),
                    DocumentText.points(e.getValue())));
        }
        return rows;
    }

    private static long status(List<ProblemView> problems, String status) {
        return problems.stream().filter(p -> status.equals(p.status())).count();
    }

    private static long items(List<RectificationView> items, String status) {
        return items.stream().filter(r -> status.equals(r.status())).count();
    }

    static String problemsText(List<ProblemView> problems, List<RectificationView> items) {
        if (problems.isEmpty()) {
            return "考核中未向考核对象反馈问题。";
        }
        long targets = problems.stream().map(ProblemView::targetId).distinct().count();
        long overdue = items.stream().filter(RectificationView::overdue).count();
        return "考核中共向" + targets + "个单位反馈问题" + problems.size() + "个，其中考核对象确认（含逾期未答复视为确认）"
                + status(problems, "CONFIRMED") + "个，提出异议" + status(problems, "DISPUTED") + "个，撤销"
                + status(problems, "WITHDRAWN") + "个，待确认" + status(problems, "DELIVERED") + "个。已确认的问题全部列入整改清单，共"
                + items.size() + "项，已整改销号" + items(items, "CLOSED") + "项，已报完成待核验" + items(items, "COMPLETED")
                + "项，正在整改" + (items(items, "IN_PROGRESS") + items(items, "OPEN")) + "项"
                + (overdue > 0 ? "，其中逾期未完成" + overdue + "项" : "") + "。";
    }

    static List<List<String>> problemRows(List<ProblemView> problems, List<RectificationView> items) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("反馈问题", String.valueOf(problems.size())));
        rows.add(List.of(
                "其中：严重",
                String.valueOf(problems.stream()
                        .filter(p -> "SEVERE".equals(p.severity()))
                        .count())));
        rows.add(List.of(
                "　　　较重",
                String.valueOf(problems.stream()
                        .filter(p -> "MAJOR".equals(p.severity()))
                        .count())));
        rows.add(List.of(
                "　　　一般",
                String.valueOf(problems.stream()
                        .filter(p -> "MINOR".equals(p.severity()))
                        .count())));
        rows.add(List.of("已确认（含视为确认）", String.valueOf(status(problems, "CONFIRMED"))));
        rows.add(List.of("有异议", String.valueOf(status(problems, "DISPUTED"))));
        rows.add(List.of("已撤销", String.valueOf(status(problems, "WITHDRAWN"))));
        rows.add(List.of("整改事项", String.valueOf(items.size())));
        rows.add(List.of("已整改销号", String.valueOf(items(items, "CLOSED"))));
        rows.add(List.of("已报完成待核验", String.valueOf(items(items, "COMPLETED"))));
        rows.add(List.of("正在整改", String.valueOf(items(items, "IN_PROGRESS") + items(items, "OPEN"))));
        rows.add(List.of(
                "逾期未完成",
                String.valueOf(items.stream().filter(RectificationView::overdue).count())));
        return rows;
    }
}
