package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign's rule settings (考核规则). Every number is a setting, not a constant: each city and year
 * writes its own; {@link #pds2020()} and {@link #pds2022()} are presets. See {@code docs/scoring.md}.
 *
 * @param gradePercent the percentage of a task's points each grade is worth; every grade must be present
 * @param bonusCap the most bonus a target can get in total; null = no cap
 * @param penaltyCap the most penalty points a target can lose in total (zeroed tasks aside); null = no cap
 * @param convertTo100 convert a score whose applicable tasks total less than 100 to the hundred-point scale
 * @param components score components with their weights; empty = no components
 * @param levels result levels, best to worst; the last is the fallback every remaining target gets
 * @param rankedCategories names of the categories that get a rank; empty = every category
 * @param bottomN the size of the last-N list of each ranked category; 0 = none
 * @param regression what counts as a big regression; null = never
 * @param consecutiveExcellenceYears years of the excellent level in a row for the commendation list
 *     (连续优秀); the engine only knows last year, so any value from 2 up means "this year and last
 *     year", 1 means this year alone and 0 switches the list off
 * @param excellentLevel the name of the level a serious penalty bars (优秀); null = none; else one of the
 *     level names
 */
public record Policy(
        Map<Grade, BigDecimal> gradePercent,
        BigDecimal bonusCap,
        BigDecimal penaltyCap,
        boolean convertTo100,
        List<Component> components,
        List<LevelRule> levels,
        Set<String> rankedCategories,
        int bottomN,
        Regression regression,
        int consecutiveExcellenceYears,
        String excellentLevel) {

    public Policy {
        Objects.requireNonNull(gradePercent, "gradePercent");
        EnumMap<Grade, BigDecimal> percent = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            BigDecimal p = gradePercent.get(g);
            if (p == null) {
                throw new IllegalArgumentException("no percentage for grade " + g);
            }
            percent.put(g, p);
        }
        gradePercent = Collections.unmodifiableMap(percent);
        components = components == null ? List.of() : List.copyOf(components);
        Set<String> codes = new HashSet<>();
        for (Component c : components) {
            if (!codes.add(c.code())) {
                throw new IllegalArgumentException("component " + c.code() + " listed twice");
            }
        }
        levels = levels == null ? List.of() : List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("at least one level is needed (the fallback)");
        }
        Set<String> names = new HashSet<>();
        for (LevelRule l : levels) {
            if (!names.add(l.name())) {
                throw new IllegalArgumentException("level " + l.name() + " listed twice");
            }
        }
        if (excellentLevel != null && !names.contains(excellentLevel)) {
            throw new IllegalArgumentException("excellent level " + excellentLevel + " is not one of the levels");
        }
        rankedCategories = rankedCategories == null ? Set.of() : Set.copyOf(rankedCategories);
        if (consecutiveExcellenceYears < 0) {
            throw new IllegalArgumentException(
                    "consecutiveExcellenceYears must not be negative, got " + consecutiveExcellenceYears);
        }
        if (bottomN < 0) {
            throw new IllegalArgumentException("bottomN must not be negative, got " + bottomN);
        }
    }

    /**
     * 平顶山市2020年度依法行政考核 (seed 000). From the seed: grades 优/良/中/差 = 100/80/60/0 % of a task's
     * points; bonus +1 per case, at most 5 in total; penalty 1 to 3 points per case plus the related tasks
     * count zero, no total cap; the same matter counts once; a score whose applicable content is under 100
     * is converted; the last 5 are talked to (约谈); two consecutive years excellent are proposed for
     * commendation; every category is ranked.
     *
     * <p>Not from the seed — Dudao's editable defaults: the seed gives no level thresholds (the office
     * proposes levels, the leading group approves), so 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格 are
     * defaults for the office to change; a big regression (a drop of 5 or more places) is a default too.
     */
    public static Policy pds2020() {
        return new Policy(
                gradePercent("100", "80", "60", "0"),
                new BigDecimal("5"),
                null,
                true,
                List.of(),
                defaultLevels(),
                Set.of(),
                5,
                new Regression(5, null),
                2,
                "优秀");
    }

    /**
     * 平顶山市2022年起法治建设考核 (seed 004), on top of the 2020 rules. From the seed: bonus at most 5,
     * penalty in principle at most 10; serious cases cannot be 优秀; the score consists of routine work
     * (日常工作落实), on-site inspection (实地考察) and satisfaction (满意度); categories (一) counties,
     * (四) government departments and (七) units stationed in the city get a rank, the others a level only;
     * the last three get a warning notice.
     *
     * <p>Not from the seed — Dudao's editable defaults: the component weights 70 / 20 / 10 (seed 004
     * names the components but gives no weights), the level thresholds (as in {@link #pds2020()}) and the
     * size of a big regression (5 places). The ranked categories are given by name ("县（市、区）",
     * "市政府工作部门", "驻平单位"); a campaign renames them to its own category names.
     */
    public static Policy pds2022() {
        return new Policy(
                gradePercent("100", "80", "60", "0"),
                new BigDecimal("5"),
                new BigDecimal("10"),
                true,
                List.of(
                        new Component("ROUTINE", "日常工作落实", new BigDecimal("70")),
                        new Component("ONSITE", "实地考察", new BigDecimal("20")),
                        new Component("SATISFACTION", "满意度", new BigDecimal("10"))),
                defaultLevels(),
                Set.of("县（市、区）", "市政府工作部门", "驻平单位"),
                3,
                new Regression(5, null),
                2,
                "优秀");
    }

    private static Map<Grade, BigDecimal> gradePercent(String excellent, String good, String fair, String poor) {
        return Map.of(
                Grade.EXCELLENT, new BigDecimal(excellent),
                Grade.GOOD, new BigDecimal(good),
                Grade.FAIR, new BigDecimal(fair),
                Grade.POOR, new BigDecimal(poor));
    }

    private static List<LevelRule> defaultLevels() {
        return List.of(
                new LevelRule("优秀", new BigDecimal("90"), null),
                new LevelRule("良好", new BigDecimal("80"), null),
                new LevelRule("合格", new BigDecimal("60"), null),
                new LevelRule("不合格", null, null));
    }
}
