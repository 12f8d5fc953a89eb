package org.dudao.scoring.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * 后N名 (rule 10), per ranked category: the targets in the last N places, with ties at the boundary
 * included. A tied group that reaches into the last N places is listed whole, so the list can be longer
 * than N. (With competition ranks a group that straddles the boundary has a rank of n − N or better, so
 * the test is on the group's last place, not on its rank.) N = 0 gives none, N ≥ n gives all.
 */
record BottomN(int n) {

    /** @param ordered a ranked category's results in ranking order, with their ranks */
    List<Long> of(List<TargetResult> ordered, int[] ranks) {
        List<Long> out = new ArrayList<>();
        if (n <= 0) {
            return out;
        }
        int size = ordered.size();
        int boundary = size - n; // places boundary+1 .. size are the last N (1-based)
        int start = 0;
        while (start < size) {
            int end = start + 1;
            while (end < size && ranks[end] == ranks[start]) {
                end++;
            }
            if (end > boundary) { // the group's last place (1-based: end) is among the last N
                for (int i = start; i < end; i++) {
                    out.add(ordered.get(i).targetId());
                }
            }
            start = end;
        }
        return out;
    }
}
