package org.dudao.scoring.engine;

import java.util.List;
import java.util.Objects;

/** Everything one computation needs. Null lists are read as empty; the order of every list is irrelevant. */
public record Inputs(
        List<Target> targets,
        List<Task> tasks,
        List<Evaluation> evaluations,
        List<Adjustment> adjustments,
        List<PreviousResult> previous,
        Policy policy) {

    public Inputs {
        targets = targets == null ? List.of() : List.copyOf(targets);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        previous = previous == null ? List.of() : List.copyOf(previous);
        Objects.requireNonNull(policy, "policy");
    }
}
