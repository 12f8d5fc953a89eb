package org.dudao.inspection.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dudao.inspection.NoteView;
import org.dudao.inspection.SelfReportView;
import org.dudao.inspection.SheetView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The inspection module's tables. */
@Repository
public class InspectionStore {

    private final JdbcClient jdbc;

    InspectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private long insert(String sql, Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    // ------------------------------------------------------------------ self-inspection reports

    public record Report(
            long id,
            long campaignId,
            long targetId,
            String narrative,
            String status,
            Instant submittedAt,
            String submittedBy,
            Instant updatedAt) {}

    private static Report report(ResultSet rs, int n) throws SQLException {
        return new Report(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                rs.getString("narrative"),
                rs.getString("status"),
                instant(rs, "submitted_at"),
                rs.getString("submitted_by"),
                instant(rs, "updated_at"));
    }

    public Optional<Report> report(long campaignId, long targetId) {
        return jdbc.sql("select * from inspection_self_report where campaign_id = ? and target_id = ?")
                .params(campaignId, targetId)
                .query(InspectionStore::report)
                .optional();
    }

    /** Locks the target's report row (creating an empty draft first) so that saves and submits serialise. */
    public Report lockReport(long campaignId, long targetId, String user) {
        jdbc.sql("insert into inspection_self_report (campaign_id, target_id, created_by, updated_by)"
                        + " values (?, ?, ?, ?) on conflict (campaign_id, target_id) do nothing")
                .params(campaignId, targetId, user, user)
                .update();
        return jdbc.sql("select * from inspection_self_report where campaign_id = ? and target_id = ? for update")
                .params(campaignId, targetId)
                .query(InspectionStore::report)
                .single();
    }

    public List<Report> reports(long campaignId) {
        return jdbc.sql("select * from inspection_self_report where campaign_id = ? order by target_id")
                .param(campaignId)
                .query(InspectionStore::report)
                .list();
    }

    public List<SelfReportView.Figure> figures(long reportId) {
        return jdbc.sql("select label, value from inspection_report_figure where report_id = ? order by position")
                .param(reportId)
                .query((rs, n) -> new SelfReportView.Figure(rs.getString(1), rs.getString(2)))
                .list();
    }

    public List<SelfReportView.Problem> problems(long reportId) {
        return jdbc.sql("select description, causes, measures from inspection_report_problem where report_id = ?"
                        + " order by position")
                .param(reportId)
                .query((rs, n) -> new SelfReportView.Problem(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public void saveReport(
            long reportId,
            String narrative,
            List<SelfReportView.Figure> figures,
            List<SelfReportView.Problem> problems,
            int totalChars,
            int problemChars,
            String user) {
        jdbc.sql("update inspection_self_report set narrative = ?, total_chars = ?, problem_chars = ?,"
                        + " updated_at = now(), updated_by = ?, row_version = row_version + 1 where id = ?")
                .params(narrative, totalChars, problemChars, user, reportId)
                .update();
        jdbc.sql("delete from inspection_report_figure where report_id = ?")
                .param(reportId)
                .update();
        jdbc.sql("delete from inspection_report_problem where report_id = ?")
                .param(reportId)
                .update();
        for (int i = 0; i < figures.size(); i++) {
            SelfReportView.Figure f = figures.get(i);
            jdbc.sql("insert into inspection_report_figure (report_id, position, label, value) values (?, ?, ?, ?)")
                    .params(reportId, i, f.label(), f.value())
                    .update();
        }
        for (int i = 0; i < problems.size(); i++) {
            SelfReportView.Problem p = problems.get(i);
            jdbc.sql("insert into inspection_report_problem (report_id, position, description, causes, measures)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(reportId, i, p.description(), p.causes(), p.measures())
                    .update();
        }
    }

    public void submitReport(long reportId, String user, Instant at) {
        jdbc.sql("update inspection_self_report set status = 'SUBMITTED', submitted_at = ?, submitted_by = ?,"
                        + " updated_at = now(), updated_by = ?, row_version = row_version + 1 where id = ?")
                .params(Timestamp.from(at), user, user, reportId)
                .update();
    }

    // ------------------------------------------------------------------ teams

    public record Team(long id, long campaignId, String name) {}

    public record Member(long teamId, String role, String name, Long unitId, String organisation, String username) {}

    public record TeamReport(
            long teamId, String summary, String status, Instant submittedAt, String submittedBy, boolean late) {}

    public long insertTeam(long campaignId, String name, String user) {
        return insert(
                "insert into inspection_team (campaign_id, name, created_by, updated_by) values (?, ?, ?, ?)",
                campaignId,
                name,
                user,
                user);
    }

    public boolean teamNameTaken(long campaignId, String name) {
        return jdbc.sql("select count(*) from inspection_team where campaign_id = ? and name = ?")
                        .params(campaignId, name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insertMember(long teamId, int position, Member m) {
        jdbc.sql("insert into inspection_team_member (team_id, position, role, name, unit_id, organisation, username)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(teamId, position, m.role(), m.name(), m.unitId(), m.organisation(), m.username())
                .update();
    }

    public List<Team> teams(long campaignId) {
        return jdbc.sql("select id, campaign_id, name from inspection_team where campaign_id = ? order by id")
                .param(campaignId)
                .query((rs, n) -> new Team(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    public List<Member> members(long campaignId) {
        return jdbc.sql("select m.team_id, m.role, m.name, m.unit_id, m.organisation, m.username"
                        + " from inspection_team_member m join inspection_team t on t.id = m.team_id"
                        + " where t.campaign_id = ? order by m.team_id, m.position")
                .param(campaignId)
                .query((rs, n) -> new Member(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    public List<TeamReport> teamReports(long campaignId) {
        return jdbc.sql("select r.team_id, r.summary, r.status, r.submitted_at, r.submitted_by, r.late"
                        + " from inspection_team_report r join inspection_team t on t.id = r.team_id"
                        + " where t.campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new TeamReport(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs, "submitted_at"),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .list();
    }

    /** Locks the team's report row (creating an empty draft first). */
    public TeamReport lockTeamReport(long teamId, String user) {
        jdbc.sql("insert into inspection_team_report (team_id, created_by, updated_by) values (?, ?, ?)"
                        + " on conflict (team_id) do nothing")
                .params(teamId, user, user)
                .update();
        return jdbc.sql("select team_id, summary, status, submitted_at, submitted_by, late from inspection_team_report"
                        + " where team_id = ? for update")
                .param(teamId)
                .query((rs, n) -> new TeamReport(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs, "submitted_at"),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .single();
    }

    public void saveTeamReport(long teamId, String summary, String user) {
        jdbc.sql("update inspection_team_report set summary = ?, updated_at = now(), updated_by = ?,"
                        + " row_version = row_version + 1 where team_id = ?")
                .params(summary, user, teamId)
                .update();
    }

    public void submitTeamReport(long teamId, String user, Instant at, boolean late) {
        jdbc.sql("update inspection_team_report set status = 'SUBMITTED', submitted_at = ?, submitted_by = ?,"
                        + " late = ?, updated_at = now(), updated_by = ?, row_version = row_version + 1"
                        + " where team_id = ?")
                .params(Timestamp.from(at), user, late, user, teamId)
                .update();
    }

    // ------------------------------------------------------------------ schedule

    public record Visit(long id, long targetId, long teamId, LocalDate visitOn) {}

    public List<Visit> visits(long campaignId) {
        return jdbc.sql("select id, target_id, team_id, visit_on from inspection_visit where campaign_id = ?"
                        + " order by visit_on, target_id")
                .param(campaignId)
                .query((rs, n) ->
                        new Visit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    public Optional<Visit> visitOf(long campaignId, long targetId) {
        return jdbc.sql("select id, target_id, team_id, visit_on from inspection_visit where campaign_id = ?"
                        + " and target_id = ? for update")
                .params(campaignId, targetId)
                .query((rs, n) ->
                        new Visit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
                .optional();
    }

    public long upsertVisit(long campaignId, long targetId, long teamId, LocalDate day, String user) {
        return jdbc.sql("insert into inspection_visit (campaign_id, target_id, team_id, visit_on, created_by,"
                        + " updated_by) values (?, ?, ?, ?, ?, ?) on conflict (campaign_id, target_id) do update set"
                        + " team_id = excluded.team_id, visit_on = excluded.visit_on, updated_at = now(),"
                        + " updated_by = excluded.updated_by, row_version = inspection_visit.row_version + 1"
                        + " returning id")
                .params(campaignId, targetId, teamId, day, user, user)
                .query(Long.class)
                .single();
    }

    // ------------------------------------------------------------------ deductions

    private static SheetView.Deduction deduction(ResultSet rs, int n) throws SQLException {
        return new SheetView.Deduction(
                rs.getLong("id"),
                rs.getLong("target_id"),
                rs.getLong("task_id"),
                rs.getInt("clause_no"),
                rs.getString("clause_text"),
                rs.getBigDecimal("points"),
                rs.getString("reason"),
                rs.getString("created_by"),
                rs.getString("created_by_name"),
                instant(rs, "created_at"));
    }

    /** The deductions in force (not withdrawn) of a target. */
    public List<SheetView.Deduction> deductions(long campaignId, long targetId) {
        return jdbc.sql("select * from inspection_deduction where campaign_id = ? and target_id = ?"
                        + " and withdrawn_at is null order by task_id, clause_no, id")
                .params(campaignId, targetId)
                .query(InspectionStore::deduction)
                .list();
    }

    /** Every deduction in force of the campaign (for overviews and the team report). */
    public List<SheetView.Deduction> deductionsOfCampaign(long campaignId) {
        return jdbc.sql("select * from inspection_deduction where campaign_id = ? and withdrawn_at is null"
                        + " order by target_id, task_id, clause_no, id")
                .param(campaignId)
                .query(InspectionStore::deduction)
                .list();
    }

    public record DeductionRow(
            long id, long campaignId, long targetId, long taskId, BigDecimal points, boolean withdrawn) {}

    public Optional<DeductionRow> lockDeduction(long id) {
        return jdbc.sql("select id, campaign_id, target_id, task_id, points, withdrawn_at from inspection_deduction"
                        + " where id = ? for update")
                .param(id)
                .query((rs, n) -> new DeductionRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5),
                        rs.getTimestamp(6) != null))
                .optional();
    }

    public long deductionTarget(long campaignId, long deductionId) {
        return jdbc.sql("select target_id from inspection_deduction where id = ? and campaign_id = ?")
                .params(deductionId, campaignId)
                .query(Long.class)
                .single();
    }

    /** Serialises the deductions of one item of one target (a row lock on the target's visit or target). */
    public void lockTarget(long targetId) {
        jdbc.sql("select id from campaign_target where id = ? for update")
                .param(targetId)
                .query(Long.class)
                .optional();
    }

    public BigDecimal deducted(long targetId, long taskId) {
        return jdbc.sql("select coalesce(sum(points), 0) from inspection_deduction where target_id = ?"
                        + " and task_id = ? and withdrawn_at is null")
                .params(targetId, taskId)
                .query(BigDecimal.class)
                .single();
    }

    public BigDecimal deductedOnClause(long targetId, long taskId, int clauseNo) {
        return jdbc.sql("select coalesce(sum(points), 0) from inspection_deduction where target_id = ?"
                        + " and task_id = ? and clause_no = ? and withdrawn_at is null")
                .params(targetId, taskId, clauseNo)
                .query(BigDecimal.class)
                .single();
    }

    public long insertDeduction(
            long campaignId,
            long targetId,
            long taskId,
            int clauseNo,
            String clauseText,
            BigDecimal points,
            String reason,
            String user,
            String userName) {
        return insert(
                "insert into inspection_deduction (campaign_id, target_id, task_id, clause_no, clause_text, points,"
                        + " reason, created_by, created_by_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                campaignId,
                targetId,
                taskId,
                clauseNo,
                clauseText,
                points,
                reason,
                user,
                userName);
    }

    public void withdrawDeduction(long id, String reason, String user) {
        jdbc.sql("update inspection_deduction set withdrawn_at = now(), withdrawn_by = ?, withdrawn_reason = ?"
                        + " where id = ?")
                .params(user, reason, id)
                .update();
    }

    public void insertScoreChange(
            long campaignId,
            long targetId,
            long taskId,
            long deductionId,
            BigDecimal oldScore,
            BigDecimal newScore,
            String reason,
            String user) {
        jdbc.sql("insert into inspection_score_change (campaign_id, target_id, task_id, deduction_id, old_score,"
                        + " new_score, reason, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(campaignId, targetId, taskId, deductionId, oldScore, newScore, reason, user)
                .update();
    }

    public record ScoreChange(
            long id,
            long taskId,
            long deductionId,
            BigDecimal oldScore,
            BigDecimal newScore,
            String reason,
            String changedBy,
            Instant changedAt) {}

    public List<ScoreChange> scoreChanges(long campaignId, long targetId) {
        return jdbc.sql("select id, task_id, deduction_id, old_score, new_score, reason, changed_by, changed_at"
                        + " from inspection_score_change where campaign_id = ? and target_id = ? order by id")
                .params(campaignId, targetId)
                .query((rs, n) -> new ScoreChange(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs, "changed_at")))
                .list();
    }

    // ------------------------------------------------------------------ on-the-spot feedback

    public long insertNote(long campaignId, long targetId, Long teamId, String body, String user) {
        return insert(
                "insert into inspection_onsite_note (campaign_id, target_id, team_id, body, created_by)"
                        + " values (?, ?, ?, ?, ?)",
                campaignId,
                targetId,
                teamId,
                body,
                user);
    }

    public List<NoteView> notes(long campaignId) {
        return jdbc.sql("select id, target_id, team_id, body, created_by, created_at from inspection_onsite_note"
                        + " where campaign_id = ? order by id")
                .param(campaignId)
                .query((rs, n) -> new NoteView(
                        rs.getLong(1),
                        rs.getLong(2),
                        (Long) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5),
                        instant(rs, "created_at")))
                .list();
    }

    // ------------------------------------------------------------------ formal feedback

    public void insertFormalFeedback(long campaignId, long targetId, long problemId, String user) {
        jdbc.sql("insert into inspection_formal_feedback (campaign_id, target_id, problem_id, sent_by)"
                        + " values (?, ?, ?, ?)")
                .params(campaignId, targetId, problemId, user)
                .update();
    }

    public List<Long> formalFeedback(long campaignId) {
        return jdbc.sql("select problem_id from inspection_formal_feedback where campaign_id = ? order by id")
                .param(campaignId)
                .query(Long.class)
                .list();
    }
}
