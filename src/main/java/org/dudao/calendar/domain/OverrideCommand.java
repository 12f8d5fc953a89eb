package org.dudao.calendar.domain;

import java.time.LocalDate;

/**
 * A local override: the date, {@code HOLIDAY} (a local day off) or {@code WORKDAY} (a local working day), and
 * the reason (e.g. the city's own notice).
 */
public record OverrideCommand(LocalDate date, String kind, String reason) {}
