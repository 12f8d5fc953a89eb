package org.dudao.scoring.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The follow-up lists of a campaign, as target ids.
 *
 * @param bottom 后N名: ranked category name → its last targets, in rank order (then position); every
 *     ranked category has an entry, in the order of the campaign's target list
 * @param regression 大幅退步: in target position order
 * @param consecutiveExcellent 连续优秀: in target position order
 */
public record Lists(Map<String, List<Long>> bottom, List<Long> regression, List<Long> consecutiveExcellent) {

    public Lists {
        Map<String, List<Long>> copy = new LinkedHashMap<>();
        bottom.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        bottom = Collections.unmodifiableMap(copy);
        regression = List.copyOf(regression);
        consecutiveExcellent = List.copyOf(consecutiveExcellent);
    }
}
