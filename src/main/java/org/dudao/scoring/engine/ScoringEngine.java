package org.dudao.scoring.engine;

/**
 * 评分引擎. {@link #compute(Inputs)} scores every target of a campaign, levels and ranks each category and
 * draws up the follow-up lists; {@link Computation#update} redoes one target after its evaluations or
 * adjustments changed. Deterministic: the same inputs in any list order give identical results. Inputs
 * that do not fit together (an evaluation of an unknown task, of a task of another category, two
 * evaluations of one task, a task whose component the policy does not have, duplicate ids) are refused
 * with an {@link IllegalArgumentException} rather than silently skipped.
 */
public final class ScoringEngine {

    private ScoringEngine() {}

    public static Computation compute(Inputs inputs) {
        return Computation.of(inputs);
    }
}
