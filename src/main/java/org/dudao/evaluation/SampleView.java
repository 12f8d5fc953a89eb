package org.dudao.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * 集中评查抽样: the documents / case files drawn for one (target, task) with the seed that reproduces the
 * draw, and each sampled item's score (0–100) and note.
 */
public record SampleView(
        long id,
        long targetId,
        long taskId,
        long seed,
        int population,
        List<Item> items,
        String drawnBy,
        Instant drawnAt) {

    public record Item(int position, String item, BigDecimal score, String note, String scoredBy, Instant scoredAt) {}

    public boolean complete() {
        return items.stream().allMatch(i -> i.score() != null);
    }
}
