package org.dudao.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dudao.scoring.ResultChange;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.WorkflowView;
import org.dudao.scoring.engine.Lists;
import org.dudao.scoring.engine.TargetResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Results, their breakdowns and the results workflow in PostgreSQL. */
@Repository
public class ResultStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;

    ResultStore(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public Optional<WorkflowView> workflow(long campaignId) {
        return jdbc.sql("select * from scoring_workflow where campaign_id = ?")
                .param(campaignId)
                .query((rs, i) -> workflow(rs))
                .optional();
    }

    /** The workflow row locked for the rest of the transaction (one computation or step at a time). */
    Optional<WorkflowView> lockWorkflow(long campaignId) {
        return jdbc.sql("select * from scoring_workflow where campaign_id = ? for update")
                .param(campaignId)
                .query((rs, i) -> workflow(rs))
                .optional();
    }

    /** Creates the workflow row of a campaign computed for the first time, locked for the rest of the transaction. */
    void lockNewWorkflow(long campaignId) {
        jdbc.sql("insert into scoring_workflow (campaign_id, status, stale) values (?, 'COMPUTED', false)"
                        + " on conflict (campaign_id) do nothing")
                .param(campaignId)
                .update();
        lockState(campaignId);
    }

    void markStale(long campaignId) {
        jdbc.sql("update scoring_workflow set stale = true where campaign_id = ? and not stale")
                .param(campaignId)
                .update();
    }

    void saveComputation(long campaignId, List<TargetResult> results, Lists lists, String by, Instant at) {
        jdbc.sql("insert into scoring_workflow (campaign_id, status, computed_at, computed_by, stale, lists)"
                        + " values (?, 'COMPUTED', ?, ?, false, cast(? as jsonb)) on conflict (campaign_id) do update"
                        + " set status = case when scoring_workflow.status in ('APPROVED', 'PUBLISHED')"
                        + " then scoring_workflow.status else 'COMPUTED' end, computed_at = excluded.computed_at,"
                        + " computed_by = excluded.computed_by, stale = false, lists = excluded.lists,"
                        + " row_version = scoring_workflow.row_version + 1")
                .params(campaignId, Timestamp.from(at), by, write(lists))
                .update();
        upsertResults(
                campaignId,
                results,
                new java.util.HashSet<>(lists.regression()),
                new java.util.HashSet<>(lists.consecutiveExcellent()),
                at);
        List<Long> ids = results.stream().map(TargetResult::targetId).toList();
        jdbc.sql("delete from scoring_result where campaign_id = ? and not (target_id = any(?))")
                .params(campaignId, ids.toArray(Long[]::new))
                .update();
    }

    void setReview(long campaignId, long targetId, long reviewId) {
        jdbc.sql("update scoring_result set review_id = ? where campaign_id = ? and target_id = ?")
                .params(reviewId, campaignId, targetId)
                .update();
    }

    void recordChange(long campaignId, ResultView old, ResultView now, Long reviewId, String by, Instant at) {
        jdbc.sql("insert into scoring_result_change (campaign_id, target_id, review_id, old_final, new_final,"
                        + " old_level, new_level, old_rank, new_rank, changed_by, changed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        campaignId,
                        now.targetId(),
                        reviewId,
                        old == null ? null : old.finalScore(),
                        now.finalScore(),
                        old == null ? null : old.level(),
                        now.level(),
                        old == null ? null : old.rank(),
                        now.rank(),
                        by,
                        Timestamp.from(at))
                .update();
    }

    public List<ResultChange> changes(long campaignId, long targetId) {
        return jdbc.sql("select * from scoring_result_change where campaign_id = ? and target_id = ? order by id")
                .params(campaignId, targetId)
                .query((rs, i) -> new ResultChange(
                        rs.getLong("target_id"),
                        (Long) rs.getObject("review_id"),
                        rs.getBigDecimal("old_final"),
                        rs.getBigDecimal("new_final"),
                        rs.getString("old_level"),
                        rs.getString("new_level"),
                        (Integer) rs.getObject("old_rank"),
                        (Integer) rs.getObject("new_rank"),
                        rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** What a {@link ResultView} needs. */
    private static final String RESULT_COLUMNS = "r.target_id, r.unit_id, r.category, r.raw_score, r.applicable_max,"
            + " r.converted_score, r.bonus, r.penalty, r.final_score, r.level, r.rank, r.ranked, r.excellent_blocked,"
            + " r.missing, r.review_id, u.name";

    public List<ResultView> results(long campaignId) {
        return jdbc.sql("select " + RESULT_COLUMNS
                        + " from scoring_result r join campaign_target t on t.id = r.target_id"
                        + " join campaign_category c on c.id = t.category_id join organization_unit u on u.id = t.unit_id"
                        + " where r.campaign_id = ? order by c.position, t.position")
                .param(campaignId)
                .query(ResultStore::result)
                .list();
    }

    public Optional<ResultView> result(long campaignId, long targetId) {
        return jdbc.sql("select " + RESULT_COLUMNS
                        + " from scoring_result r join campaign_target t on t.id = r.target_id"
                        + " join organization_unit u on u.id = t.unit_id where r.campaign_id = ? and r.target_id = ?")
                .params(campaignId, targetId)
                .query(ResultStore::result)
                .optional();
    }

    /** The targets of one category that have a stored result. */
    public List<Long> resultTargetIds(long campaignId, long categoryId) {
        return jdbc.sql("select r.target_id from scoring_result r join campaign_target t on t.id = r.target_id"
                        + " where r.campaign_id = ? and t.category_id = ?")
                .params(campaignId, categoryId)
                .query(Long.class)
                .list();
    }

    /** The workflow's status and staleness, the row locked for the rest of the transaction; empty before any compute. */
    Optional<State> lockState(long campaignId) {
        return jdbc.sql("select status, stale, lists from scoring_workflow where campaign_id = ? for update")
                .param(campaignId)
                .query((rs, i) -> new State(rs.getString(1), rs.getBoolean(2), bottom(read(rs.getString(3)))))
                .optional();
    }

    /** The bottom lists (后N名) of stored lists JSON, category name → target ids. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Long>> bottom(Map<String, Object> lists) {
        Map<String, List<Long>> out = new java.util.LinkedHashMap<>();
        if (lists.get("bottom") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(
                    (String) k,
                    ((List<Object>) v)
                            .stream().map(x -> ((Number) x).longValue()).toList()));
        }
        return out;
    }

    /** Where the results workflow stands. */
    record State(String status, boolean stale, Map<String, List<Long>> bottom) {}

    /** A stored result as the engine stands it, with its list flags. */
    record Stored(TargetResult result, boolean regression, boolean consecutive) {}

    /** The stored results of one category, in the campaign's target order. */
    List<Stored> categoryResults(long campaignId, long categoryId) {
        // the category's targets in order from their index, then each one's result by primary key
        return jdbc.sql("select r.*, ?::bigint as category_id from unnest(array(select id from campaign_target"
                        + " where category_id = ? order by position, id)) with ordinality o(id, n)"
                        + " join scoring_result r on r.campaign_id = ? and r.target_id = o.id order by o.n")
                .params(categoryId, categoryId, campaignId)
                .query((rs, i) -> new Stored(
                        new TargetResult(
                                rs.getLong("target_id"),
                                rs.getLong("unit_id"),
                                null, // the name is not stored with a result and not needed to stand it
                                rs.getLong("category_id"),
                                rs.getString("category"),
                                rs.getBigDecimal("raw_score"),
                                rs.getBigDecimal("applicable_max"),
                                rs.getBigDecimal("converted_score"),
                                List.of(),
                                rs.getBigDecimal("bonus"),
                                rs.getBigDecimal("penalty"),
                                rs.getBigDecimal("final_score"),
                                rs.getString("level"),
                                (Integer) rs.getObject("rank"),
                                rs.getBoolean("ranked"),
                                rs.getBoolean("excellent_blocked"),
                                rs.getInt("missing"),
                                List.of(),
                                List.of()),
                        rs.getBoolean("big_regression"),
                        rs.getBoolean("consecutive_excellent")))
                .list();
    }

    /** Writes re-scored results (every column a computation sets). */
    void saveResults(long campaignId, List<Stored> rows, Instant at) {
        upsertResults(
                campaignId,
                rows.stream().map(Stored::result).toList(),
                rows.stream()
                        .filter(Stored::regression)
                        .map(x -> x.result().targetId())
                        .collect(Collectors.toSet()),
                rows.stream()
                        .filter(Stored::consecutive)
                        .map(x -> x.result().targetId())
                        .collect(Collectors.toSet()),
                at);
    }

    private void upsertResults(
            long campaignId,
            List<TargetResult> results,
            java.util.Set<Long> regression,
            java.util.Set<Long> consecutive,
            Instant at) {
        List<Object[]> rows = new ArrayList<>(results.size());
        for (TargetResult r : results) {
            rows.add(new Object[] {
                campaignId,
                r.targetId(),
                r.unitId(),
                r.category(),
                r.rawScore(),
                r.applicableMax(),
                r.convertedScore(),
                r.bonus(),
                r.penalty(),
                r.finalScore(),
                r.level(),
                r.rank(),
                r.ranked(),
                r.excellentBlocked(),
                r.missingEvaluations(),
                regression.contains(r.targetId()),
                consecutive.contains(r.targetId()),
                Timestamp.from(at)
            });
        }
        template.batchUpdate(
                "insert into scoring_result (campaign_id, target_id, unit_id, category, raw_score, applicable_max,"
                        + " converted_score, bonus, penalty, final_score, level, rank, ranked, excellent_blocked,"
                        + " missing, big_regression, consecutive_excellent, computed_at) values (?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (campaign_id, target_id) do update set"
                        + " unit_id = excluded.unit_id, category = excluded.category, raw_score = excluded.raw_score,"
                        + " applicable_max = excluded.applicable_max, converted_score = excluded.converted_score,"
                        + " bonus = excluded.bonus, penalty = excluded.penalty, final_score = excluded.final_score,"
                        + " level = excluded.level, rank = excluded.rank, ranked = excluded.ranked,"
                        + " excellent_blocked = excluded.excellent_blocked, missing = excluded.missing,"
                        + " big_regression = excluded.big_regression,"
                        + " consecutive_excellent = excluded.consecutive_excellent, computed_at = excluded.computed_at",
                rows);
    }

    /** Writes the new standing (level, rank, list flags) of results whose scores did not change, in one statement. */
    void saveStandings(long campaignId, List<Stored> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("update scoring_result r set level = v.level, rank = v.rank, big_regression = v.regression,"
                        + " consecutive_excellent = v.consecutive from unnest(?::bigint[], ?::varchar[], ?::int[],"
                        + " ?::boolean[], ?::boolean[]) v(target_id, level, rank, regression, consecutive)"
                        + " where r.campaign_id = ? and r.target_id = v.target_id")
                .params(
                        rows.stream().map(x -> x.result().targetId()).toArray(Long[]::new),
                        rows.stream().map(x -> x.result().level()).toArray(String[]::new),
                        rows.stream().map(x -> x.result().rank()).toArray(Integer[]::new),
                        rows.stream().map(Stored::regression).toArray(Boolean[]::new),
                        rows.stream().map(Stored::consecutive).toArray(Boolean[]::new),
                        campaignId)
                .update();
    }

    /** The campaign's stored lists, their regression and excellence lists rebuilt from the results' flags. */
    void saveLists(long campaignId, Map<String, List<Long>> bottom) {
        List<Long> regression = new ArrayList<>();
        List<Long> consecutive = new ArrayList<>();
        jdbc.sql("select r.target_id, r.big_regression, r.consecutive_excellent from scoring_result r"
                        + " join campaign_target t on t.id = r.target_id join campaign_category c on c.id = t.category_id"
                        + " where r.campaign_id = ? and (r.big_regression or r.consecutive_excellent)"
                        + " order by c.position, t.position, t.id")
                .param(campaignId)
                .query((ResultSet rs) -> {
                    if (rs.getBoolean(2)) {
                        regression.add(rs.getLong(1));
                    }
                    if (rs.getBoolean(3)) {
                        consecutive.add(rs.getLong(1));
                    }
                });
        jdbc.sql("update scoring_workflow set lists = cast(? as jsonb), row_version = row_version + 1"
                        + " where campaign_id = ?")
                .params(write(new Lists(bottom, regression, consecutive)), campaignId)
                .update();
    }

    /** Last year's published results of the given units (for regression and consecutive excellence). */
    List<ResultView> publishedResults(long campaignId, java.util.Collection<Long> unitIds) {
        boolean published = workflow(campaignId).map(WorkflowView::published).orElse(false);
        if (!published || unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select " + RESULT_COLUMNS
                                + " from scoring_result r join campaign_target t on t.id = r.target_id"
                                + " join organization_unit u on u.id = t.unit_id where r.campaign_id = ? and r.unit_id = any(?)")
                .params(campaignId, unitIds.toArray(Long[]::new))
                .query(ResultStore::result)
                .list();
    }

    /** Published results of a campaign, by unit (for next year's regression and consecutive excellence). */
    public List<ResultView> publishedResults(long campaignId) {
        boolean published = workflow(campaignId).map(WorkflowView::published).orElse(false);
        return published ? results(campaignId) : List.of();
    }

    void setStatus(long campaignId, String status) {
        jdbc.sql("update scoring_workflow set status = ?, row_version = row_version + 1 where campaign_id = ?")
                .params(status, campaignId)
                .update();
    }

    void proposed(long campaignId, String by, Instant at) {
        jdbc.sql("update scoring_workflow set status = 'PROPOSED', proposed_at = ?, proposed_by = ?,"
                        + " row_version = row_version + 1 where campaign_id = ?")
                .params(Timestamp.from(at), by, campaignId)
                .update();
    }

    void consulting(long campaignId, LocalDate until) {
        jdbc.sql("update scoring_workflow set status = 'CONSULTING', consult_until = ?,"
                        + " row_version = row_version + 1 where campaign_id = ?")
                .params(until == null ? null : Date.valueOf(until), campaignId)
                .update();
    }

    void approved(long campaignId, Instant at) {
        jdbc.sql("update scoring_workflow set status = 'APPROVED', approved_at = ?, row_version = row_version + 1"
                        + " where campaign_id = ?")
                .params(Timestamp.from(at), campaignId)
                .update();
    }

    void published(long campaignId, String by, Instant at) {
        jdbc.sql("update scoring_workflow set status = 'PUBLISHED', published_at = ?, published_by = ?,"
                        + " row_version = row_version + 1 where campaign_id = ?")
                .params(Timestamp.from(at), by, campaignId)
                .update();
    }

    void clearApprovals(long campaignId) {
        jdbc.sql("delete from scoring_approval where campaign_id = ?")
                .param(campaignId)
                .update();
    }

    boolean addApproval(long campaignId, String approver, String name, Instant at) {
        return jdbc.sql("insert into scoring_approval (campaign_id, approver, approver_name, approved_at)"
                                + " values (?, ?, ?, ?) on conflict do nothing")
                        .params(campaignId, approver, name, Timestamp.from(at))
                        .update()
                == 1;
    }

    void addComment(long campaignId, long unitId, String author, String name, String body, Instant at) {
        jdbc.sql("insert into scoring_comment (campaign_id, unit_id, author, author_name, body, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(campaignId, unitId, author, name, body, Timestamp.from(at))
                .update();
    }

    private WorkflowView workflow(ResultSet rs) throws SQLException {
        long id = rs.getLong("campaign_id");
        Date until = rs.getDate("consult_until");
        List<WorkflowView.Approval> approvals = jdbc.sql(
                        "select * from scoring_approval where campaign_id = ? order by approved_at, approver")
                .param(id)
                .query((r, i) -> new WorkflowView.Approval(
                        r.getString("approver"),
                        r.getString("approver_name"),
                        r.getTimestamp("approved_at").toInstant()))
                .list();
        List<WorkflowView.Comment> comments = jdbc.sql(
                        "select * from scoring_comment where campaign_id = ? order by created_at, id")
                .param(id)
                .query((r, i) -> new WorkflowView.Comment(
                        r.getLong("id"),
                        r.getLong("unit_id"),
                        r.getString("author"),
                        r.getString("author_name"),
                        r.getString("body"),
                        r.getTimestamp("created_at").toInstant()))
                .list();
        return new WorkflowView(
                id,
                rs.getString("status"),
                instant(rs, "computed_at"),
                rs.getString("computed_by"),
                rs.getBoolean("stale"),
                instant(rs, "proposed_at"),
                rs.getString("proposed_by"),
                until == null ? null : until.toLocalDate(),
                instant(rs, "approved_at"),
                instant(rs, "published_at"),
                rs.getString("published_by"),
                read(rs.getString("lists")),
                approvals,
                comments);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static ResultView result(ResultSet rs, int i) throws SQLException {
        return new ResultView(
                rs.getLong("target_id"),
                rs.getString("category"),
                rs.getBigDecimal("raw_score"),
                rs.getBigDecimal("applicable_max"),
                rs.getBigDecimal("converted_score"),
                rs.getBigDecimal("bonus"),
                rs.getBigDecimal("penalty"),
                rs.getBigDecimal("final_score"),
                rs.getString("level"),
                (Integer) rs.getObject("rank"),
                rs.getString("name"),
                rs.getLong("unit_id"),
                rs.getBoolean("ranked"),
                rs.getBoolean("excellent_blocked"),
                rs.getInt("missing"),
                (Long) rs.getObject("review_id"));
    }

    /** JSON as the results workflow stores it (lists, breakdown maps). */
    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** JSON read back with points kept decimal (2.50, not 2.5 as a double) on their way to pages and clients. */
    Map<String, Object> read(String s) {
        try {
            // points stay decimals (2.50, not 2.5 as a double) on their way back to pages and clients
            return s == null
                    ? Map.of()
                    : json.readerFor(MAP)
                            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                            .readValue(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
