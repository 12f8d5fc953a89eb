package org.dudao.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results of one campaign. Immutable and safe to share between threads: {@link #update} returns a new
 * computation and leaves this one as it was; the new one shares every result of the categories it did
 * not touch (the same instances).
 */
public final class Computation {

    /** Counting order of adjustments: approval time (missing last), then id. */
    static final Comparator<Adjustment> COUNTING_ORDER = Comparator.comparing(
                    Adjustment::at, Comparator.nullsLast(Comparator.<java.time.Instant>naturalOrder()))
            .thenComparingLong(Adjustment::id);

    /** What does not change between updates: targets, categories, tasks, last year, the rules. */
    private record Setup(
            Policy policy,
            TargetScorer scorer,
            LevelAssignment levelAssignment,
            BottomN bottomN,
            BigRegression bigRegression,
            ConsecutiveExcellence consecutiveExcellence,
            Target[] targets,
            Map<Long, Integer> targetIndex,
            Category[] categories,
            Category[] categoryOf,
            Map<Long, Long> taskCategory,
            PreviousResult[] previousOf) {}

    private final Setup setup;
    private final Evaluation[][] evaluations;
    /** Per target: its evaluations summed (then {@code evaluations} holds details only), or null. */
    private final List<Tally>[] tallies;

    private final List<Adjustment>[] adjustments;
    private final TargetResult[] scored;
    private final TargetResult[] results;
    private final List<Long>[] bottom;
    private final boolean[] regression;
    private final boolean[] consecutive;
    private final List<TargetResult> resultList;
    private final Lists lists;

    private Computation(
            Setup setup,
            Evaluation[][] evaluations,
            List<Tally>[] tallies,
            List<Adjustment>[] adjustments,
            TargetResult[] scored,
            TargetResult[] results,
            List<Long>[] bottom,
            boolean[] regression,
            boolean[] consecutive) {
        this.setup = setup;
        this.evaluations = evaluations;
        this.tallies = tallies;
        this.adjustments = adjustments;
        this.scored = scored;
        this.results = results;
        this.bottom = bottom;
        this.regression = regression;
        this.consecutive = consecutive;
        this.resultList = Collections.unmodifiableList(Arrays.asList(results));
        this.lists = lists(setup, bottom, regression, consecutive);
    }

    /** Every target's result, in target position order (then id). */
    public List<TargetResult> results() {
        return resultList;
    }

    public Optional<TargetResult> result(long targetId) {
        Integer i = setup.targetIndex.get(targetId);
        return i == null ? Optional.empty() : Optional.of(results[i]);
    }

    public Lists lists() {
        return lists;
    }

    /** The policy the results were computed under. */
    public Policy policy() {
        return setup.policy;
    }

    /**
     * Recompute after the evaluations/adjustments of ONE target changed: re-scores only that target and
     * re-levels/re-ranks only its category. The lists replace the two given lists of the target (its
     * evaluations and its approved adjustments, complete). Returns a new computation; this one is not
     * changed. The results are those a full {@link ScoringEngine#compute} gives with the changed inputs;
     * the ids of the new adjustments are checked against each other, not against other targets'.
     *
     * @throws IllegalArgumentException for an unknown target, or lists that belong to another target or
     *     do not fit its category
     */
    public Computation update(
            long targetId, List<Evaluation> evaluationsOfTarget, List<Adjustment> adjustmentsOfTarget) {
        Integer index = setup.targetIndex.get(targetId);
        if (index == null) {
            throw new IllegalArgumentException("unknown target " + targetId);
        }
        int ti = index;
        Evaluation[][] ev = evaluations.clone();
        ev[ti] = null;
        List<Tally>[] ta = tallies.clone();
        ta[ti] = null; // given task by task from now on
        for (Evaluation e : evaluationsOfTarget == null ? List.<Evaluation>of() : evaluationsOfTarget) {
            if (e.targetId() != targetId) {
                throw new IllegalArgumentException(
                        "evaluation of target " + e.targetId() + " given in the update of target " + targetId);
            }
            place(setup, ev, ti, e);
        }
        List<Adjustment>[] ad = adjustments.clone();
        List<Adjustment> own = new ArrayList<>(adjustmentsOfTarget == null ? List.of() : adjustmentsOfTarget);
        Set<Long> ids = new HashSet<>();
        for (Adjustment a : own) {
            if (a.targetId() != targetId) {
                throw new IllegalArgumentException("adjustment " + a.id() + " of target " + a.targetId()
                        + " given in the update of target " + targetId);
            }
            if (!ids.add(a.id())) {
                throw new IllegalArgumentException("adjustment " + a.id() + " given twice");
            }
        }
        own.sort(COUNTING_ORDER);
        ad[ti] = List.copyOf(own);
        TargetResult[] sc = scored.clone();
        Category category = setup.categoryOf[ti];
        sc[ti] = setup.scorer.score(setup.targets[ti], category, ev[ti], null, ad[ti]);
        TargetResult[] res = results.clone();
        List<Long>[] bot = bottom.clone();
        boolean[] reg = regression.clone();
        boolean[] con = consecutive.clone();
        stand(setup, category, sc, res, bot, reg, con);
        return new Computation(setup, ev, ta, ad, sc, res, bot, reg, con);
    }

    // ---- building ----

    @SuppressWarnings("unchecked")
    static Computation of(Inputs inputs) {
        Policy policy = inputs.policy();

        Target[] targets = inputs.targets().toArray(new Target[0]);
        Arrays.sort(targets, Comparator.comparingInt(Target::position).thenComparingLong(Target::id));
        Map<Long, Integer> targetIndex = new HashMap<>(targets.length * 2);
        for (int i = 0; i < targets.length; i++) {
            if (targetIndex.put(targets[i].id(), i) != null) {
                throw new IllegalArgumentException("target " + targets[i].id() + " listed twice");
            }
        }

        Map<Long, List<Task>> tasksByCategory = new HashMap<>();
        Map<Long, Long> taskCategory = new HashMap<>(inputs.tasks().size() * 2);
        for (Task t : inputs.tasks()) {
            if (taskCategory.put(t.id(), t.categoryId()) != null) {
                throw new IllegalArgumentException("task " + t.id() + " listed twice");
            }
            tasksByCategory
                    .computeIfAbsent(t.categoryId(), k -> new ArrayList<>())
                    .add(t);
        }

        // categories in the order of their first target
        Map<Long, List<Integer>> membersById = new LinkedHashMap<>();
        Map<Long, String> nameById = new HashMap<>();
        Map<String, Long> idByName = new HashMap<>();
        for (int i = 0; i < targets.length; i++) {
            Target t = targets[i];
            membersById.computeIfAbsent(t.categoryId(), k -> new ArrayList<>()).add(i);
            String name = nameById.putIfAbsent(t.categoryId(), t.category());
            if (name != null && !name.equals(t.category())) {
                throw new IllegalArgumentException(
                        "category " + t.categoryId() + " is named both '" + name + "' and '" + t.category() + "'");
            }
            Long id = idByName.putIfAbsent(t.category(), t.categoryId());
            if (id != null && id != t.categoryId()) {
                throw new IllegalArgumentException(
                        "categories " + id + " and " + t.categoryId() + " share the name '" + t.category() + "'");
            }
        }
        Category[] categories = new Category[membersById.size()];
        Category[] categoryOf = new Category[targets.length];
        int ci = 0;
        for (Map.Entry<Long, List<Integer>> e : membersById.entrySet()) {
            List<Task> tasks = new ArrayList<>(tasksByCategory.getOrDefault(e.getKey(), List.of()));
            tasks.sort(Comparator.comparingLong(Task::id));
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            String name = nameById.get(e.getKey());
            Category c = new Category(ci, e.getKey(), name, Ranking.isRanked(policy, name), tasks, members, policy);
            categories[ci++] = c;
            for (int m : members) {
                categoryOf[m] = c;
            }
        }
        // tasks of categories without targets must still fit the policy's components
        for (Map.Entry<Long, List<Task>> e : tasksByCategory.entrySet()) {
            if (!membersById.containsKey(e.getKey())) {
                new Category(-1, e.getKey(), "", false, e.getValue(), new int[0], policy);
            }
        }

        Map<Long, PreviousResult> previousByUnit = new HashMap<>();
        for (PreviousResult p : inputs.previous()) {
            if (previousByUnit.put(p.unitId(), p) != null) {
                throw new IllegalArgumentException("previous result of unit " + p.unitId() + " listed twice");
            }
        }
        PreviousResult[] previousOf = new PreviousResult[targets.length];
        for (int i = 0; i < targets.length; i++) {
            previousOf[i] = previousByUnit.get(targets[i].unitId());
        }

        Setup setup = new Setup(
                policy,
                TargetScorer.of(policy),
                LevelAssignment.of(policy),
                new BottomN(policy.bottomN()),
                new BigRegression(policy.regression()),
                ConsecutiveExcellence.of(policy),
                targets,
                targetIndex,
                categories,
                categoryOf,
                taskCategory,
                previousOf);

        Evaluation[][] evaluations = new Evaluation[targets.length][];
        for (Evaluation e : inputs.evaluations()) {
            Integer ti = targetIndex.get(e.targetId());
            if (ti == null) {
                throw new IllegalArgumentException(
                        "evaluation of unknown target " + e.targetId() + " (task " + e.taskId() + ")");
            }
            place(setup, evaluations, ti, e);
        }

        List<Tally>[] tallies = new List[targets.length];
        for (Tally t : inputs.tallies()) {
            Integer ti = targetIndex.get(t.targetId());
            if (ti == null) {
                throw new IllegalArgumentException("tally of unknown target " + t.targetId());
            }
            if (tallies[ti] == null) {
                tallies[ti] = new ArrayList<>(2);
            }
            tallies[ti].add(t);
        }

        List<Adjustment>[] adjustments = new List[targets.length];
        List<Adjustment>[] collecting = new List[targets.length];
        Set<Long> adjustmentIds = new HashSet<>(inputs.adjustments().size() * 2);
        for (Adjustment a : inputs.adjustments()) {
            Integer ti = targetIndex.get(a.targetId());
            if (ti == null) {
                throw new IllegalArgumentException("adjustment " + a.id() + " of unknown target " + a.targetId());
            }
            if (!adjustmentIds.add(a.id())) {
                throw new IllegalArgumentException("adjustment " + a.id() + " listed twice");
            }
            if (collecting[ti] == null) {
                collecting[ti] = new ArrayList<>(4);
            }
            collecting[ti].add(a);
        }
        for (int i = 0; i < targets.length; i++) {
            if (collecting[i] == null) {
                adjustments[i] = List.of();
            } else {
                collecting[i].sort(COUNTING_ORDER);
                adjustments[i] = List.copyOf(collecting[i]);
            }
        }

        TargetResult[] scored = new TargetResult[targets.length];
        for (int i = 0; i < targets.length; i++) {
            scored[i] = setup.scorer.score(targets[i], categoryOf[i], evaluations[i], tallies[i], adjustments[i]);
        }
        TargetResult[] results = new TargetResult[targets.length];
        List<Long>[] bottom = new List[categories.length];
        boolean[] regression = new boolean[targets.length];
        boolean[] consecutive = new boolean[targets.length];
        for (Category c : categories) {
            stand(setup, c, scored, results, bottom, regression, consecutive);
        }
        return new Computation(
                setup, evaluations, tallies, adjustments, scored, results, bottom, regression, consecutive);
    }

    /** Puts an evaluation into its target's slot for the task, refusing what does not fit. */
    private static void place(Setup setup, Evaluation[][] evaluations, int ti, Evaluation e) {
        Category c = setup.categoryOf[ti];
        Integer slot = c.taskIndex.get(e.taskId());
        if (slot == null) {
            Long other = setup.taskCategory.get(e.taskId());
            throw new IllegalArgumentException("evaluation of target " + e.targetId() + " for "
                    + (other == null
                            ? "unknown task " + e.taskId()
                            : "task " + e.taskId() + " of category " + other + ", not the target's category " + c.id));
        }
        Evaluation[] slots = evaluations[ti];
        if (slots == null) {
            slots = new Evaluation[c.tasks.length];
            evaluations[ti] = slots;
        }
        if (slots[slot] != null) {
            throw new IllegalArgumentException("two evaluations of target " + e.targetId() + " for task " + e.taskId()
                    + "; give the current one only");
        }
        slots[slot] = e;
    }

    /** Ranks and levels one category (rules 8 to 12), writing its entries of the given arrays. */
    private static void stand(
            Setup setup,
            Category c,
            TargetResult[] scored,
            TargetResult[] results,
            List<Long>[] bottom,
            boolean[] regression,
            boolean[] consecutive) {
        bottom[c.index] = CategoryStanding.stand(
                setup.levelAssignment,
                setup.bottomN,
                setup.bigRegression,
                setup.consecutiveExcellence,
                c.ranked,
                c.members,
                scored,
                setup.previousOf,
                results,
                regression,
                consecutive);
    }

    private static Lists lists(Setup setup, List<Long>[] bottom, boolean[] regression, boolean[] consecutive) {
        Map<String, List<Long>> byCategory = new LinkedHashMap<>();
        for (Category c : setup.categories) {
            if (c.ranked) {
                byCategory.put(c.name, bottom[c.index]);
            }
        }
        List<Long> reg = new ArrayList<>();
        List<Long> con = new ArrayList<>();
        for (int i = 0; i < setup.targets.length; i++) {
            if (regression[i]) {
                reg.add(setup.targets[i].id());
            }
            if (consecutive[i]) {
                con.add(setup.targets[i].id());
            }
        }
        return new Lists(byCategory, reg, con);
    }
}
