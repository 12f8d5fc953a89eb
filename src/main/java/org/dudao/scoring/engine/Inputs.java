package org.dudao.scoring.engine;

import java.util.List;
import java.util.Objects;

/**
 * Everything one computation needs. Null lists are read as empty; the order of every list is irrelevant.
 *
 * @param evaluations one per evaluated task of a target; for a target given by {@code tallies}, the details of some
 *     of its tasks (see {@link Tally})
 * @param tallies the evaluations of targets summed (a full computation without breakdowns); targets without a
 *     tally are scored from their evaluations, task by task
 */
public record Inputs(
        List<Target> targets,
        List<Task> tasks,
        List<Evaluation> evaluations,
        List<Adjustment> adjustments,
        List<PreviousResult> previous,
        Policy policy,
        List<Tally> tallies) {

    public Inputs {
        targets = targets == null ? List.of() : List.copyOf(targets);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        previous = previous == null ? List.of() : List.copyOf(previous);
        Objects.requireNonNull(policy, "policy");
        tallies = tallies == null ? List.of() : List.copyOf(tallies);
    }

    /** Inputs with every evaluation given task by task (results with breakdowns). */
    public Inputs(
            List<Target> targets,
            List<Task> tasks,
            List<Evaluation> evaluations,
            List<Adjustment> adjustments,
            List<PreviousResult> previous,
            Policy policy) {
        this(targets, tasks, evaluations, adjustments, previous, policy, List.of());
    }
}
