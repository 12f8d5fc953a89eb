package org.dudao.campaign;

import java.math.BigDecimal;
import java.util.List;

/** What a full score computation needs of a task: its category, points (分值; null when the table prints none) and methods. */
public record TaskPoints(long id, long categoryId, BigDecimal points, List<String> methods) {}
