package org.dudao.creation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dudao.campaign.PhaseView;

/**
 * 落后单位 (lagging units), the rule the progress bulletin applies:
 *
 * <ol>
 *   <li>the target completion rate follows the phase deadlines passed: none before the self-check
 *       deadline (全面自查), 50 % after it, 100 % after the rectification deadline (限期整改) or the
 *       declaration deadline (集中申报) when the campaign dates one;
 *   <li>a unit lags when its completion rate (tasks with both a file and an explanation ÷ its tasks) is
 *       below the target <em>and</em> below the median of all responsible units (behind its peers) or
 *       still zero.
 * </ol>
 */
public final class LaggingRule {

    public static final BigDecimal HALF = new BigDecimal("0.5");

    public record Checkpoint(LocalDate date, String phase, BigDecimal target) {}

    private LaggingRule() {}

    /** The last checkpoint passed on {@code today} (the day after the deadline day), or null. */
    public static Checkpoint checkpoint(List<PhaseView> phases, LocalDate today) {
        List<Checkpoint> all = new ArrayList<>();
        for (PhaseView p : phases) {
            if (p.endsOn() == null) {
                continue;
            }
            switch (p.code()) {
                case "SELF_CHECK" -> all.add(new Checkpoint(p.endsOn(), p.code(), HALF));
                case "RECTIFICATION", "DECLARATION" -> all.add(new Checkpoint(p.endsOn(), p.code(), BigDecimal.ONE));
                default -> {}
            }
        }
        Checkpoint best = null;
        for (Checkpoint c : all) {
            if (today.isAfter(c.date())
                    && (best == null
                            || c.target().compareTo(best.target()) > 0
                            || (c.target().compareTo(best.target()) == 0
                                    && c.date().isAfter(best.date())))) {
                best = c;
            }
        }
        return best;
    }

    public static BigDecimal median(Collection<BigDecimal> rates) {
        if (rates.isEmpty()) {
            return BigDecimal.ZERO;
        }
        List<BigDecimal> sorted = rates.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal m = n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
        return m.setScale(4, RoundingMode.HALF_UP);
    }

    public static boolean lagging(BigDecimal rate, BigDecimal target, BigDecimal median) {
        if (target == null || rate.compareTo(target) >= 0) {
            return false;
        }
        return rate.compareTo(median) < 0 || rate.signum() == 0;
    }

    public static BigDecimal rate(int done, int of) {
        return of == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }
}
