package org.dudao.calendar.domain;

/** What a date is in the calendar, most specific rule first: local override, official schedule, weekday. */
public enum DayType {
    /** 工作日: an ordinary Monday to Friday. */
    WEEKDAY(true),
    /** 休息日: an ordinary Saturday or Sunday. */
    REST_DAY(false),
    /** 法定节假日: a day off of an official holiday period (weekends inside it included). */
    HOLIDAY(false),
    /** 调休上班日: a Saturday or Sunday made a working day by the official schedule. */
    ADJUSTED_WORKDAY(true),
    /** 本地放假: a day off decided locally (local override). */
    LOCAL_HOLIDAY(false),
    /** 本地上班: a working day decided locally (local override). */
    LOCAL_WORKDAY(true);

    private final boolean working;

    DayType(boolean working) {
        this.working = working;
    }

    public boolean working() {
        return working;
    }

    public String labelKey() {
        return "calendar.type." + name();
    }
}
