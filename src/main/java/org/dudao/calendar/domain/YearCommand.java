package org.dudao.calendar.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A year's official schedule as the State Council General Office announced it: the days off (weekends inside
 * a holiday period may be listed too) and the adjusted working days, each with its festival's name.
 *
 * @param source the notice, e.g. “国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）”
 */
public record YearCommand(Integer year, String source, String note, List<DayEntry> holidays, List<DayEntry> workdays) {

    /** One listed date and its festival (元旦, 春节 …). */
    public record DayEntry(LocalDate date, String name) {}
}
