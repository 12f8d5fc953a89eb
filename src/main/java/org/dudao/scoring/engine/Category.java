package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One target category of a computation: its tasks (by id) and its targets (by position). Immutable. */
final class Category {

    final int index;
    final long id;
    final String name;
    final boolean ranked;
    final Task[] tasks;
    final BigDecimal[] maxOut;
    /** task index × grade ordinal → the task's score for that grade (exact, and at scale 2). */
    final BigDecimal[][] gradeScore;

    final BigDecimal[][] gradeScoreOut;
    /** Σ points of all tasks, and per component: the applicable total is this minus what is not applicable. */
    final BigDecimal totalMax;

    final BigDecimal[] componentTotalMax;
    final int[] componentIndex;
    final Map<Long, Integer> taskIndex;
    final int[] members;

    Category(int index, long id, String name, boolean ranked, List<Task> tasks, int[] members, Policy policy) {
        this.index = index;
        this.id = id;
        this.name = name;
        this.ranked = ranked;
        this.tasks = tasks.toArray(new Task[0]);
        this.members = members;
        this.maxOut = new BigDecimal[this.tasks.length];
        this.gradeScore = new BigDecimal[this.tasks.length][];
        this.gradeScoreOut = new BigDecimal[this.tasks.length][];
        this.componentTotalMax = new BigDecimal[policy.components().size()];
        Arrays.fill(componentTotalMax, BigDecimal.ZERO);
        TaskScore taskScore = new TaskScore(policy.gradePercent());
        BigDecimal total = BigDecimal.ZERO;
        this.componentIndex = new int[this.tasks.length];
        this.taskIndex = new HashMap<>(this.tasks.length * 2);
        Map<String, Integer> components = new HashMap<>();
        for (int c = 0; c < policy.components().size(); c++) {
            components.put(policy.components().get(c).code(), c);
        }
        for (int i = 0; i < this.tasks.length; i++) {
            Task t = this.tasks[i];
            taskIndex.put(t.id(), i);
            maxOut[i] = Rounding.out(t.maxPoints());
            total = total.add(t.maxPoints());
            gradeScore[i] = new BigDecimal[Grade.values().length];
            gradeScoreOut[i] = new BigDecimal[Grade.values().length];
            for (Grade g : Grade.values()) {
                gradeScore[i][g.ordinal()] = taskScore.forGrade(g, t.maxPoints());
                gradeScoreOut[i][g.ordinal()] = Rounding.out(gradeScore[i][g.ordinal()]);
            }
            if (components.isEmpty()) {
                componentIndex[i] = -1;
            } else {
                Integer c = t.component() == null ? null : components.get(t.component());
                if (c == null) {
                    throw new IllegalArgumentException("task " + t.id() + ": component '" + t.component()
                            + "' is not one of the policy's components "
                            + policy.components().stream().map(Component::code).toList());
                }
                componentIndex[i] = c;
                componentTotalMax[c] = componentTotalMax[c].add(t.maxPoints());
            }
        }
        this.totalMax = total;
    }
}
