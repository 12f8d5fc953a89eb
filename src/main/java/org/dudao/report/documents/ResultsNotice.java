package org.dudao.report.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CategoryView;
import org.dudao.report.documents.OfficialDocument.Block;
import org.dudao.report.documents.OfficialDocument.Heading;
import org.dudao.report.documents.OfficialDocument.Paragraph;
import org.dudao.scoring.ResultView;

/**
 * 考核结果通报: the levels of every category, the rankings of the ranked categories, the excellent, the
 * consecutively excellent (commendation, seeds 000/004), the last N (约谈 and priority supervision) and the
 * units that fell far back (warning) — the lists the computation produced — and the result table as the
 * attachment. Only for approved or published results (the caller checks).
 */
final class ResultsNotice {

    private ResultsNotice() {}

    /**
     * A ranked category in one sentence: 第1名舞钢市人民政府；第2名…; tied targets share their rank: 并列第1名：
     * 市委网信办、市新闻出版局.
     */
    static String ranking(List<ResultView> byRank) {
        List<String> entries = new ArrayList<>();
        int i = 0;
        while (i < byRank.size()) {
            ResultView r = byRank.get(i);
            if (r.rank() == null) {
                i++;
                continue;
            }
            int j = i;
            List<String> names = new ArrayList<>();
            while (j < byRank.size() && r.rank().equals(byRank.get(j).rank())) {
                names.add(byRank.get(j).name());
                j++;
            }
            entries.add(
                    names.size() == 1
                            ? "第" + r.rank() + "名" + names.get(0)
                            : "并列第" + r.rank() + "名：" + String.join("、", names));
            i = j;
        }
        return String.join("；", entries) + "。";
    }

    static OfficialDocument compose(CampaignFacts f) {
        String name = f.campaign().name();
        List<Block> body = new ArrayList<>();
        body.add(new Paragraph("根据" + f.scheme() + "，" + f.authority() + "组织开展了" + name
                + "工作。经考核主体评价、计分，征求成员单位意见，并报考核工作领导小组审定，现将考核结果通报如下。"));

        int section = 1;
        body.add(new Heading(1, DocumentText.numeral(section++) + "、考核基本情况"));
        List<String> perCategory = new ArrayList<>();
        for (CategoryView c : f.categories()) {
            perCategory.add(c.name() + "（" + f.ofCategory(c.name()).size() + "个）");
        }
        List<String> perLevel = new ArrayList<>();
        for (String level : f.levelNames()) {
            perLevel.add(level + "等次" + f.count(level) + "个");
        }
        body.add(new Paragraph(
                "本次考核共有考核对象" + f.results().size() + "个，分为" + f.categories().size() + "类："
                        + String.join("、", perCategory) + "。考核结果分为" + String.join("、", f.levelNames()) + "等次，评定为"
                        + String.join("，", perLevel) + "。"));

        body.add(new Heading(1, DocumentText.numeral(section++) + "、考核等次"));
        int sub = 1;
        for (CategoryView c : f.categories()) {
            List<ResultView> rs = f.ofCategory(c.name());
            body.add(new Heading(2, "（" + DocumentText.numeral(sub++) + "）" + c.name() + "（" + rs.size() + "个）"));
            for (String level : f.levelNames()) {
                List<String> names = rs.stream()
                        .filter(r -> level.equals(r.level()))
                        .map(ResultView::name)
                        .toList();
                if (!names.isEmpty()) {
                    body.add(new Paragraph(level + "（" + names.size() + "个）：" + String.join("、", names) + "。"));
                }
            }
        }

        List<CategoryView> ranked =
                f.categories().stream().filter(c -> f.isRanked(c.name())).toList();
        if (!ranked.isEmpty()) {
            body.add(new Heading(1, DocumentText.numeral(section++) + "、考核排名"));
            body.add(new Paragraph("按考核得分由高到低排名（得分相同的名次并列），各单位得分见附件。"));
            sub = 1;
            for (CategoryView c : ranked) {
                body.add(new Heading(2, "（" + DocumentText.numeral(sub++) + "）" + c.name()));
                body.add(new Paragraph(ranking(f.ranked(c.name()))));
            }
        }

        body.add(new Heading(1, DocumentText.numeral(section++) + "、表彰、约谈和警示"));
        String excellent = f.excellentLevel();
        List<String> excellentNames = excellent == null
                ? List.of()
                : f.results().stream()
                        .filter(r -> excellent.equals(r.level()))
                        .map(ResultView::name)
                        .toList();
        sub = 1;
        body.add(new Heading(
                2, "（" + DocumentText.numeral(sub++) + "）" + (excellent == null ? "优秀" : excellent) + "等次单位"));
        body.add(new Paragraph(
                excellentNames.isEmpty()
                        ? "本年度无评定为" + (excellent == null ? "优秀" : excellent) + "等次的单位。"
                        : "评定为" + excellent + "等次的单位（" + excellentNames.size() + "个）："
                                + String.join("、", excellentNames) + "。"));
        body.add(new Heading(2, "（" + DocumentText.numeral(sub++) + "）连续优秀单位"));
        List<String> consecutive = f.names(f.consecutiveExcellent());
        body.add(new Paragraph(
                consecutive.isEmpty()
                        ? "本年度无连续两年评定为优秀等次的单位。"
                        : "连续两年评定为优秀等次的单位（" + consecutive.size() + "个）：" + String.join("、", consecutive)
                                + "。按照考核实施方案，提请予以通报表彰。"));
        body.add(new Heading(2, "（" + DocumentText.numeral(sub++) + "）排名靠后单位"));
        Map<String, List<Long>> bottom = f.bottom();
        List<String> bottomParts = new ArrayList<>();
        for (CategoryView c : f.categories()) {
            List<Long> ids = bottom.getOrDefault(c.name(), List.of());
            if (!ids.isEmpty()) {
                bottomParts.add(c.name() + "：" + String.join("、", f.names(ids)));
            }
        }
        int n = f.levels().bottomN();
        body.add(new Paragraph(
                n <= 0
                        ? "本次考核未设排名靠后单位名单。"
                        : bottomParts.isEmpty()
                                ? "本年度无排名后" + n + "位的单位。"
                                : "各排名类别中排名后" + n + "位（含并列）的单位：" + String.join("；", bottomParts) + "。对上述单位，由"
                                        + f.authority() + "约谈其主要负责人，并列为下一年度重点督导对象。"));
        body.add(new Heading(2, "（" + DocumentText.numeral(sub) + "）大幅退步单位"));
        List<String> regression = f.names(f.regression());
        body.add(new Paragraph(
                regression.isEmpty()
                        ? "本年度无与上一年度相比排名大幅退步的单位。"
                        : "与上一年度相比排名大幅退步的单位（" + regression.size() + "个）：" + String.join("、", regression)
                                + "。对上述单位予以警示，请其深入分析原因，限期改进。"));

        body.add(new Heading(1, DocumentText.numeral(section) + "、有关要求"));
        body.add(new Paragraph("获得优秀等次的单位要再接再厉，持续深化法治政府建设；其他单位要对照考核中发现的问题和不足，"
                + "深入分析原因，逐项制定整改措施，明确责任人和整改时限，确保整改到位。考核结果抄送纪检监察机关和组织人事部门，"
                + "作为对领导班子和领导干部综合考核评价的重要参考。"));
        if (f.settings().extraParagraph() != null) {
            body.add(new Paragraph(f.settings().extraParagraph()));
        }
        body.add(new Paragraph("特此通报。"));

        OfficialDocument.Attachment table = new OfficialDocument.Attachment(name + "结果汇总表", List.of(f.summaryTable()));
        return new OfficialDocument(
                new OfficialDocument.Masthead(f.authority(), f.settings().documentNo(), OfficialDocument.Layout.FILE),
                "关于" + name + "结果的通报",
                f.settings().addressees(),
                body,
                f.signature(),
                List.of(table),
                new OfficialDocument.Imprint(f.settings().copyTo(), f.authority(), f.date()));
    }
}
