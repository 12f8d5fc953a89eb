package org.dudao.scoring.engine;

import java.math.BigDecimal;

/**
 * 大幅退步 (rule 11): against last year's result of the same unit, the rank fell by at least rankDrop
 * places (only when both years have a rank) or the final score fell by at least scoreDrop points. No
 * previous result, or no regression rule, means no regression.
 */
record BigRegression(Regression rule) {

    boolean isBig(TargetResult now, PreviousResult before) {
        if (rule == null || before == null) {
            return false;
        }
        if (rule.rankDrop() != null && now.rank() != null && before.rank() != null) {
            if (now.rank() - before.rank() >= rule.rankDrop()) {
                return true;
            }
        }
        if (rule.scoreDrop() != null && before.finalScore() != null) {
            BigDecimal drop = before.finalScore().subtract(now.finalScore());
            return drop.compareTo(rule.scoreDrop()) >= 0;
        }
        return false;
    }
}
