package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random campaigns for property tests and the speed check: every kind of evaluation (grade, points, not
 * applicable, missing), adjustments with repeated matters, caps to hit, related tasks (some of another
 * category), serious penalties, approval-time ties, last year's results. Points are multiples of 0.5 and
 * grade percentages whole numbers, so task scores have at most 2 decimals.
 */
final class RandomCampaign {

    static final String[] CATEGORY_NAMES = {"县（市、区）", "市委工作部门", "市政府工作部门", "驻平单位", "其他单位", "乡镇"};
    static final String[] COMPONENTS = {"ROUTINE", "ONSITE", "SATISFACTION"};
    static final String[] POINTS = {"0.5", "1", "2", "2.5", "3", "5", "10"};
    static final String[] ADJUSTMENT_POINTS = {"0.5", "1", "1", "2", "3"};
    static final String[] MATTERS = {"事项一", "事项 二", " 事项 二 ", "事项三", "事项四", "事项五", "事项六", null};
    static final Instant T0 = Instant.parse("2021-01-10T02:00:00Z");

    final Random random;
    final int categories;
    final int tasksPerCategory;
    final List<Target> targets = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();
    final List<List<Task>> tasksOfCategory = new ArrayList<>();
    long nextAdjustmentId = 1;
    /** Percentage of tasks left without an evaluation. */
    int missingPercent = 6;

    RandomCampaign(long seed, int targetCount, int categories, int tasksPerCategory) {
        this.random = new Random(seed);
        this.categories = categories;
        this.tasksPerCategory = tasksPerCategory;
        long taskId = 1;
        for (int c = 0; c < categories; c++) {
            List<Task> own = new ArrayList<>();
            for (int k = 0; k < tasksPerCategory; k++) {
                Task t = new Task(
                        taskId++,
                        c + 1,
                        new BigDecimal(POINTS[random.nextInt(POINTS.length)]),
                        COMPONENTS[random.nextInt(COMPONENTS.length)],
                        "任务" + taskId,
                        List.of("一级指标" + (k % 7), "二级指标" + (k % 3)));
                own.add(t);
                tasks.add(t);
            }
            tasksOfCategory.add(own);
        }
        for (int i = 0; i < targetCount; i++) {
            int c = random.nextInt(categories);
            // positions repeat now and then: the id breaks the tie
            targets.add(new Target(
                    i + 1, 5000 + i, "对象" + (i + 1), c + 1, CATEGORY_NAMES[c % CATEGORY_NAMES.length], i / 2));
        }
    }

    List<Task> tasksOf(Target t) {
        return tasksOfCategory.get((int) t.categoryId() - 1);
    }

    List<Evaluation> evaluationsOf(Target t) {
        List<Evaluation> out = new ArrayList<>();
        for (Task task : tasksOf(t)) {
            int roll = random.nextInt(100);
            Instant at = T0.plusSeconds(random.nextInt(100_000));
            Long review = random.nextInt(20) == 0 ? (long) random.nextInt(1000) : null;
            if (roll < missingPercent) {
                continue; // not evaluated yet
            } else if (roll < missingPercent + 6) {
                out.add(new Evaluation(t.id(), task.id(), null, null, true, "不适用", "科室A", at, review));
            } else if (roll < 70) {
                Grade g = Grade.values()[random.nextInt(4)];
                out.add(new Evaluation(t.id(), task.id(), g, null, false, "理由" + roll, "科室B", at, review));
            } else {
                int halves = task.maxPoints().multiply(BigDecimal.valueOf(2)).intValue();
                BigDecimal p = BigDecimal.valueOf(random.nextInt(halves + 1)).divide(BigDecimal.valueOf(2));
                out.add(new Evaluation(t.id(), task.id(), null, p, false, "扣分理由", "科室C", at, review));
            }
        }
        return out;
    }

    List<Adjustment> adjustmentsOf(Target t, int max) {
        List<Adjustment> out = new ArrayList<>();
        int n = random.nextInt(max + 1);
        for (int k = 0; k < n; k++) {
            AdjustmentKind kind = random.nextBoolean() ? AdjustmentKind.BONUS : AdjustmentKind.PENALTY;
            Set<Long> related = new HashSet<>();
            if (kind == AdjustmentKind.PENALTY) {
                List<Task> own = tasksOf(t);
                for (int r = random.nextInt(3); r > 0; r--) {
                    related.add(own.get(random.nextInt(own.size())).id());
                }
                if (random.nextInt(10) == 0) {
                    related.add(tasks.get(random.nextInt(tasks.size())).id()); // maybe another category's
                }
            }
            Instant at = random.nextInt(15) == 0 ? null : T0.plusSeconds(60L * random.nextInt(5));
            out.add(new Adjustment(
                    nextAdjustmentId++,
                    t.id(),
                    kind,
                    MATTERS[random.nextInt(MATTERS.length)],
                    new BigDecimal(ADJUSTMENT_POINTS[random.nextInt(ADJUSTMENT_POINTS.length)]),
                    related,
                    kind == AdjustmentKind.PENALTY && random.nextInt(8) == 0,
                    "理由",
                    at,
                    random.nextInt(10) == 0 ? 77L : null));
        }
        return out;
    }

    List<PreviousResult> previous(Policy policy) {
        List<PreviousResult> out = new ArrayList<>();
        for (Target t : targets) {
            if (random.nextInt(5) > 0) {
                List<LevelRule> levels = policy.levels();
                out.add(new PreviousResult(
                        t.unitId(),
                        BigDecimal.valueOf(5000 + random.nextInt(5000), 2),
                        levels.get(random.nextInt(levels.size())).name(),
                        random.nextInt(4) == 0 ? null : 1 + random.nextInt(targets.size() / categories + 1)));
            }
        }
        return out;
    }

    Inputs inputs(Policy policy, int maxAdjustmentsPerTarget) {
        List<Evaluation> evaluations = new ArrayList<>();
        List<Adjustment> adjustments = new ArrayList<>();
        for (Target t : targets) {
            evaluations.addAll(evaluationsOf(t));
            adjustments.addAll(adjustmentsOf(t, maxAdjustmentsPerTarget));
        }
        return new Inputs(targets, tasks, evaluations, adjustments, previous(policy), policy);
    }

    /** 2020 rules with a 30 % quota on 优秀 at ≥ 85 and a 50 % quota on 良好, so quotas and ties matter. */
    static Policy quotaPolicy2020() {
        return Fixture.withRegression(
                Fixture.withLevels(
                        Policy.pds2020(),
                        List.of(
                                new LevelRule("优秀", new BigDecimal("85"), new BigDecimal("30")),
                                new LevelRule("良好", new BigDecimal("70"), new BigDecimal("50")),
                                new LevelRule("合格", new BigDecimal("50"), null),
                                new LevelRule("不合格", null, null)),
                        "优秀"),
                new Regression(3, new BigDecimal("8")));
    }
}
