package org.dudao.scoring.engine;

import java.util.Comparator;
import java.util.List;

/**
 * 排名 (rule 8), within one category. Order: final score, higher first; tie → fewer penalty points first;
 * tie → higher converted score first; still tied → the same rank, standard competition ranking (1, 2, 2,
 * 4). Tied targets are listed in target position order. Only categories named in the policy's ranked
 * categories get a published rank (an empty set ranks every category); the order is used internally for
 * levels everywhere.
 */
final class Ranking {

    /** Best first; ties compare equal (a stable sort keeps position order among them). */
    static final Comparator<TargetResult> ORDER = Comparator.comparing(TargetResult::finalScore)
            .reversed()
            .thenComparing(TargetResult::penalty)
            .thenComparing(Comparator.comparing(TargetResult::convertedScore).reversed());

    private Ranking() {}

    static boolean isRanked(Policy policy, String category) {
        return policy.rankedCategories().isEmpty() || policy.rankedCategories().contains(category);
    }

    /** Competition ranks of a list sorted by {@link #ORDER}. */
    static int[] ranks(List<TargetResult> ordered) {
        int[] ranks = new int[ordered.size()];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i > 0 && ORDER.compare(ordered.get(i - 1), ordered.get(i)) == 0 ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }
}
