package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 等次评定 (rule 9), within one category. Walking the targets in ranking order, each gets the first level
 * (best to worst) whose threshold it reaches (or that has none) and whose quota is not used up; the last
 * level is the fallback every remaining target gets. A quota admits floor(quotaPercent × n / 100)
 * targets, n = the category's size. Targets tied in the ranking are decided together: when a tied group
 * would overflow a quota, none of the group gets that level (they all go on to the next one), and the
 * level is closed for everyone placed below them, so tied targets never get different levels because of
 * a quota and no lower-placed target takes a place the tie could not. A target with a serious penalty
 * (excellentBlocked) skips the excellent level and does not use its quota.
 */
record LevelAssignment(List<LevelRule> levels, String excellentLevel) {

    static LevelAssignment of(Policy policy) {
        return new LevelAssignment(policy.levels(), policy.excellentLevel());
    }

    /** The quota of a level for a category of n targets; Integer.MAX_VALUE for no quota. */
    static int quota(LevelRule rule, int n) {
        if (rule.quotaPercent() == null) {
            return Integer.MAX_VALUE;
        }
        return rule.quotaPercent()
                .multiply(BigDecimal.valueOf(n))
                .divide(Rounding.HUNDRED, 0, RoundingMode.FLOOR)
                .intValueExact();
    }

    /**
     * @param ordered the category's results in ranking order ({@link Ranking#ORDER})
     * @param ranks their competition ranks; equal ranks form a tied group
     * @return the level of each, in the same order
     */
    String[] assign(List<TargetResult> ordered, int[] ranks) {
        int n = ordered.size();
        int last = levels.size() - 1;
        int[] quota = new int[last];
        int[] used = new int[last];
        for (int r = 0; r < last; r++) {
            quota[r] = quota(levels.get(r), n);
        }
        String[] out = new String[n];
        List<Integer> candidates = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && ranks[end] == ranks[start]) {
                end++;
            }
            for (int r = 0; r < last; r++) {
                LevelRule rule = levels.get(r);
                boolean excellent = rule.name().equals(excellentLevel);
                candidates.clear();
                for (int i = start; i < end; i++) {
                    TargetResult t = ordered.get(i);
                    if (out[i] == null
                            && (rule.minScore() == null || t.finalScore().compareTo(rule.minScore()) >= 0)
                            && !(excellent && t.excellentBlocked())) {
                        candidates.add(i);
                    }
                }
                if (candidates.isEmpty()) {
                    continue;
                }
                if (candidates.size() <= quota[r] - used[r]) {
                    used[r] += candidates.size();
                    for (int i : candidates) {
                        out[i] = rule.name();
                    }
                } else {
                    used[r] = quota[r]; // overflow: closed, so no lower-placed target takes what the tie lost
                }
            }
            for (int i = start; i < end; i++) {
                if (out[i] == null) {
                    out[i] = levels.get(last).name();
                }
            }
            start = end;
        }
        return out;
    }
}
