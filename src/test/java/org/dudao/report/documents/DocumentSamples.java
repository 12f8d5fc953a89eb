package org.dudao.report.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignKind;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TargetView;
import org.dudao.feedback.ProblemView;
import org.dudao.feedback.RectificationView;
import org.dudao.scoring.LevelsView;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.WorkflowView;

/**
 * An object mother for the documents: a published campaign of two ranked categories (5 counties, 3
 * departments) with levels, ranks, the follow-up lists, a breakdown with lost points and problems.
 */
final class DocumentSamples {

    private DocumentSamples() {}

    static final String DOC_NO = "平法政办〔2026〕12号";

    static DocumentSettings settings() {
        return new DocumentSettings(
                7,
                "平顶山市法治政府建设领导小组办公室",
                DOC_NO,
                "平法政办〔2026〕13号",
                "各县（市、区）人民政府，市直各有关单位",
                "市法治政府建设领导小组",
                "市纪委监委，市委组织部",
                LocalDate.of(2026, 11, 22),
                false,
                LocalDate.of(2026, 12, 31),
                "请各单位于12月底前报送整改情况。",
                true,
                "pds-office",
                Instant.parse("2026-11-20T02:00:00Z"));
    }

    static ResultView result(
            long id,
            String category,
            String name,
            String converted,
            String bonus,
            String penalty,
            String fin,
            String level,
            Integer rank) {
        return new ResultView(
                id,
                category,
                new BigDecimal(converted),
                new BigDecimal("100"),
                new BigDecimal(converted),
                new BigDecimal(bonus),
                new BigDecimal(penalty),
                new BigDecimal(fin),
                level,
                rank,
                name,
                1000 + id,
                rank != null,
                false,
                0,
                null);
    }

    static CampaignFacts facts(boolean published) {
        CampaignView campaign = new CampaignView(
                7,
                CampaignKind.ASSESSMENT,
                2026,
                "2026年度考核（文书样例）",
                "平法政办〔2020〕21号",
                "PDS-2020",
                null,
                1,
                "ACTIVE",
                Instant.parse("2026-01-05T00:00:00Z"));
        List<CategoryView> categories = List.of(new CategoryView(1, "县区政府", 11, 0), new CategoryView(2, "部门2", 12, 1));
        List<ResultView> results = new ArrayList<>(List.of(
                result(101, "县区政府", "舞钢市人民政府", "96.00", "1.00", "0.00", "97.00", "优秀", 1),
                result(102, "县区政府", "宝丰县人民政府", "88.50", "0.00", "0.00", "88.50", "良好", 2),
                result(103, "县区政府", "郏县人民政府", "82.00", "0.00", "0.00", "82.00", "良好", 3),
                result(104, "县区政府", "鲁山县人民政府", "75.25", "0.00", "2.00", "73.25", "合格", 4),
                result(105, "县区政府", "叶县人民政府", "58.00", "0.00", "0.00", "58.00", "不合格", 5),
                result(201, "部门2", "市政府办公室", "95.00", "0.00", "0.00", "95.00", "优秀", 1),
                result(202, "部门2", "市发展和改革委员会", "91.00", "0.00", "0.00", "91.00", "优秀", 2),
                result(203, "部门2", "市司法局", "79.50", "0.00", "0.00", "79.50", "合格", 3)));
        List<TargetView> targets = results.stream()
                .map(r -> new TargetView(
                        r.targetId(), 7, r.unitId(), r.name(), r.category().equals("县区政府") ? 1 : 2, r.category()))
                .toList();
        Map<String, Object> lists = new LinkedHashMap<>();
        lists.put("bottom", Map.of("县区政府", List.of(104, 105), "部门2", List.of(203)));
        lists.put("regression", List.of(103));
        lists.put("consecutiveExcellent", List.of(101));
        WorkflowView workflow = new WorkflowView(
                7,
                published ? "PUBLISHED" : "COMPUTED",
                Instant.now(),
                "pds-office",
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                lists,
                List.of(),
                List.of());
        return new CampaignFacts(
                campaign,
                categories,
                targets,
                Map.of(1L, 60L, 2L, 45L),
                results,
                workflow,
                new LevelsView(List.of("优秀", "良好", "合格", "不合格"), "优秀", 2, List.of()),
                settings(),
                LocalDate.of(2026, 11, 22));
    }

    static Map<String, Object> task(
            long id,
            String title,
            List<String> path,
            String max,
            String grade,
            String score,
            String reason,
            String assessor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", id);
        m.put("title", title);
        m.put("path", path);
        m.put("maxPoints", new BigDecimal(max));
        m.put("grade", grade);
        m.put("points", null);
        m.put("notApplicable", false);
        m.put("evaluated", true);
        m.put("score", new BigDecimal(score));
        m.put("reason", reason);
        m.put("assessor", assessor);
        m.put("zeroedByAdjustmentId", null);
        return m;
    }

    static Breakdown breakdown() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "tasks",
                List.of(
                        task(
                                1,
                                "1.制定年度法治政府建设工作计划",
                                List.of("一、党的领导", "（一）法治建设领导责任"),
                                "2",
                                "EXCELLENT",
                                "2",
                                null,
                                "考核办（张宇）"),
                        task(
                                2,
                                "2.规范性文件备案审查",
                                List.of("二、制度建设", "（二）规范性文件"),
                                "4",
                                "GOOD",
                                "3.2",
                                "2件规范性文件未按期报备",
                                "市司法局法规科（李明）"),
                        task(
                                3,
                                "3.重大行政决策合法性审查",
                                List.of("二、制度建设", "（三）重大决策"),
                                "5",
                                "FAIR",
                                "3",
                                "1项重大决策未经合法性审查",
                                "市司法局法规科（李明）"),
                        task(
                                4,
                                "4.行政执法三项制度",
                                List.of("三、行政执法", "（四）执法规范"),
                                "6",
                                "POOR",
                                "0",
                                "执法全过程记录未落实",
                                "市司法局执法监督科（王强）")));
        m.put(
                "adjustments",
                List.of(Map.of(
                        "id",
                        9,
                        "kind",
                        "PENALTY",
                        "matter",
                        "行政诉讼败诉",
                        "points",
                        new BigDecimal("2"),
                        "counted",
                        new BigDecimal("2"))));
        return Breakdown.of(m);
    }

    static ProblemView problem(long id, long target, String description, String status) {
        return new ProblemView(
                id,
                7,
                target,
                "鲁山县人民政府",
                3L,
                "3.重大行政决策合法性审查",
                null,
                "ROUTINE",
                "MAJOR",
                description,
                null,
                "pds-office",
                "张宇",
                1,
                Instant.parse("2026-10-09T02:00:00Z"),
                LocalDate.of(2026, 10, 9),
                LocalDate.of(2026, 10, 16),
                status,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                55L,
                List.of(),
                List.of());
    }

    static TargetLetters.Inputs letterInputs() {
        CampaignFacts f = facts(true);
        ResultView r = f.results().get(3); // 鲁山县, 合格
        RectificationView item = new RectificationView(
                55,
                7,
                104,
                "鲁山县人民政府",
                501,
                "重大行政决策未经合法性审查。",
                "MAJOR",
                "IN_PROGRESS",
                "建立合法性审查台账",
                "法制科 张科长",
                LocalDate.of(2026, 12, 15),
                false,
                null,
                Instant.now(),
                Instant.now(),
                null,
                null,
                List.of());
        return new TargetLetters.Inputs(
                f,
                r,
                breakdown(),
                List.of(
                        problem(501, 104, "重大行政决策未经合法性审查。", "CONFIRMED"),
                        problem(502, 104, "政务公开栏目更新不及时。", "WITHDRAWN")),
                List.of(item),
                5);
    }
}
