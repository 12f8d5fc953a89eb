package org.dudao.evaluation.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dudao.evaluation.Channel;
import org.dudao.evaluation.EvaluationTally;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Grade;
import org.dudao.evaluation.HistoryView;
import org.dudao.evaluation.ScoringRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Evaluations and their history in PostgreSQL. */
@Repository
public class EvaluationStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String SELECT = "select * from evaluation";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EvaluationStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<EvaluationView> ofCampaign(long campaignId) {
        return jdbc.sql(SELECT + " where campaign_id = ? order by target_id, task_id")
                .param(campaignId)
                .query(this::view)
                .list();
    }

    /**
     * A campaign's evaluations as the score computation needs them: only its columns, the rater read
     * from the method record in SQL (no JSON parsed in Java).
     */
    public List<ScoringRow> forScoring(long campaignId) {
        return jdbc.sql(SCORING_SELECT + " where e.campaign_id = ?")
                .param(campaignId)
                .query(this::scoringRow)
                .list();
    }

    /** The columns of a {@link ScoringRow} of evaluation {@code e}, with who and why (breakdowns). */
    private static final String SCORING_COLUMNS = "e.target_id, e.task_id, e.grade, e.points, e.not_applicable,"
            + " e.reason, e.detail ->> 'rater', coalesce(e.evaluated_by_name, e.evaluated_by), e.evaluated_at,"
            + " e.review_id";

    /** The same, scores only. */
    private static final String SCORES_COLUMNS = "e.target_id, e.task_id, e.grade, e.points, e.not_applicable,"
            + " null::text, null::text, null::text, e.evaluated_at, null::bigint";

    private static final String SCORING_SELECT = "select " + SCORING_COLUMNS + " from evaluation e";

    private ScoringRow scoringRow(ResultSet rs, int n) throws SQLException {
        return new ScoringRow(
                rs.getLong(1),
                rs.getLong(2),
                grade(rs.getString(3)),
                rs.getBigDecimal(4),
                rs.getBoolean(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getObject(10, Long.class));
    }

    /**
     * The campaign's evaluations summed per target (and per task group) in one aggregate: a few thousand rows leave
     * the database instead of every evaluation. No rule is applied here (grade percentages, zeroing, conversion are
     * the engine's): the given points of the tasks are summed by the grade given.
     *
     * <p>The tasks' points (in cents) and groups go in as arrays indexed by task id, looked up per row — cheaper than
     * joining the task table, and PostgreSQL still scans in parallel. Task ids of a campaign are nearly contiguous
     * (created together); when they are spread too far for an array, the tasks are joined instead (slower, same sums).
     *
     * @param taskPoints the points (分值) of every task of the campaign, by task id; a task missing counts 0
     * @param taskGroups the group of each task (e.g. its score component), or null for one group (0)
     */
    public List<EvaluationTally> tallies(
            long campaignId, Map<Long, BigDecimal> taskPoints, Map<Long, Integer> taskGroups) {
        if (taskPoints.isEmpty()) {
            return List.of();
        }
        long min = taskPoints.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = taskPoints.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        long span = max - min + 1;
        boolean grouped = taskGroups != null;
        String sums = " count(*),"
                + " sum(%1$s) filter (where e.grade = 'EXCELLENT'), sum(%1$s) filter (where e.grade = 'GOOD'),"
                + " sum(%1$s) filter (where e.grade = 'FAIR'), sum(%1$s) filter (where e.grade = 'POOR'),"
                + " sum(%1$s) filter (where e.not_applicable), sum(e.points) from evaluation e";
        if (span <= Math.max(4L * taskPoints.size(), taskPoints.size() + 10_000L)) {
            Long[] cents = new Long[(int) span];
            Integer[] groups = new Integer[(int) span];
            java.util.Arrays.fill(cents, 0L);
            java.util.Arrays.fill(groups, 0);
            taskPoints.forEach((id, p) -> cents[(int) (id - min)] = cents(p));
            if (grouped) {
                taskGroups.forEach((id, g) -> {
                    if (id >= min && id <= max) {
                        groups[(int) (id - min)] = g;
                    }
                });
            }
            long offset = min - 1; // PostgreSQL arrays count from 1
            String point = "p.x[e.task_id - " + offset + "]";
            return jdbc.sql("select e.target_id, " + (grouped ? "g.x[e.task_id - " + offset + "]" : "0") + ","
                            + String.format(sums, point) + ", (select ?::int8[] as x) p"
                            + (grouped ? ", (select ?::int4[] as x) g" : "")
                            + " where e.campaign_id = ? group by 1" + (grouped ? ", 2" : ""))
                    .params(grouped ? new Object[] {cents, groups, campaignId} : new Object[] {cents, campaignId})
                    .query(EvaluationStore::tally)
                    .list();
        }
        List<Long> ids = new java.util.ArrayList<>(taskPoints.keySet());
        Long[] cents = ids.stream().map(id -> cents(taskPoints.get(id))).toArray(Long[]::new);
        Integer[] groups = ids.stream()
                .map(id -> grouped ? taskGroups.getOrDefault(id, 0) : 0)
                .toArray(Integer[]::new);
        return jdbc.sql("select e.target_id, m.g," + String.format(sums, "m.x")
                        + " join unnest(?::int8[], ?::int8[], ?::int4[]) m(id, x, g) on m.id = e.task_id"
                        + " where e.campaign_id = ? group by 1, 2")
                .params(ids.toArray(Long[]::new), cents, groups, campaignId)
                .query(EvaluationStore::tally)
                .list();
    }

    private static long cents(BigDecimal points) {
        return points == null
                ? 0
                : points.movePointRight(2)
                        .setScale(0, java.math.RoundingMode.UNNECESSARY)
                        .longValueExact();
    }

    private static EvaluationTally tally(ResultSet rs, int n) throws SQLException {
        return new EvaluationTally(
                rs.getLong(1),
                rs.getInt(2),
                rs.getInt(3),
                fromCents(rs.getBigDecimal(4)),
                fromCents(rs.getBigDecimal(5)),
                fromCents(rs.getBigDecimal(6)),
                fromCents(rs.getBigDecimal(7)),
                fromCents(rs.getBigDecimal(8)),
                rs.getBigDecimal(9));
    }

    private static BigDecimal fromCents(BigDecimal cents) {
        return cents == null ? null : cents.movePointLeft(2);
    }

    /** The current evaluations of the given targets' tasks (pairs: target → tasks), as the computation reads them. */
    public List<ScoringRow> forScoring(long campaignId, Map<Long, ? extends Collection<Long>> tasksByTarget) {
        List<Long> targets = new java.util.ArrayList<>();
        List<Long> tasks = new java.util.ArrayList<>();
        // in index order: the lookups walk the (target, task) index forwards
        new java.util.TreeMap<>(tasksByTarget)
                .forEach((target, ts) -> new java.util.TreeSet<>(ts).forEach(task -> {
                    targets.add(target);
                    tasks.add(task);
                }));
        if (targets.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + SCORING_COLUMNS + " from unnest(?::bigint[], ?::bigint[]) p(target_id, task_id)"
                        + " join evaluation e on e.target_id = p.target_id and e.task_id = p.task_id"
                        + " where e.campaign_id = ?")
                .params(targets.toArray(Long[]::new), tasks.toArray(Long[]::new), campaignId)
                .query(this::scoringRow)
                .list();
    }

    /**
     * Every current evaluation of the targets, as the computation reads them (breakdowns, task scores); without reason,
     * rater and review unless {@code explained} (scores only).
     */
    public List<ScoringRow> forScoringOfTargets(long campaignId, Collection<Long> targetIds, boolean explained) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + (explained ? SCORING_COLUMNS : SCORES_COLUMNS)
                        + " from evaluation e where e.campaign_id = ? and e.target_id = any(?)")
                .params(campaignId, targetIds.toArray(Long[]::new))
                .query(this::scoringRow)
                .list();
    }

    public List<EvaluationView> ofTarget(long targetId) {
        return jdbc.sql(SELECT + " where target_id = ? order by task_id")
                .param(targetId)
                .query(this::view)
                .list();
    }

    public List<EvaluationView> ofTask(long taskId) {
        return jdbc.sql(SELECT + " where task_id = ? order by target_id")
                .param(taskId)
                .query(this::view)
                .list();
    }

    public List<EvaluationView> ofTasks(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where task_id = any(?) order by task_id, target_id")
                .param(taskIds.toArray(Long[]::new))
                .query(this::view)
                .list();
    }

    /**
     * The current rows of the tasks for the targets (a superset of a batch's pairs, which the caller picks
     * from); with {@code lock} they stay locked for the rest of the transaction.
     */
    List<EvaluationView> ofPairs(Collection<Long> taskIds, Collection<Long> targetIds, boolean lock) {
        if (taskIds.isEmpty() || targetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where task_id = any(?) and target_id = any(?) order by task_id, target_id"
                        + (lock ? " for update" : ""))
                .params(taskIds.toArray(Long[]::new), targetIds.toArray(Long[]::new))
                .query(this::view)
                .list();
    }

    public Optional<EvaluationView> find(long targetId, long taskId) {
        return jdbc.sql(SELECT + " where target_id = ? and task_id = ?")
                .params(targetId, taskId)
                .query(this::view)
                .optional();
    }

    record Values(
            Grade grade,
            BigDecimal points,
            boolean notApplicable,
            String reason,
            String method,
            Map<String, Object> detail,
            Long evaluatorUnitId,
            String by,
            String byName,
            Instant at,
            Long reviewId) {}

    long insert(long campaignId, long targetId, long taskId, Values v) {
        return jdbc.sql("insert into evaluation (campaign_id, target_id, task_id, grade, points, not_applicable,"
                        + " reason, method, detail, evaluator_unit_id, evaluated_by, evaluated_by_name, evaluated_at,"
                        + " review_id, created_by, updated_by) values (:c, :tg, :tk, :g, :p, :na, :r, :m,"
                        + " cast(:d as jsonb), :u, :by, :byName, :at, :rv, :by, :by) returning id")
                .param("c", campaignId)
                .param("tg", targetId)
                .param("tk", taskId)
                .param("g", v.grade() == null ? null : v.grade().name())
                .param("p", v.points())
                .param("na", v.notApplicable())
                .param("r", v.reason())
                .param("m", v.method())
                .param("d", write(v.detail()))
                .param("u", v.evaluatorUnitId())
                .param("by", v.by())
                .param("byName", v.byName())
                .param("at", Timestamp.from(v.at()))
                .param("rv", v.reviewId())
                .query(Long.class)
                .single();
    }

    int update(long id, int revision, Values v) {
        return jdbc.sql("update evaluation set grade = :g, points = :p, not_applicable = :na, reason = :r,"
                        + " method = :m, detail = cast(:d as jsonb), evaluator_unit_id = :u, evaluated_by = :by,"
                        + " evaluated_by_name = :byName, evaluated_at = :at, review_id = :rv, revision = :rev,"
                        + " updated_at = now(), updated_by = :by, row_version = row_version + 1 where id = :id")
                .param("g", v.grade() == null ? null : v.grade().name())
                .param("p", v.points())
                .param("na", v.notApplicable())
                .param("r", v.reason())
                .param("m", v.method())
                .param("d", write(v.detail()))
                .param("u", v.evaluatorUnitId())
                .param("by", v.by())
                .param("byName", v.byName())
                .param("at", Timestamp.from(v.at()))
                .param("rv", v.reviewId())
                .param("rev", revision)
                .param("id", id)
                .update();
    }

    void history(
            long evaluationId,
            long campaignId,
            long targetId,
            long taskId,
            int revision,
            EvaluationView old,
            Values v,
            Channel channel) {
        jdbc.sql("insert into evaluation_history (evaluation_id, campaign_id, target_id, task_id, revision,"
                        + " old_grade, old_points, old_not_applicable, old_reason, new_grade, new_points,"
                        + " new_not_applicable, new_reason, channel, changed_by, changed_by_name, changed_at,"
                        + " review_id) values (:e, :c, :tg, :tk, :rev, :og, :op, :ona, :or, :ng, :np, :nna, :nr,"
                        + " :ch, :by, :byName, :at, :rv)")
                .param("e", evaluationId)
                .param("c", campaignId)
                .param("tg", targetId)
                .param("tk", taskId)
                .param("rev", revision)
                .param(
                        "og",
                        old == null || old.grade() == null ? null : old.grade().name())
                .param("op", old == null ? null : old.points())
                .param("ona", old == null ? null : old.notApplicable())
                .param("or", old == null ? null : old.reason())
                .param("ng", v.grade() == null ? null : v.grade().name())
                .param("np", v.points())
                .param("nna", v.notApplicable())
                .param("nr", v.reason())
                .param("ch", channel.name())
                .param("by", v.by())
                .param("byName", v.byName())
                .param("at", Timestamp.from(v.at()))
                .param("rv", v.reviewId())
                .update();
    }

    public List<HistoryView> history(long targetId, long taskId) {
        return jdbc.sql("select * from evaluation_history where target_id = ? and task_id = ? order by revision, id")
                .params(targetId, taskId)
                .query(EvaluationStore::historyView)
                .list();
    }

    public Optional<Instant> lockedAt(long campaignId) {
        return jdbc.sql("select locked_at from evaluation_lock where campaign_id = ?")
                .param(campaignId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    void lock(long campaignId, String by, Instant at, String note) {
        jdbc.sql("insert into evaluation_lock (campaign_id, locked_at, locked_by, note) values (?, ?, ?, ?)"
                        + " on conflict (campaign_id) do nothing")
                .params(campaignId, Timestamp.from(at), by, note)
                .update();
    }

    void unlock(long campaignId) {
        jdbc.sql("delete from evaluation_lock where campaign_id = ?")
                .param(campaignId)
                .update();
    }

    private EvaluationView view(ResultSet rs, int i) throws SQLException {
        return new EvaluationView(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                rs.getLong("task_id"),
                grade(rs.getString("grade")),
                rs.getBigDecimal("points"),
                rs.getBoolean("not_applicable"),
                rs.getString("reason"),
                rs.getString("method"),
                read(rs.getString("detail")),
                (Long) rs.getObject("evaluator_unit_id"),
                rs.getString("evaluated_by"),
                rs.getString("evaluated_by_name"),
                rs.getTimestamp("evaluated_at").toInstant(),
                (Long) rs.getObject("review_id"),
                rs.getInt("revision"));
    }

    private static HistoryView historyView(ResultSet rs, int i) throws SQLException {
        return new HistoryView(
                rs.getLong("id"),
                rs.getLong("evaluation_id"),
                rs.getLong("target_id"),
                rs.getLong("task_id"),
                rs.getInt("revision"),
                grade(rs.getString("old_grade")),
                rs.getBigDecimal("old_points"),
                (Boolean) rs.getObject("old_not_applicable"),
                rs.getString("old_reason"),
                grade(rs.getString("new_grade")),
                rs.getBigDecimal("new_points"),
                rs.getBoolean("new_not_applicable"),
                rs.getString("new_reason"),
                rs.getString("channel"),
                rs.getString("changed_by"),
                rs.getString("changed_by_name"),
                rs.getTimestamp("changed_at").toInstant(),
                (Long) rs.getObject("review_id"));
    }

    private static Grade grade(String s) {
        return s == null ? null : Grade.valueOf(s);
    }

    private String write(Map<String, Object> m) {
        try {
            return json.writeValueAsString(m == null ? Map.of() : m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> read(String s) {
        try {
            return s == null ? Map.of() : json.readValue(s, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
