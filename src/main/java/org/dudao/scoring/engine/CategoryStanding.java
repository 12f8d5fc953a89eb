package org.dudao.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The standing of one category's targets (rules 8 to 12): each target's result with its level and rank, the
 * category's bottom list, and which of its targets regressed or stayed excellent. A full computation stands every
 * category this way; {@link #of} stands one category again from its targets' scores alone — what a single changed
 * evaluation needs once the changed target is re-scored (the other targets' scores are read from the stored results).
 *
 * @param results the category's results in the order given, with level and rank
 * @param bottom 后N名 of the category in rank order; null when the category is not ranked
 * @param regression 大幅退步, in the order given
 * @param consecutiveExcellent 连续优秀, in the order given
 */
public record CategoryStanding(
        List<TargetResult> results, List<Long> bottom, List<Long> regression, List<Long> consecutiveExcellent) {

    public CategoryStanding {
        results = List.copyOf(results);
        bottom = bottom == null ? null : List.copyOf(bottom);
        regression = List.copyOf(regression);
        consecutiveExcellent = List.copyOf(consecutiveExcellent);
    }

    /**
     * Levels and ranks one category as a full computation does.
     *
     * @param category the category's name (ranked or not as the policy says)
     * @param scored the category's targets' results in target position order (then id); their level and rank are
     *     ignored, only the scores count (final score, penalty, converted score, excellent blocked)
     * @param previousByUnit last year's results by unit
     */
    public static CategoryStanding of(
            Policy policy, String category, List<TargetResult> scored, Map<Long, PreviousResult> previousByUnit) {
        int n = scored.size();
        TargetResult[] in = scored.toArray(new TargetResult[0]);
        int[] members = new int[n];
        PreviousResult[] previous = new PreviousResult[n];
        for (int i = 0; i < n; i++) {
            members[i] = i;
            previous[i] = previousByUnit.get(in[i].unitId());
        }
        TargetResult[] out = new TargetResult[n];
        boolean[] regression = new boolean[n];
        boolean[] consecutive = new boolean[n];
        List<Long> bottom = stand(
                LevelAssignment.of(policy),
                new BottomN(policy.bottomN()),
                new BigRegression(policy.regression()),
                ConsecutiveExcellence.of(policy),
                Ranking.isRanked(policy, category),
                members,
                in,
                previous,
                out,
                regression,
                consecutive);
        List<Long> reg = new ArrayList<>();
        List<Long> con = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (regression[i]) {
                reg.add(out[i].targetId());
            }
            if (consecutive[i]) {
                con.add(out[i].targetId());
            }
        }
        return new CategoryStanding(Arrays.asList(out), bottom, reg, con);
    }

    /**
     * Ranks and levels the members of one category, writing their entries of {@code results}, {@code regression} and
     * {@code consecutive}; returns the bottom list (null when the category is not ranked).
     *
     * @param members indexes into the arrays, in target position order
     */
    static List<Long> stand(
            LevelAssignment levelAssignment,
            BottomN bottomN,
            BigRegression bigRegression,
            ConsecutiveExcellence consecutiveExcellence,
            boolean ranked,
            int[] members,
            TargetResult[] scored,
            PreviousResult[] previousOf,
            TargetResult[] results,
            boolean[] regression,
            boolean[] consecutive) {
        Integer[] order = new Integer[members.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = members[k];
        }
        // stable: ties stay in position order
        Arrays.sort(order, (a, b) -> Ranking.ORDER.compare(scored[a], scored[b]));
        List<TargetResult> ordered = new ArrayList<>(order.length);
        for (Integer i : order) {
            ordered.add(scored[i]);
        }
        int[] ranks = Ranking.ranks(ordered);
        String[] levels = levelAssignment.assign(ordered, ranks);
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            TargetResult r = scored[i].withStanding(levels[k], ranked ? ranks[k] : null, ranked);
            results[i] = r;
            regression[i] = bigRegression.isBig(r, previousOf[i]);
            consecutive[i] = consecutiveExcellence.holds(r, previousOf[i]);
        }
        return ranked ? List.copyOf(bottomN.of(ordered, ranks)) : null;
    }
}
