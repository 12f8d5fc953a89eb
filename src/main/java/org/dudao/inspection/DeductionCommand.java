package org.dudao.inspection;

import java.math.BigDecimal;

/** 扣分: points deducted from an item against one clause (1-based) of its check standard, with the reason. */
public record DeductionCommand(Long taskId, Integer clauseNo, BigDecimal points, String reason) {}
