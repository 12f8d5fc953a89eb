package org.dudao.calendar.domain;

/**
 * 节假日安排: one year's official holiday schedule as maintained (its days are {@link OfficialDay}s with this
 * year).
 *
 * @param source the State Council General Office notice (and any amendment)
 * @param builtin shipped with Dudao (loaded from {@code classpath:calendar/}); the office cannot delete it
 */
public record HolidaySchedule(int year, String source, String note, boolean builtin) {}
