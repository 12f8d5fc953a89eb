package org.dudao.plan.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan module's tables (V020__plan.sql), through JdbcClient. */
@Repository
public class PlanStore {

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Assignment(long id, long campaignId, long taskId, long unitId, String role, boolean demo) {}

    public record State(long taskId, String status, String reason, boolean demo, String changedBy, Instant changedAt) {}

    public record Report(
            long id,
            long campaignId,
            long taskId,
            long unitId,
            int year,
            String workDone,
            String figures,
            boolean demo,
            String submittedBy,
            Instant submittedAt) {}

    public record Annual(
            long id,
            int year,
            LocalDate due,
            String status,
            String reason,
            boolean demo,
            String changedBy,
            Instant changedAt) {}

    public record StatusChange(
            long id, Long taskId, Integer year, String from, String to, String reason, String by, Instant at) {}

    static java.time.OffsetDateTime ts(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // ---------------------------------------------------------------- assignments

    public List<Assignment> assignments(long campaignId) {
        return jdbc.sql(
                        "select id, campaign_id, task_id, unit_id, role, demo from plan_assignment where campaign_id = ?"
                                + " order by task_id, case role when 'LEAD' then 0 else 1 end, id")
                .param(campaignId)
                .query((rs, n) -> new Assignment(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    public List<Assignment> assignmentsOfTask(long taskId) {
        return jdbc.sql("select id, campaign_id, task_id, unit_id, role, demo from plan_assignment where task_id = ?"
                        + " order by case role when 'LEAD' then 0 else 1 end, id")
                .param(taskId)
                .query((rs, n) -> new Assignment(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    public void deleteAssignments(long taskId) {
        jdbc.sql("delete from plan_assignment where task_id = ?").param(taskId).update();
    }

    public void insertAssignment(
            long campaignId, long taskId, long unitId, String role, boolean demo, String by, Instant at) {
        jdbc.sql("insert into plan_assignment (campaign_id, task_id, unit_id, role, demo, assigned_by, assigned_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(campaignId, taskId, unitId, role, demo, by, ts(at))
                .update();
    }

    /** Plan campaigns in which the unit is assigned to a task. */
    public List<Long> campaignsOfUnit(long unitId) {
        return jdbc.sql("select distinct campaign_id from plan_assignment where unit_id = ? order by campaign_id")
                .param(unitId)
                .query(Long.class)
                .list();
    }

    /** Campaigns with a plan assignment (the demo loader's idempotence check and the reminder job). */
    public List<Long> campaignsWithAssignments() {
        return jdbc.sql("select distinct campaign_id from plan_assignment order by campaign_id")
                .query(Long.class)
                .list();
    }

    // ---------------------------------------------------------------- status

    public List<State> states(long campaignId) {
        return jdbc.sql("select task_id, status, reason, demo, changed_by, changed_at from plan_task_state"
                        + " where campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new State(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        instant(rs, "changed_at")))
                .list();
    }

    public Optional<State> state(long taskId) {
        return jdbc.sql("select task_id, status, reason, demo, changed_by, changed_at from plan_task_state"
                        + " where task_id = ? for update")
                .param(taskId)
                .query((rs, n) -> new State(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        instant(rs, "changed_at")))
                .optional();
    }

    public void saveState(
            long campaignId, long taskId, String status, String reason, boolean demo, String by, Instant at) {
        jdbc.sql("insert into plan_task_state (task_id, campaign_id, status, reason, demo, changed_by, changed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict (task_id) do update set status = excluded.status,"
                        + " reason = excluded.reason, demo = excluded.demo, changed_by = excluded.changed_by,"
                        + " changed_at = excluded.changed_at, row_version = plan_task_state.row_version + 1")
                .params(taskId, campaignId, status, reason, demo, by, ts(at))
                .update();
    }

    public void insertChange(
            long campaignId, Long taskId, Integer year, String from, String to, String reason, String by, Instant at) {
        jdbc.sql("insert into plan_status_change (campaign_id, task_id, annual_year, from_status, to_status, reason,"
                        + " changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(campaignId, taskId, year, from, to, reason, by, ts(at))
                .update();
    }

    public List<StatusChange> changesOfTask(long taskId) {
        return jdbc.sql("select id, task_id, annual_year, from_status, to_status, reason, changed_by, changed_at"
                        + " from plan_status_change where task_id = ? order by id desc")
                .param(taskId)
                .query((rs, n) -> new StatusChange(
                        rs.getLong(1),
                        rs.getLong(2),
                        null,
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs, "changed_at")))
                .list();
    }

    // ---------------------------------------------------------------- years and reports

    public Optional<LocalDate> yearDue(long campaignId, int year) {
        return jdbc.sql("select report_due from plan_year where campaign_id = ? and year = ?")
                .params(campaignId, year)
                .query(LocalDate.class)
                .optional();
    }

    public void saveYearDue(long campaignId, int year, LocalDate due, String by, Instant at) {
        jdbc.sql("insert into plan_year (campaign_id, year, report_due, updated_by, updated_at) values (?, ?, ?, ?, ?)"
                        + " on conflict (campaign_id, year) do update set report_due = excluded.report_due,"
                        + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .params(campaignId, year, due, by, ts(at))
                .update();
    }

    private static Report report(ResultSet rs) throws SQLException {
        return new Report(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("task_id"),
                rs.getLong("unit_id"),
                rs.getInt("year"),
                rs.getString("work_done"),
                rs.getString("figures"),
                rs.getBoolean("demo"),
                rs.getString("submitted_by"),
                instant(rs, "submitted_at"));
    }

    public List<Report> reports(long campaignId) {
        return jdbc.sql("select * from plan_report where campaign_id = ? order by year, task_id, id")
                .param(campaignId)
                .query((rs, n) -> report(rs))
                .list();
    }

    public List<Report> reportsOfTask(long taskId) {
        return jdbc.sql("select * from plan_report where task_id = ? order by year desc, id")
                .param(taskId)
                .query((rs, n) -> report(rs))
                .list();
    }

    public Optional<Report> report(long taskId, long unitId, int year) {
        return jdbc.sql("select * from plan_report where task_id = ? and unit_id = ? and year = ? for update")
                .params(taskId, unitId, year)
                .query((rs, n) -> report(rs))
                .optional();
    }

    public Optional<Report> report(long id) {
        return jdbc.sql("select * from plan_report where id = ?")
                .param(id)
                .query((rs, n) -> report(rs))
                .optional();
    }

    public long insertReport(
            long campaignId,
            long taskId,
            long unitId,
            int year,
            String workDone,
            String figures,
            boolean demo,
            String by,
            Instant at) {
        return jdbc.sql("insert into plan_report (campaign_id, task_id, unit_id, year, work_done, figures, demo,"
                        + " submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(campaignId, taskId, unitId, year, workDone, figures, demo, by, ts(at))
                .query(Long.class)
                .single();
    }

    public void updateReport(long id, String workDone, String figures, String by, Instant at) {
        jdbc.sql("update plan_report set work_done = ?, figures = ?, submitted_by = ?, submitted_at = ?,"
                        + " row_version = row_version + 1 where id = ?")
                .params(workDone, figures, by, ts(at), id)
                .update();
    }

    /** (unit, year) pairs that have reported on the task, for the reminder job. */
    public List<long[]> reportedPairs(long campaignId, int year) {
        return jdbc.sql("select task_id, unit_id from plan_report where campaign_id = ? and year = ?")
                .params(campaignId, year)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    // ---------------------------------------------------------------- 年度报告

    public List<Annual> annuals(long campaignId) {
        return jdbc.sql("select id, year, due_on, status, reason, demo, changed_by, changed_at from plan_annual_report"
                        + " where campaign_id = ? order by year")
                .param(campaignId)
                .query((rs, n) -> new Annual(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getString(7),
                        instant(rs, "changed_at")))
                .list();
    }

    public long saveAnnual(
            long campaignId,
            int year,
            LocalDate due,
            String status,
            String reason,
            boolean demo,
            String by,
            Instant at) {
        return jdbc.sql("insert into plan_annual_report (campaign_id, year, due_on, status, reason, demo, changed_by,"
                        + " changed_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (campaign_id, year) do update set"
                        + " due_on = excluded.due_on, status = excluded.status, reason = excluded.reason,"
                        + " demo = excluded.demo, changed_by = excluded.changed_by, changed_at = excluded.changed_at"
                        + " returning id")
                .params(campaignId, year, due, status, reason, demo, by, ts(at))
                .query(Long.class)
                .single();
    }

    public Optional<Long> campaignOfAnnual(long annualId) {
        return jdbc.sql("select campaign_id from plan_annual_report where id = ?")
                .param(annualId)
                .query(Long.class)
                .optional();
    }

    public List<Long> campaignsWithAnnualItems() {
        return jdbc.sql("select distinct campaign_id from plan_annual_report order by campaign_id")
                .query(Long.class)
                .list();
    }
}
