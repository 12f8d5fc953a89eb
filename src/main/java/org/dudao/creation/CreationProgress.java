package org.dudao.creation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Progress of a creation campaign on a day: per unit and per indicator, with the lagging rule applied.
 *
 * @param target the completion rate a unit should have reached by {@code asOf} (0, 0.5 or 1), from the
 *     phase deadlines passed
 * @param median the median completion rate of all responsible units
 * @param checkpoint the phase deadline that set the target, null before the first one
 */
public record CreationProgress(
        long campaignId,
        LocalDate asOf,
        BigDecimal target,
        BigDecimal median,
        LocalDate checkpoint,
        String checkpointPhase,
        List<UnitProgress> units,
        List<IndicatorProgress> indicators) {

    /**
     * One unit: its tasks, how many have files, an explanation, both (complete), its open problems.
     *
     * @param rate complete / tasks, 0..1 with four decimals
     */
    public record UnitProgress(
            long unitId,
            String unitName,
            int tasks,
            int withFiles,
            int withExplanation,
            int complete,
            int openProblems,
            BigDecimal rate,
            boolean lagging) {

        public int percent() {
            return rate.movePointRight(2).intValue();
        }
    }

    /** One indicator (the node directly above its tasks), in the system's order. */
    public record IndicatorProgress(
            int position,
            String indicator,
            int tasks,
            int assignments,
            int complete,
            int openProblems,
            BigDecimal rate) {

        public int percent() {
            return rate.movePointRight(2).intValue();
        }
    }

    public List<UnitProgress> lagging() {
        return units.stream().filter(UnitProgress::lagging).toList();
    }
}
