package org.dudao.creation.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The creation tables, read and written with plain SQL. */
@Repository
public class CreationStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CreationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record AssignmentRow(
            long id,
            long campaignId,
            long taskId,
            long unitId,
            String role,
            String viaGroup,
            String explanation,
            int explanationWords,
            boolean included,
            Instant updatedAt,
            String updatedBy) {}

    public record NewAssignment(long taskId, long unitId, String role, String viaGroup) {}

    public record GapRow(long id, Long taskId, String kind, String printed) {}

    public record ConsolidationRow(long taskId, long unitId, String explanation, Instant updatedAt, String updatedBy) {}

    public record SelfReportRow(
            long id,
            long unitId,
            String body,
            Instant updatedAt,
            Instant sealedAt,
            String sealedBy,
            String sealSha256) {}

    public record ProblemRow(
            long id,
            long unitId,
            Long taskId,
            String source,
            String description,
            String measures,
            LocalDate dueOn,
            String status,
            String rectifiedNote,
            Instant rectifiedAt,
            Instant createdAt,
            String createdBy) {}

    // ------------------------------------------------------------------ set-up

    public boolean isSetUp(long campaignId) {
        return jdbc.sql("select exists (select 1 from creation_assignment where campaign_id = ?)"
                        + " or exists (select 1 from creation_gap where campaign_id = ?)")
                .params(campaignId, campaignId)
                .query(Boolean.class)
                .single();
    }

    public void insertAssignments(long campaignId, List<NewAssignment> rows, String by) {
        template.batchUpdate(
                "insert into creation_assignment (campaign_id, task_id, unit_id, role, via_group, created_by,"
                        + " updated_by) values (?, ?, ?, ?, ?, ?, ?)",
                rows,
                500,
                (ps, r) -> {
                    ps.setLong(1, campaignId);
                    ps.setLong(2, r.taskId());
                    ps.setLong(3, r.unitId());
                    ps.setString(4, r.role());
                    ps.setString(5, r.viaGroup());
                    ps.setString(6, by);
                    ps.setString(7, by);
                });
    }

    public void insertGap(long campaignId, Long taskId, String kind, String printed) {
        jdbc.sql("insert into creation_gap (campaign_id, task_id, kind, printed) values (?, ?, ?, ?)")
                .params(campaignId, taskId, kind, printed)
                .update();
    }

    public List<GapRow> gaps(long campaignId) {
        return jdbc.sql("select id, task_id, kind, printed from creation_gap where campaign_id = ? order by id")
                .param(campaignId)
                .query((rs, n) -> new GapRow(
                        rs.getLong("id"),
                        (Long) rs.getObject("task_id"),
                        rs.getString("kind"),
                        rs.getString("printed")))
                .list();
    }

    // ------------------------------------------------------------------ assignments

    private static final String ASSIGNMENT = "select id, campaign_id, task_id, unit_id, role, via_group, explanation,"
            + " explanation_words, included, updated_at, updated_by from creation_assignment";

    public boolean involved(long campaignId, long unitId) {
        return jdbc.sql("select exists (select 1 from creation_assignment where campaign_id = ? and unit_id = ?)")
                .params(campaignId, unitId)
                .query(Boolean.class)
                .single();
    }

    /** The creation campaigns a unit has tasks in. */
    public List<Long> campaignsOfUnit(long unitId) {
        return jdbc.sql("select distinct campaign_id from creation_assignment where unit_id = ?")
                .param(unitId)
                .query(Long.class)
                .list();
    }

    public Optional<AssignmentRow> assignment(long taskId, long unitId) {
        return jdbc.sql(ASSIGNMENT + " where task_id = ? and unit_id = ?")
                .params(taskId, unitId)
                .query(CreationStore::assignment)
                .optional();
    }

    public Optional<AssignmentRow> assignment(long id) {
        return jdbc.sql(ASSIGNMENT + " where id = ?")
                .param(id)
                .query(CreationStore::assignment)
                .optional();
    }

    public List<AssignmentRow> assignmentsOfUnit(long campaignId, long unitId) {
        return jdbc.sql(ASSIGNMENT + " where campaign_id = ? and unit_id = ? order by task_id")
                .params(campaignId, unitId)
                .query(CreationStore::assignment)
                .list();
    }

    public List<AssignmentRow> assignmentsOfTask(long taskId) {
        return jdbc.sql(ASSIGNMENT + " where task_id = ? order by case role when 'LEAD' then 0 else 1 end, id")
                .param(taskId)
                .query(CreationStore::assignment)
                .list();
    }

    public List<AssignmentRow> assignments(long campaignId) {
        return jdbc.sql(ASSIGNMENT + " where campaign_id = ? order by task_id, id")
                .param(campaignId)
                .query(CreationStore::assignment)
                .list();
    }

    public void explain(long id, String text, int words, String by) {
        jdbc.sql("update creation_assignment set explanation = ?, explanation_words = ?, updated_at = now(),"
                        + " updated_by = ?, row_version = row_version + 1 where id = ?")
                .params(text, words, by, id)
                .update();
    }

    public void touch(long id, String by) {
        jdbc.sql("update creation_assignment set updated_at = now(), updated_by = ?, row_version = row_version + 1"
                        + " where id = ?")
                .params(by, id)
                .update();
    }

    public void include(long taskId, Collection<Long> includedIds, String by) {
        jdbc.sql("update creation_assignment set included = (id = any(:ids)), updated_at = now(), updated_by = :by,"
                        + " row_version = row_version + 1 where task_id = :task")
                .param("ids", includedIds.toArray(Long[]::new))
                .param("by", by)
                .param("task", taskId)
                .update();
    }

    // ------------------------------------------------------------------ consolidation

    public Optional<ConsolidationRow> consolidation(long taskId) {
        return jdbc.sql("select task_id, unit_id, explanation, updated_at, updated_by from creation_consolidation"
                        + " where task_id = ?")
                .param(taskId)
                .query(CreationStore::consolidation)
                .optional();
    }

    public List<ConsolidationRow> consolidations(long campaignId) {
        return jdbc.sql("select task_id, unit_id, explanation, updated_at, updated_by from creation_consolidation"
                        + " where campaign_id = ?")
                .param(campaignId)
                .query(CreationStore::consolidation)
                .list();
    }

    public void consolidate(long campaignId, long taskId, long unitId, String text, String by) {
        jdbc.sql("insert into creation_consolidation (task_id, campaign_id, unit_id, explanation, created_by,"
                        + " updated_by) values (?, ?, ?, ?, ?, ?) on conflict (task_id) do update set unit_id ="
                        + " excluded.unit_id, explanation = excluded.explanation, updated_at = now(), updated_by ="
                        + " excluded.updated_by, row_version = creation_consolidation.row_version + 1")
                .params(taskId, campaignId, unitId, text, by, by)
                .update();
    }

    // ------------------------------------------------------------------ self-reports

    private static final String SELF_REPORT =
            "select id, unit_id, body, updated_at, sealed_at, sealed_by, seal_sha256 from creation_self_report";

    public Optional<SelfReportRow> selfReport(long campaignId, long unitId) {
        return jdbc.sql(SELF_REPORT + " where campaign_id = ? and unit_id = ?")
                .params(campaignId, unitId)
                .query(CreationStore::selfReport)
                .optional();
    }

    /** Locks the row for a change (a concurrent seal waits). */
    public Optional<SelfReportRow> selfReportForUpdate(long campaignId, long unitId) {
        return jdbc.sql(SELF_REPORT + " where campaign_id = ? and unit_id = ? for update")
                .params(campaignId, unitId)
                .query(CreationStore::selfReport)
                .optional();
    }

    public List<SelfReportRow> selfReports(long campaignId) {
        return jdbc.sql(SELF_REPORT + " where campaign_id = ? order by id")
                .param(campaignId)
                .query(CreationStore::selfReport)
                .list();
    }

    public long insertSelfReport(long campaignId, long unitId, String body, String by) {
        return jdbc.sql("insert into creation_self_report (campaign_id, unit_id, body, created_by, updated_by)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(campaignId, unitId, body, by, by)
                .query(Long.class)
                .single();
    }

    public void updateSelfReport(long id, String body, String by) {
        jdbc.sql("update creation_self_report set body = ?, updated_at = now(), updated_by = ?,"
                        + " row_version = row_version + 1 where id = ? and sealed_at is null")
                .params(body, by, id)
                .update();
    }

    public void seal(long id, String sha256, Instant at, String by) {
        jdbc.sql("update creation_self_report set sealed_at = ?, sealed_by = ?, seal_sha256 = ?, updated_at = now(),"
                        + " updated_by = ?, row_version = row_version + 1 where id = ? and sealed_at is null")
                .params(Timestamp.from(at), by, sha256, by, id)
                .update();
    }

    // ------------------------------------------------------------------ problems

    private static final String PROBLEM = "select id, unit_id, task_id, source, description, measures, due_on,"
            + " status, rectified_note, rectified_at, created_at, created_by from creation_problem";

    public long insertProblem(
            long campaignId,
            long unitId,
            Long taskId,
            String source,
            String description,
            String measures,
            LocalDate dueOn,
            String by) {
        return jdbc.sql("insert into creation_problem (campaign_id, unit_id, task_id, source, description, measures,"
                        + " due_on, status, created_by, updated_by) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)"
                        + " returning id")
                .params(campaignId, unitId, taskId, source, description, measures, dueOn, by, by)
                .query(Long.class)
                .single();
    }

    public Optional<ProblemRow> problem(long campaignId, long id) {
        return jdbc.sql(PROBLEM + " where campaign_id = ? and id = ?")
                .params(campaignId, id)
                .query(CreationStore::problem)
                .optional();
    }

    public List<ProblemRow> problems(long campaignId) {
        return jdbc.sql(PROBLEM + " where campaign_id = ? order by unit_id, id")
                .param(campaignId)
                .query(CreationStore::problem)
                .list();
    }

    public void rectify(long id, String note, Instant at, String by) {
        jdbc.sql("update creation_problem set status = 'RECTIFIED', rectified_note = ?, rectified_at = ?,"
                        + " updated_at = now(), updated_by = ?, row_version = row_version + 1 where id = ?"
                        + " and status = 'OPEN'")
                .params(note, Timestamp.from(at), by, id)
                .update();
    }

    // ------------------------------------------------------------------ rows

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static AssignmentRow assignment(ResultSet rs, int n) throws SQLException {
        return new AssignmentRow(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("task_id"),
                rs.getLong("unit_id"),
                rs.getString("role"),
                rs.getString("via_group"),
                rs.getString("explanation"),
                rs.getInt("explanation_words"),
                rs.getBoolean("included"),
                instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private static ConsolidationRow consolidation(ResultSet rs, int n) throws SQLException {
        return new ConsolidationRow(
                rs.getLong("task_id"),
                rs.getLong("unit_id"),
                rs.getString("explanation"),
                instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private static SelfReportRow selfReport(ResultSet rs, int n) throws SQLException {
        return new SelfReportRow(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getString("body"),
                instant(rs, "updated_at"),
                instant(rs, "sealed_at"),
                rs.getString("sealed_by"),
                rs.getString("seal_sha256"));
    }

    private static ProblemRow problem(ResultSet rs, int n) throws SQLException {
        java.sql.Date due = rs.getDate("due_on");
        return new ProblemRow(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                (Long) rs.getObject("task_id"),
                rs.getString("source"),
                rs.getString("description"),
                rs.getString("measures"),
                due == null ? null : due.toLocalDate(),
                rs.getString("status"),
                rs.getString("rectified_note"),
                instant(rs, "rectified_at"),
                instant(rs, "created_at"),
                rs.getString("created_by"));
    }
}
