package org.dudao.calendar.domain;

import java.time.LocalDate;

/**
 * One date of an official holiday schedule.
 *
 * @param year the schedule (notice) the date belongs to; usually the date's year, but a notice may begin its
 *     New Year holiday in the previous December (2022-12-31 belongs to the 2023 schedule)
 * @param source the notice that decided it
 * @param note what the data say about the source (amendments, naming differences); null when nothing
 */
public record OfficialDay(LocalDate date, SpecialDayKind kind, String name, int year, String source, String note) {}
