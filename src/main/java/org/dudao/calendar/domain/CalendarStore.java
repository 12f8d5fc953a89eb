package org.dudao.calendar.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calendar tables ({@code V010__calendar.sql}). Every change first bumps the one-row {@code
 * calendar_revision}: the row lock serialises the office's changes, and the new number tells every node's
 * in-memory calendar to reload.
 */
@Component
public class CalendarStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CalendarStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long revision() {
        return jdbc.sql("select revision from calendar_revision where id = 1")
                .query(Long.class)
                .single();
    }

    /** Locks the calendar for a change (until the transaction ends) and returns the new revision. */
    long lockForChange() {
        return jdbc.sql("update calendar_revision set revision = revision + 1, changed_at = now() where id = 1"
                        + " returning revision")
                .query(Long.class)
                .single();
    }

    /** The whole calendar as the current transaction sees it. */
    public WorkingCalendar read() {
        List<HolidaySchedule> years = jdbc.sql("select year, source, note, builtin from calendar_year order by year")
                .query((rs, i) -> new HolidaySchedule(
                        rs.getInt("year"), rs.getString("source"), rs.getString("note"), rs.getBoolean("builtin")))
                .list();
        List<OfficialDay> days = jdbc.sql("select day, kind, name, year, source, note from calendar_day order by day")
                .query(CalendarStore::officialDay)
                .list();
        List<LocalOverride> overrides = jdbc.sql(
                        "select id, day, kind, reason, created_by, created_at from calendar_override order by day")
                .query(CalendarStore::override)
                .list();
        return WorkingCalendar.of(years, days, overrides);
    }

    /** Inserts the year unless it exists; true when this call inserted it. */
    boolean insertYear(HolidaySchedule y, String by) {
        return jdbc.sql("insert into calendar_year (year, source, note, builtin, created_at, created_by)"
                                + " values (?, ?, ?, ?, now(), ?) on conflict (year) do nothing")
                        .params(y.year(), y.source(), y.note(), y.builtin(), by)
                        .update()
                == 1;
    }

    void insertDays(List<OfficialDay> days, String by) {
        template.batchUpdate(
                "insert into calendar_day (day, kind, name, year, source, note, created_at, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, now(), ?)",
                days,
                100,
                (ps, d) -> {
                    ps.setObject(1, d.date());
                    ps.setString(2, d.kind().name());
                    ps.setString(3, d.name());
                    ps.setInt(4, d.year());
                    ps.setString(5, d.source());
                    ps.setString(6, d.note());
                    ps.setString(7, by);
                });
    }

    /** Deletes a year with its days (cascade). */
    int deleteYear(int year) {
        return jdbc.sql("delete from calendar_year where year = ?").param(year).update();
    }

    long insertOverride(LocalDate day, SpecialDayKind kind, String reason, String by) {
        return jdbc.sql("insert into calendar_override (day, kind, reason, created_at, created_by)"
                        + " values (?, ?, ?, now(), ?) returning id")
                .params(day, kind.name(), reason, by)
                .query(Long.class)
                .single();
    }

    int deleteOverride(long id) {
        return jdbc.sql("delete from calendar_override where id = ?").param(id).update();
    }

    static OfficialDay officialDay(ResultSet rs, int i) throws SQLException {
        return new OfficialDay(
                rs.getObject("day", LocalDate.class),
                SpecialDayKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getInt("year"),
                rs.getString("source"),
                rs.getString("note"));
    }

    static LocalOverride override(ResultSet rs, int i) throws SQLException {
        return new LocalOverride(
                rs.getLong("id"),
                rs.getObject("day", LocalDate.class),
                SpecialDayKind.valueOf(rs.getString("kind")),
                rs.getString("reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
