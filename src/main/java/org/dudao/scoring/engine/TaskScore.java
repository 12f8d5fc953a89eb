package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.Map;

/**
 * 任务得分 (rule 1). A grade is worth gradePercent[grade] % of the task's points; points count as given;
 * a task evaluated as not applicable leaves the target's applicable total; a task without an evaluation
 * counts 0 and stays applicable. Exact: no rounding.
 */
record TaskScore(Map<Grade, BigDecimal> gradePercent) {

    /** The score for an evaluation ({@code null} = not evaluated yet); null when not applicable. */
    BigDecimal of(Task task, Evaluation e) {
        if (e == null) {
            return BigDecimal.ZERO;
        }
        if (e.notApplicable()) {
            return null;
        }
        if (e.grade() != null) {
            return forGrade(e.grade(), task.maxPoints());
        }
        return e.points();
    }

    BigDecimal forGrade(Grade grade, BigDecimal maxPoints) {
        return gradePercent.get(grade).multiply(maxPoints).movePointLeft(2);
    }
}
