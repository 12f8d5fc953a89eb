package org.dudao.report.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TargetView;
import org.dudao.scoring.LevelsView;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.WorkflowView;

/**
 * What every document of a campaign is built from, read once through the other modules' facades.
 *
 * @param tasksPerCategory category id → number of tasks
 * @param workflow where the results stand, or null before the first computation
 * @param signingDate the 成文日期 (the settings' date, or the day of generation)
 */
record CampaignFacts(
        CampaignView campaign,
        List<CategoryView> categories,
        List<TargetView> targets,
        Map<Long, Long> tasksPerCategory,
        List<ResultView> results,
        WorkflowView workflow,
        LevelsView levels,
        DocumentSettings settings,
        LocalDate signingDate) {

    String date() {
        return DocumentText.date(signingDate, settings.chineseNumeralDate());
    }

    String authority() {
        return settings.issuingAuthority();
    }

    OfficialDocument.Signature signature() {
        return new OfficialDocument.Signature(authority(), date());
    }

    /** Approved or published: the results are final. */
    boolean frozen() {
        return workflow != null && workflow.frozen();
    }

    /** 《平顶山市2020年度依法行政考核实施方案》（平法政办〔2020〕21号）, as documents cite the campaign's rules. */
    String scheme() {
        String s = "《" + campaign.name() + "实施方案》";
        return campaign.documentNo() == null ? s : s + "（" + campaign.documentNo() + "）";
    }

    Map<Long, ResultView> resultsByTarget() {
        return results.stream().collect(Collectors.toMap(ResultView::targetId, Function.identity()));
    }

    String name(long targetId) {
        return targets.stream()
                .filter(t -> t.id() == targetId)
                .map(TargetView::name)
                .findFirst()
                .orElse("#" + targetId);
    }

    /** The results of a category in the campaign's order. */
    List<ResultView> ofCategory(String category) {
        return results.stream().filter(r -> r.category().equals(category)).toList();
    }

    /** The results of a category by rank (unranked last, in the campaign's order). */
    List<ResultView> ranked(String category) {
        List<ResultView> list = new ArrayList<>(ofCategory(category));
        list.sort(Comparator.comparing((ResultView r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank()));
        return list;
    }

    /** Whether any result of the category has a rank. */
    boolean isRanked(String category) {
        return ofCategory(category).stream().anyMatch(r -> r.ranked() && r.rank() != null);
    }

    long count(String category, String level) {
        return ofCategory(category).stream()
                .filter(r -> level.equals(r.level()))
                .count();
    }

    long count(String level) {
        return results.stream().filter(r -> level.equals(r.level())).count();
    }

    /** The levels of the policy, then any other level a result carries (a policy changed after computing). */
    List<String> levelNames() {
        List<String> names = new ArrayList<>(levels.levels());
        for (ResultView r : results) {
            if (r.level() != null && !names.contains(r.level())) {
                names.add(r.level());
            }
        }
        return names;
    }

    /** The level that counts as excellent: the policy's 优秀 level, else its best. */
    String excellentLevel() {
        if (levels.excellentLevel() != null) {
            return levels.excellentLevel();
        }
        return levels.levels().isEmpty() ? null : levels.levels().get(0);
    }

    /** 后N名 per ranked category (category name → target ids in rank order), from the workflow's lists. */
    Map<String, List<Long>> bottom() {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        if (workflow == null || workflow.lists() == null) {
            return out;
        }
        if (workflow.lists().get("bottom") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), ids(v)));
        }
        return out;
    }

    /** 大幅退步. */
    List<Long> regression() {
        return workflow == null || workflow.lists() == null
                ? List.of()
                : ids(workflow.lists().get("regression"));
    }

    /** 连续优秀. */
    List<Long> consecutiveExcellent() {
        return workflow == null || workflow.lists() == null
                ? List.of()
                : ids(workflow.lists().get("consecutiveExcellent"));
    }

    List<String> names(List<Long> ids) {
        return ids.stream().map(this::name).toList();
    }

    private static List<Long> ids(Object o) {
        if (!(o instanceof List<?> l)) {
            return List.of();
        }
        return l.stream().map(x -> new BigDecimal(x.toString()).longValue()).toList();
    }

    /** 考核结果汇总表: every target with its scores, level and rank, by category and rank. */
    OfficialDocument.Table summaryTable() {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (CategoryView c : categories) {
            for (ResultView r : isRanked(c.name()) ? ranked(c.name()) : ofCategory(c.name())) {
                rows.add(List.of(
                        String.valueOf(n++),
                        r.name(),
                        r.category(),
                        DocumentText.points(r.convertedScore()),
                        DocumentText.points(r.bonus()),
                        DocumentText.points(r.penalty()),
                        DocumentText.points(r.finalScore()),
                        DocumentText.orDash(r.level()),
                        r.rank() == null ? "—" : String.valueOf(r.rank())));
            }
        }
        return new OfficialDocument.Table(
                null,
                List.of("序号", "考核对象", "类别", "基础得分", "加分", "减分", "考核得分", "等次", "排名"),
                rows,
                new int[] {7, 25, 12, 11, 9, 9, 11, 9, 7},
                new boolean[] {true, false, false, true, true, true, true, true, true});
    }
}
