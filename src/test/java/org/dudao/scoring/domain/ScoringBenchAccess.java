package org.dudao.scoring.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.dudao.scoring.engine.Adjustment;
import org.dudao.scoring.engine.Computation;
import org.dudao.scoring.engine.PreviousResult;
import org.springframework.context.ApplicationContext;

/**
 * What {@link org.dudao.bench.ScoringBenchmark} needs of the scoring module's package-private parts, reached from
 * the test sources (same package) so that the benchmark changes no main code.
 */
public final class ScoringBenchAccess {

    private final ResultStore store;
    private final ScoringInputs inputs;
    private final ResultUpdates updates;

    public ScoringBenchAccess(ApplicationContext context) {
        this.store = context.getBean(ResultStore.class);
        this.inputs = context.getBean(ScoringInputs.class);
        this.updates = context.getBean(ResultUpdates.class);
    }

    /** {@link ResultStore#saveComputation}: the workflow row and every result. */
    public void save(long campaignId, Computation computation, String by, Instant at) {
        store.saveComputation(campaignId, computation.results(), computation.lists(), by, at);
    }

    /** The campaign's approved events as {@link ScoringInputs#summed} reads them. */
    public List<Adjustment> approvedAdjustments(long campaignId) {
        return inputs.approvedAdjustments(campaignId, null, false);
    }

    /** Last year's results as {@link ScoringInputs#summed} reads them. */
    public List<PreviousResult> previous(long campaignId) {
        return inputs.previous(campaignId);
    }

    /** {@link ResultUpdates#changed}: what follows a changed evaluation in its transaction. */
    public boolean changed(long campaignId, Collection<Long> targetIds) {
        return updates.changed(campaignId, targetIds);
    }
}
