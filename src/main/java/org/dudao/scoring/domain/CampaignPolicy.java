package org.dudao.scoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.dudao.scoring.engine.Component;
import org.dudao.scoring.engine.Grade;
import org.dudao.scoring.engine.LevelRule;
import org.dudao.scoring.engine.Policy;
import org.dudao.scoring.engine.Regression;

/**
 * A campaign's scoring policy as the REST contract shows it ({@code GET/PUT /api/v1/campaigns/{id}/policy}):
 * the fixed fields {@code gradePercent, bonusCap, penaltyCap, convertTo100, levels, rankedCategories,
 * bottomN} plus Dudao's extensions (preset, point ranges of events, components, regression,
 * consecutive excellence).
 *
 * @param bonusPoints the default points of a bonus (2020: +1 per case)
 * @param penaltyMin smallest penalty (2020: 1), null = any positive amount
 * @param penaltyMax largest single penalty (2020: 3), null = no limit
 */
public record CampaignPolicy(
        String preset,
        Map<String, BigDecimal> gradePercent,
        BigDecimal bonusCap,
        BigDecimal penaltyCap,
        boolean convertTo100,
        List<Level> levels,
        List<String> rankedCategories,
        int bottomN,
        BigDecimal bonusPoints,
        BigDecimal penaltyMin,
        BigDecimal penaltyMax,
        List<ComponentRule> components,
        Integer regressionRankDrop,
        BigDecimal regressionScoreDrop,
        int consecutiveExcellenceYears,
        String excellentLevel) {

    /** A level (等次) with its threshold and/or quota. */
    public record Level(String name, BigDecimal minScore, BigDecimal quotaPercent) {}

    /** A score component with its weight (points of 100) and the test methods whose tasks feed it. */
    public record ComponentRule(String code, String name, BigDecimal weight, List<String> methods) {}

    public static CampaignPolicy preset(String code) {
        if ("PDS-2022".equals(code)) {
            return of(
                    "PDS-2022",
                    Policy.pds2022(),
                    new BigDecimal("1"),
                    null,
                    null,
                    List.of(
                            new ComponentRule("ROUTINE", "日常工作落实", null, List.of("日常掌握", "其他", "集中评查", "网络检索", "报送资料")),
                            new ComponentRule("ONSITE", "实地考察", null, List.of("实地考核")),
                            new ComponentRule("SATISFACTION", "满意度", null, List.of("满意度调查"))));
        }
        return of(
                "PDS-2020", Policy.pds2020(), new BigDecimal("1"), new BigDecimal("1"), new BigDecimal("3"), List.of());
    }

    private static CampaignPolicy of(
            String code,
            Policy p,
            BigDecimal bonusPoints,
            BigDecimal penaltyMin,
            BigDecimal penaltyMax,
            List<ComponentRule> methods) {
        Map<String, BigDecimal> grades = new java.util.LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            grades.put(g.name(), p.gradePercent().get(g));
        }
        List<ComponentRule> components = new ArrayList<>();
        for (Component c : p.components()) {
            List<String> m = methods.stream()
                    .filter(r -> r.code().equals(c.code()))
                    .findFirst()
                    .map(ComponentRule::methods)
                    .orElse(List.of());
            components.add(new ComponentRule(c.code(), c.name(), c.weight(), m));
        }
        return new CampaignPolicy(
                code,
                grades,
                p.bonusCap(),
                p.penaltyCap(),
                p.convertTo100(),
                p.levels().stream()
                        .map(l -> new Level(l.name(), l.minScore(), l.quotaPercent()))
                        .toList(),
                List.copyOf(p.rankedCategories()),
                p.bottomN(),
                bonusPoints,
                penaltyMin,
                penaltyMax,
                components,
                p.regression() == null ? null : p.regression().rankDrop(),
                p.regression() == null ? null : p.regression().scoreDrop(),
                p.consecutiveExcellenceYears(),
                p.excellentLevel());
    }

    public Policy toEngine() {
        Map<Grade, BigDecimal> grades = new EnumMap<>(Grade.class);
        gradePercent.forEach((k, v) -> grades.put(Grade.parse(k), v));
        return new Policy(
                grades,
                bonusCap,
                penaltyCap,
                convertTo100,
                components == null
                        ? List.of()
                        : components.stream()
                                .map(c -> new Component(c.code(), c.name(), c.weight()))
                                .toList(),
                levels.stream()
                        .map(l -> new LevelRule(l.name(), l.minScore(), l.quotaPercent()))
                        .toList(),
                new LinkedHashSet<>(rankedCategories == null ? List.of() : rankedCategories),
                bottomN,
                new Regression(regressionRankDrop, regressionScoreDrop),
                consecutiveExcellenceYears,
                excellentLevel);
    }

    /** The component a task's points count in: the first whose methods include one of the task's. */
    public String componentOf(List<String> taskMethods) {
        if (components == null || components.isEmpty()) {
            return null;
        }
        for (String m : taskMethods) {
            for (ComponentRule c : components) {
                if (c.methods() != null && c.methods().contains(m)) {
                    return c.code();
                }
            }
        }
        return components.get(0).code();
    }
}
