package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small builders for engine tests: a campaign put together line by line. */
final class Fixture {

    static final Instant T0 = Instant.parse("2021-01-10T02:00:00Z");

    final List<Target> targets = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();
    final List<Evaluation> evaluations = new ArrayList<>();
    final List<Adjustment> adjustments = new ArrayList<>();
    final List<PreviousResult> previous = new ArrayList<>();
    Policy policy = Policy.pds2020();

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    Fixture policy(Policy p) {
        this.policy = p;
        return this;
    }

    /** Target {@code id} of unit {@code 1000 + id}, named T{id}, at position {@code id}. */
    Fixture target(long id, long categoryId, String category) {
        targets.add(new Target(id, 1000 + id, "T" + id, categoryId, category, (int) id));
        return this;
    }

    Fixture task(long id, long categoryId, String points) {
        return task(id, categoryId, points, null);
    }

    Fixture task(long id, long categoryId, String points, String component) {
        tasks.add(new Task(id, categoryId, bd(points), component, "任务" + id, List.of("指标", "任务" + id)));
        return this;
    }

    Fixture grade(long target, long task, Grade g) {
        evaluations.add(new Evaluation(target, task, g, null, false, "理由", "考核主体", T0, null));
        return this;
    }

    Fixture points(long target, long task, String points) {
        evaluations.add(new Evaluation(target, task, null, bd(points), false, "理由", "考核主体", T0, null));
        return this;
    }

    Fixture notApplicable(long target, long task) {
        evaluations.add(new Evaluation(target, task, null, null, true, "不适用", "考核主体", T0, null));
        return this;
    }

    /** A bonus approved {@code minute} minutes after T0. */
    Fixture bonus(long id, long target, String matter, String points, int minute) {
        adjustments.add(new Adjustment(
                id, target, AdjustmentKind.BONUS, matter, bd(points), Set.of(), false, "加分", at(minute), null));
        return this;
    }

    Fixture penalty(long id, long target, String matter, String points, int minute, boolean blocks, Long... tasks) {
        adjustments.add(new Adjustment(
                id, target, AdjustmentKind.PENALTY, matter, bd(points), Set.of(tasks), blocks, "减分", at(minute), null));
        return this;
    }

    Fixture previous(long target, String finalScore, String level, Integer rank) {
        previous.add(new PreviousResult(1000 + target, finalScore == null ? null : bd(finalScore), level, rank));
        return this;
    }

    static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    Inputs inputs() {
        return new Inputs(targets, tasks, evaluations, adjustments, previous, policy);
    }

    Computation compute() {
        return ScoringEngine.compute(inputs());
    }

    TargetResult result(long targetId) {
        return compute().result(targetId).orElseThrow();
    }

    /**
     * One category (id 1, "县（市、区）") whose single task (id 1) is worth 100 points, one target per
     * score given as points, ids 1, 2, …: the converted score is the score (with components, the task
     * belongs to the first, which then carries all the weight).
     */
    static Fixture scores(Policy policy, String... scores) {
        Fixture f = new Fixture()
                .policy(policy)
                .task(
                        1,
                        1,
                        "100",
                        policy.components().isEmpty()
                                ? null
                                : policy.components().get(0).code());
        for (int i = 0; i < scores.length; i++) {
            f.target(i + 1, 1, "县（市、区）").points(i + 1, 1, scores[i]);
        }
        return f;
    }

    // ---- policies derived from a preset ----

    static Policy withLevels(Policy p, List<LevelRule> levels, String excellentLevel) {
        return new Policy(
                p.gradePercent(),
                p.bonusCap(),
                p.penaltyCap(),
                p.convertTo100(),
                p.components(),
                levels,
                p.rankedCategories(),
                p.bottomN(),
                p.regression(),
                p.consecutiveExcellenceYears(),
                excellentLevel);
    }

    static Policy withRanked(Policy p, Set<String> ranked) {
        return new Policy(
                p.gradePercent(),
                p.bonusCap(),
                p.penaltyCap(),
                p.convertTo100(),
                p.components(),
                p.levels(),
                ranked,
                p.bottomN(),
                p.regression(),
                p.consecutiveExcellenceYears(),
                p.excellentLevel());
    }

    static Policy withRegression(Policy p, Regression r) {
        return new Policy(
                p.gradePercent(),
                p.bonusCap(),
                p.penaltyCap(),
                p.convertTo100(),
                p.components(),
                p.levels(),
                p.rankedCategories(),
                p.bottomN(),
                r,
                p.consecutiveExcellenceYears(),
                p.excellentLevel());
    }

    static Policy withConsecutiveYears(Policy p, int years) {
        return new Policy(
                p.gradePercent(),
                p.bonusCap(),
                p.penaltyCap(),
                p.convertTo100(),
                p.components(),
                p.levels(),
                p.rankedCategories(),
                p.bottomN(),
                p.regression(),
                years,
                p.excellentLevel());
    }

    static Policy withoutConversion(Policy p) {
        return new Policy(
                p.gradePercent(),
                p.bonusCap(),
                p.penaltyCap(),
                false,
                p.components(),
                p.levels(),
                p.rankedCategories(),
                p.bottomN(),
                p.regression(),
                p.consecutiveExcellenceYears(),
                p.excellentLevel());
    }

    /** 2022 rules with every category ranked (the fixture's category names are not the preset's). */
    static Policy pds2022AllRanked() {
        return withRanked(Policy.pds2022(), Set.of());
    }
}
