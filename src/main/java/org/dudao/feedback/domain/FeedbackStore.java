package org.dudao.feedback.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The feedback module's tables. */
@Repository
public class FeedbackStore {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final JdbcClient jdbc;

    FeedbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ settings

    public record Settings(int responseDays, int reviewDays, int decisionDays) {
        public static final Settings DEFAULT = new Settings(5, 5, 5);
    }

    public Settings settings(long campaignId) {
        return jdbc.sql("select response_days, review_days, decision_days from feedback_setting where campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .optional()
                .orElse(Settings.DEFAULT);
    }

    public void saveSettings(long campaignId, Settings s, String user) {
        jdbc.sql("insert into feedback_setting (campaign_id, response_days, review_days, decision_days, updated_by,"
                        + " updated_at) values (?, ?, ?, ?, ?, now()) on conflict (campaign_id) do update set"
                        + " response_days = excluded.response_days, review_days = excluded.review_days,"
                        + " decision_days = excluded.decision_days, updated_by = excluded.updated_by,"
                        + " updated_at = now()")
                .params(campaignId, s.responseDays(), s.reviewDays(), s.decisionDays(), user)
                .update();
    }

    // ------------------------------------------------------------------ problems

    public record Problem(
            long id,
            long campaignId,
            long targetId,
            Long taskId,
            Long adjustmentId,
            String source,
            String severity,
            String description,
            BigDecimal pointsAffected,
            String raisedBy,
            String raisedByName,
            long raisedUnitId,
            Instant raisedAt,
            LocalDate deliveredOn,
            LocalDate responseDue,
            String status,
            boolean deemed,
            String response,
            String respondedBy,
            Instant respondedAt,
            String resolution,
            String resolvedBy,
            Instant resolvedAt) {}

    public record NewProblem(
            long campaignId,
            long targetId,
            Long taskId,
            Long adjustmentId,
            String source,
            String severity,
            String description,
            BigDecimal pointsAffected,
            String raisedBy,
            String raisedByName,
            long raisedUnitId,
            Instant raisedAt,
            LocalDate deliveredOn,
            LocalDate responseDue) {}

    public long insert(NewProblem p) {
        return jdbc.sql("insert into feedback_problem (campaign_id, target_id, task_id, adjustment_id, source,"
                        + " severity, description, points_affected, raised_by, raised_by_name, raised_unit_id,"
                        + " raised_at, delivered_on, response_due, status) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DELIVERED') returning id")
                .params(
                        p.campaignId(),
                        p.targetId(),
                        p.taskId(),
                        p.adjustmentId(),
                        p.source(),
                        p.severity(),
                        p.description(),
                        p.pointsAffected(),
                        p.raisedBy(),
                        p.raisedByName(),
                        p.raisedUnitId(),
                        Timestamp.from(p.raisedAt()),
                        Date.valueOf(p.deliveredOn()),
                        Date.valueOf(p.responseDue()))
                .query(Long.class)
                .single();
    }

    public Optional<Problem> problem(long id) {
        return one("feedback_problem", id, false, FeedbackStore::problem);
    }

    /** Locks the row for a state change (until the transaction ends). */
    public Optional<Problem> lockProblem(long id) {
        return one("feedback_problem", id, true, FeedbackStore::problem);
    }

    public List<Problem> problems(long campaignId, Long targetId, Long raisedUnitId) {
        return jdbc.sql("select * from feedback_problem where campaign_id = :c"
                        + " and (cast(:t as bigint) is null or target_id = :t)"
                        + " and (cast(:u as bigint) is null or raised_unit_id = :u) order by id desc")
                .param("c", campaignId)
                .param("t", targetId)
                .param("u", raisedUnitId)
                .query(FeedbackStore::problem)
                .list();
    }

    public void respond(long id, String status, String response, String user, Instant at) {
        jdbc.sql("update feedback_problem set status = ?, response = ?, responded_by = ?, responded_at = ?"
                        + " where id = ?")
                .params(status, response, user, Timestamp.from(at), id)
                .update();
    }

    public void resolve(long id, String status, String resolution, String user, Instant at) {
        jdbc.sql("update feedback_problem set status = ?, resolution = ?, resolved_by = ?, resolved_at = ?"
                        + " where id = ?")
                .params(status, resolution, user, Timestamp.from(at), id)
                .update();
    }

    /**
     * Problems whose response window has passed without an answer become confirmed (视为确认). One
     * statement: several nodes running it at once confirm each problem once.
     */
    public List<Problem> confirmDeemed(LocalDate today, Instant at) {
        return jdbc.sql("update feedback_problem set status = 'CONFIRMED', deemed = true, resolved_by = 'system',"
                        + " resolved_at = ?, resolution = '反馈期限内未确认也未提出异议，视为确认'"
                        + " where status = 'DELIVERED' and response_due < ? returning *")
                .params(Timestamp.from(at), Date.valueOf(today))
                .query(FeedbackStore::problem)
                .list();
    }

    /** Problems awaiting the target's answer whose due day falls within the reminder horizon. */
    public List<Problem> deliveredProblems(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from feedback_problem where status = 'DELIVERED' and response_due between ? and ?")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(FeedbackStore::problem)
                .list();
    }

    // ------------------------------------------------------------------ reviews

    public record Review(
            long id,
            long campaignId,
            long targetId,
            Long problemId,
            String basis,
            String statement,
            String filedBy,
            String filedByName,
            Instant filedAt,
            LocalDate windowDue,
            LocalDate decisionDue,
            String status,
            String decision,
            String decisionReason,
            String decidedBy,
            String decidedByName,
            Instant decidedAt,
            Map<String, Object> changes) {}

    public record Item(long reviewId, Long taskId, Long adjustmentId) {}

    public long insertReview(
            long campaignId,
            long targetId,
            Long problemId,
            String basis,
            String statement,
            String user,
            String userName,
            Instant at,
            LocalDate windowDue,
            LocalDate decisionDue) {
        return jdbc.sql("insert into feedback_review (campaign_id, target_id, problem_id, basis, statement, filed_by,"
                        + " filed_by_name, filed_at, window_due, decision_due, status) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED') returning id")
                .params(
                        campaignId,
                        targetId,
                        problemId,
                        basis,
                        statement,
                        user,
                        userName,
                        Timestamp.from(at),
                        Date.valueOf(windowDue),
                        Date.valueOf(decisionDue))
                .query(Long.class)
                .single();
    }

    /** False when the evaluation or event is already the subject of another review. */
    public boolean insertItem(long reviewId, long campaignId, long targetId, Long taskId, Long adjustmentId) {
        return jdbc.sql("insert into feedback_review_item (review_id, campaign_id, target_id, task_id, adjustment_id)"
                                + " values (?, ?, ?, ?, ?) on conflict do nothing")
                        .params(reviewId, campaignId, targetId, taskId, adjustmentId)
                        .update()
                > 0;
    }

    public Optional<Long> reviewOfTask(long campaignId, long targetId, long taskId) {
        return id(
                "select review_id from feedback_review_item where campaign_id = ? and target_id = ? and task_id = ?",
                campaignId,
                targetId,
                taskId);
    }

    public Optional<Long> reviewOfAdjustment(long adjustmentId) {
        return id("select review_id from feedback_review_item where adjustment_id = ?", adjustmentId);
    }

    public Optional<Long> reviewOfProblem(long problemId) {
        return id("select id from feedback_review where problem_id = ?", problemId);
    }

    public Optional<Review> review(long id) {
        return one("feedback_review", id, false, FeedbackStore::review);
    }

    /** Locks the row for a state change (until the transaction ends). */
    public Optional<Review> lockReview(long id) {
        return one("feedback_review", id, true, FeedbackStore::review);
    }

    public List<Review> reviews(long campaignId, Long targetId) {
        return jdbc.sql("select * from feedback_review where campaign_id = :c"
                        + " and (cast(:t as bigint) is null or target_id = :t) order by id desc")
                .param("c", campaignId)
                .param("t", targetId)
                .query(FeedbackStore::review)
                .list();
    }

    /** Reviews awaiting a decision whose decision day falls within the reminder horizon. */
    public List<Review> openReviews(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from feedback_review where status = 'FILED' and decision_due between ? and ?")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(FeedbackStore::review)
                .list();
    }

    public List<Item> items(Collection<Long> reviewIds) {
        if (reviewIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select review_id, task_id, adjustment_id from feedback_review_item where review_id in (:ids)"
                        + " order by id")
                .param("ids", reviewIds)
                .query((rs, n) -> new Item(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3)))
                .list();
    }

    public void decide(
            long id,
            String decision,
            String reason,
            String user,
            String userName,
            Instant at,
            Map<String, Object> changes) {
        jdbc.sql("update feedback_review set status = 'DECIDED', decision = ?, decision_reason = ?, decided_by = ?,"
                        + " decided_by_name = ?, decided_at = ?, changes = cast(? as jsonb) where id = ?")
                .params(decision, reason, user, userName, Timestamp.from(at), json(changes), id)
                .update();
    }

    // ------------------------------------------------------------------ rectification

    public record Rectification(
            long id,
            long campaignId,
            long targetId,
            long problemId,
            String status,
            String measures,
            String responsiblePerson,
            LocalDate deadline,
            String escalation,
            Instant createdAt,
            Instant updatedAt,
            Instant closedAt,
            String closedBy,
            int rowVersion) {}

    public record Event(
            long id, long rectificationId, String kind, String body, String byUser, String byName, Instant at) {}

    /** Creates the item of a confirmed problem once (a second call does nothing). */
    public Optional<Long> createRectification(long campaignId, long targetId, long problemId, Instant at) {
        return jdbc.sql(
                        "insert into feedback_rectification (campaign_id, target_id, problem_id, status, created_at,"
                                + " updated_at) values (?, ?, ?, 'OPEN', ?, ?) on conflict (problem_id) do nothing returning id")
                .params(campaignId, targetId, problemId, Timestamp.from(at), Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    public Optional<Rectification> rectification(long id) {
        return one("feedback_rectification", id, false, FeedbackStore::rectification);
    }

    /** Locks the row for a state change (until the transaction ends). */
    public Optional<Rectification> lockRectification(long id) {
        return one("feedback_rectification", id, true, FeedbackStore::rectification);
    }

    public List<Rectification> rectifications(long campaignId, Long targetId) {
        return jdbc.sql("select * from feedback_rectification where campaign_id = :c"
                        + " and (cast(:t as bigint) is null or target_id = :t) order by target_id, id")
                .param("c", campaignId)
                .param("t", targetId)
                .query(FeedbackStore::rectification)
                .list();
    }

    /** Items not yet reported complete whose deadline falls within the reminder horizon. */
    public List<Rectification> openRectifications(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from feedback_rectification where status in ('OPEN', 'IN_PROGRESS')"
                        + " and deadline between ? and ?")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(FeedbackStore::rectification)
                .list();
    }

    public void updateRectification(Rectification r, Instant at) {
        jdbc.sql("update feedback_rectification set status = ?, measures = ?, responsible_person = ?, deadline = ?,"
                        + " escalation = ?, closed_at = ?, closed_by = ?, updated_at = ?, row_version = row_version + 1"
                        + " where id = ?")
                .params(
                        r.status(),
                        r.measures(),
                        r.responsiblePerson(),
                        r.deadline() == null ? null : Date.valueOf(r.deadline()),
                        r.escalation(),
                        r.closedAt() == null ? null : Timestamp.from(r.closedAt()),
                        r.closedBy(),
                        Timestamp.from(at),
                        r.id())
                .update();
    }

    public long event(long rectificationId, String kind, String body, String user, String userName, Instant at) {
        return jdbc.sql("insert into feedback_rectification_event (rectification_id, kind, body, by_user, by_name, at)"
                        + " values (?, ?, ?, ?, ?, ?) returning id")
                .params(rectificationId, kind, body, user, userName, Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public List<Event> events(Collection<Long> rectificationIds) {
        if (rectificationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from feedback_rectification_event where rectification_id in (:ids) order by id")
                .param("ids", rectificationIds)
                .query((rs, n) -> new Event(
                        rs.getLong("id"),
                        rs.getLong("rectification_id"),
                        rs.getString("kind"),
                        rs.getString("body"),
                        rs.getString("by_user"),
                        rs.getString("by_name"),
                        instant(rs, "at")))
                .list();
    }

    public Optional<Long> rectificationOfEvent(long eventId) {
        return id("select rectification_id from feedback_rectification_event where id = ?", eventId);
    }

    // ------------------------------------------------------------------ rows

    /** problem id → its review's id, for the problems that have one. */
    public Map<Long, Long> reviewsOfProblems(Collection<Long> problemIds) {
        return pairs("select problem_id, id from feedback_review where problem_id in (:ids)", problemIds);
    }

    /** problem id → its rectification item's id, for the problems that have one. */
    public Map<Long, Long> rectificationsOfProblems(Collection<Long> problemIds) {
        return pairs("select problem_id, id from feedback_rectification where problem_id in (:ids)", problemIds);
    }

    public Map<Long, Problem> problems(Collection<Long> ids) {
        Map<Long, Problem> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from feedback_problem where id in (:ids)")
                    .param("ids", ids)
                    .query(FeedbackStore::problem)
                    .list()
                    .forEach(p -> out.put(p.id(), p));
        }
        return out;
    }

    private Map<Long, Long> pairs(String sql, Collection<Long> ids) {
        Map<Long, Long> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(sql).param("ids", ids).query(rs -> {
                out.put(rs.getLong(1), rs.getLong(2));
            });
        }
        return out;
    }

    private <T> Optional<T> one(String table, long id, boolean lock, RowMapper<T> mapper) {
        return jdbc.sql("select * from " + table + " where id = ?" + (lock ? " for update" : ""))
                .param(id)
                .query(mapper)
                .optional();
    }

    private Optional<Long> id(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).optional();
    }

    private static Problem problem(ResultSet rs, int n) throws SQLException {
        return new Problem(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                (Long) rs.getObject("task_id"),
                (Long) rs.getObject("adjustment_id"),
                rs.getString("source"),
                rs.getString("severity"),
                rs.getString("description"),
                rs.getBigDecimal("points_affected"),
                rs.getString("raised_by"),
                rs.getString("raised_by_name"),
                rs.getLong("raised_unit_id"),
                instant(rs, "raised_at"),
                rs.getDate("delivered_on").toLocalDate(),
                rs.getDate("response_due").toLocalDate(),
                rs.getString("status"),
                rs.getBoolean("deemed"),
                rs.getString("response"),
                rs.getString("responded_by"),
                instant(rs, "responded_at"),
                rs.getString("resolution"),
                rs.getString("resolved_by"),
                instant(rs, "resolved_at"));
    }

    @SuppressWarnings("unchecked")
    private static Review review(ResultSet rs, int n) throws SQLException {
        String changes = rs.getString("changes");
        Map<String, Object> c;
        try {
            c = changes == null ? null : JSON.readValue(changes, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feedback_review.changes of review " + rs.getLong("id"), e);
        }
        return new Review(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                (Long) rs.getObject("problem_id"),
                rs.getString("basis"),
                rs.getString("statement"),
                rs.getString("filed_by"),
                rs.getString("filed_by_name"),
                instant(rs, "filed_at"),
                rs.getDate("window_due").toLocalDate(),
                rs.getDate("decision_due").toLocalDate(),
                rs.getString("status"),
                rs.getString("decision"),
                rs.getString("decision_reason"),
                rs.getString("decided_by"),
                rs.getString("decided_by_name"),
                instant(rs, "decided_at"),
                c);
    }

    private static Rectification rectification(ResultSet rs, int n) throws SQLException {
        Date deadline = rs.getDate("deadline");
        return new Rectification(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                rs.getLong("problem_id"),
                rs.getString("status"),
                rs.getString("measures"),
                rs.getString("responsible_person"),
                deadline == null ? null : deadline.toLocalDate(),
                rs.getString("escalation"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "closed_at"),
                rs.getString("closed_by"),
                rs.getInt("row_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String json(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
