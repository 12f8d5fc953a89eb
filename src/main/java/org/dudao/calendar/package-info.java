/**
 * 工作日历 / Working-day calendar: China's statutory holidays and adjusted working days (调休) as the
 * State Council General Office announces them each year — shipped for 2019–2026, a year added by the office
 * when it is announced — plus the installation's local overrides (a local day off or working day, with its
 * reason). Other modules count deadlines in working days through {@link org.dudao.calendar.CalendarApi}
 * ("5 个工作日内"); a date outside the maintained years is refused with {@link
 * org.dudao.calendar.CalendarRangeException}, never answered by guess.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *"})
package org.dudao.calendar;
