package org.dudao.scoring.engine;

/**
 * 连续优秀 (rule 12): the excellent level this year and, when the policy asks for two or more years in a
 * row, last year too (compared by level name, trimmed). The engine sees one previous year only, so a
 * requirement of three or more years is checked as two; the office checks older years itself.
 */
record ConsecutiveExcellence(String excellentLevel, int years) {

    static ConsecutiveExcellence of(Policy policy) {
        return new ConsecutiveExcellence(policy.excellentLevel(), policy.consecutiveExcellenceYears());
    }

    boolean holds(TargetResult now, PreviousResult before) {
        if (excellentLevel == null || years <= 0 || !excellentLevel.equals(now.level())) {
            return false;
        }
        if (years == 1) {
            return true;
        }
        return before != null
                && before.level() != null
                && excellentLevel.equals(before.level().strip());
    }
}
