package org.dudao.campaign.domain;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dudao.campaign.AssessorMatch;
import org.dudao.campaign.CampaignKind;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.ExtensionView;
import org.dudao.campaign.PhaseView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskPoints;
import org.dudao.campaign.TaskView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and their parts in PostgreSQL (plain SQL: tasks are written in batches). */
@Repository
public class CampaignStore {

    private static final String CAMPAIGN = "select id, kind, year, name, document_no, template_code, based_on_id,"
            + " owner_unit_id, status, created_at from campaign";
    private static final String TARGET = "select t.id, t.campaign_id, t.unit_id, u.name as unit_name, t.category_id,"
            + " c.name as category from campaign_target t join campaign_category c on c.id = t.category_id"
            + " join organization_unit u on u.id = t.unit_id";
    private static final String TASK =
            "select k.*, c.name as category from campaign_task k" + " join campaign_category c on c.id = k.category_id";
    private static final String TASK_ORDER = " order by c.position, k.position";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CampaignStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insertCampaign(
            CampaignKind kind,
            int year,
            String name,
            String documentNo,
            String templateCode,
            Long basedOn,
            long owner,
            String settingsJson,
            String user) {
        return jdbc.sql("insert into campaign (kind, year, name, document_no, template_code, based_on_id,"
                        + " owner_unit_id, settings, created_by, updated_by) values (:kind, :year, :name, :doc,"
                        + " :tpl, :basedOn, :owner, cast(:settings as jsonb), :user, :user) returning id")
                .param("kind", kind.name())
                .param("year", year)
                .param("name", name)
                .param("doc", documentNo)
                .param("tpl", templateCode)
                .param("basedOn", basedOn, Types.BIGINT)
                .param("owner", owner)
                .param("settings", settingsJson)
                .param("user", user)
                .query(Long.class)
                .single();
    }

    long insertCategory(long campaignId, String name, long systemId, int position) {
        return jdbc.sql("insert into campaign_category (campaign_id, name, indicator_system_id, position)"
                        + " values (?, ?, ?, ?) returning id")
                .params(campaignId, name, systemId, position)
                .query(Long.class)
                .single();
    }

    void insertTarget(long campaignId, long categoryId, long unitId, int position) {
        jdbc.sql("insert into campaign_target (campaign_id, category_id, unit_id, position) values (?, ?, ?, ?)")
                .params(campaignId, categoryId, unitId, position)
                .update();
    }

    record NewTask(
            long nodeId,
            List<String> path,
            String label,
            String name,
            BigDecimal points,
            List<String> methods,
            List<String> materials,
            String requirement,
            String assessorName,
            Long assessorUnitId,
            AssessorMatch match,
            boolean needsMaterial,
            LocalDate deadline,
            Instant dueAt,
            Integer wordLimit,
            Integer wordLimitMax,
            String sourceRef) {}

    void insertTasks(long campaignId, long categoryId, List<NewTask> tasks) {
        List<Object[]> rows = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            NewTask t = tasks.get(i);
            rows.add(new Object[] {
                campaignId,
                categoryId,
                t.nodeId(),
                i,
                t.path().toArray(String[]::new),
                t.label(),
                t.name(),
                t.points(),
                t.methods().toArray(String[]::new),
                t.materials().toArray(String[]::new),
                t.requirement(),
                t.assessorName(),
                t.assessorUnitId(),
                t.match().name(),
                t.needsMaterial(),
                t.deadline() == null ? null : java.sql.Date.valueOf(t.deadline()),
                t.dueAt() == null ? null : Timestamp.from(t.dueAt()),
                t.wordLimit(),
                t.wordLimitMax(),
                t.sourceRef()
            });
        }
        template.batchUpdate(
                "insert into campaign_task (campaign_id, category_id, node_id, position, path, label, name, points,"
                        + " methods, materials, requirement, assessor_name, assessor_unit_id, assessor_match,"
                        + " needs_material, deadline, due_at, word_limit, word_limit_max, source_ref)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    void insertPhase(
            long campaignId, String code, String name, LocalDate starts, LocalDate ends, String note, int pos) {
        jdbc.sql("insert into campaign_phase (campaign_id, code, name, starts_on, ends_on, note, position)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(campaignId, code, name, starts, ends, note, pos)
                .update();
    }

    public Optional<CampaignView> find(long id) {
        return jdbc.sql(CAMPAIGN + " where id = ?")
                .param(id)
                .query(CampaignStore::campaign)
                .optional();
    }

    public List<CampaignView> listOwnedBy(long ownerUnitId) {
        return jdbc.sql(CAMPAIGN + " where owner_unit_id = ? order by year desc, id desc")
                .param(ownerUnitId)
                .query(CampaignStore::campaign)
                .list();
    }

    /** Campaigns in which the unit is a target or the assessor of a task. */
    public List<CampaignView> listInvolving(long unitId) {
        return jdbc.sql(CAMPAIGN + " where id in (select campaign_id from campaign_target where unit_id = :u"
                        + " union select campaign_id from campaign_task where assessor_unit_id = :u)"
                        + " order by year desc, id desc")
                .param("u", unitId)
                .query(CampaignStore::campaign)
                .list();
    }

    public String settings(long campaignId) {
        return jdbc.sql("select settings::text from campaign where id = ?")
                .param(campaignId)
                .query(String.class)
                .single();
    }

    public List<CategoryView> categories(long campaignId) {
        return jdbc.sql("select id, name, indicator_system_id, position from campaign_category where campaign_id = ?"
                        + " order by position")
                .param(campaignId)
                .query((rs, i) -> new CategoryView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getLong("indicator_system_id"),
                        rs.getInt("position")))
                .list();
    }

    public List<TargetView> targets(long campaignId) {
        return jdbc.sql(TARGET + " where t.campaign_id = ? order by c.position, t.position, t.id")
                .param(campaignId)
                .query(CampaignStore::target)
                .list();
    }

    public Optional<TargetView> target(long targetId) {
        return jdbc.sql(TARGET + " where t.id = ?")
                .param(targetId)
                .query(CampaignStore::target)
                .optional();
    }

    public Optional<TargetView> targetOfUnit(long campaignId, long unitId) {
        return jdbc.sql(TARGET + " where t.campaign_id = ? and t.unit_id = ?")
                .params(campaignId, unitId)
                .query(CampaignStore::target)
                .optional();
    }

    public List<TaskView> tasks(long campaignId) {
        return jdbc.sql(TASK + " where k.campaign_id = ?" + TASK_ORDER)
                .param(campaignId)
                .query(CampaignStore::task)
                .list();
    }

    public List<TaskPoints> taskPoints(long campaignId) {
        return taskPoints("campaign_id", campaignId);
    }

    public List<TaskPoints> taskPointsOfCategory(long categoryId) {
        return taskPoints("category_id", categoryId);
    }

    private List<TaskPoints> taskPoints(String column, long id) {
        return jdbc.sql("select id, category_id, points, array_to_string(methods, chr(31)) from campaign_task"
                        + " where " + column + " = ?")
                .param(id)
                .query((rs, i) -> {
                    String methods = rs.getString(4);
                    return new TaskPoints(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getBigDecimal(3),
                            methods == null || methods.isEmpty() ? List.of() : List.of(methods.split("\u001f")));
                })
                .list();
    }

    public List<TaskView> tasksOfCategory(long categoryId) {
        return jdbc.sql(TASK + " where k.category_id = ?" + TASK_ORDER)
                .param(categoryId)
                .query(CampaignStore::task)
                .list();
    }

    public List<TaskView> tasksAssessedBy(long campaignId, long unitId) {
        return jdbc.sql(TASK + " where k.campaign_id = ? and k.assessor_unit_id = ?" + TASK_ORDER)
                .params(campaignId, unitId)
                .query(CampaignStore::task)
                .list();
    }

    public Optional<TaskView> task(long taskId) {
        return jdbc.sql(TASK + " where k.id = ?")
                .param(taskId)
                .query(CampaignStore::task)
                .optional();
    }

    int assignAssessor(long taskId, Long unitId, AssessorMatch match) {
        return jdbc.sql("update campaign_task set assessor_unit_id = ?, assessor_match = ? where id = ?")
                .params(unitId, match.name(), taskId)
                .update();
    }

    int setDeadline(long taskId, LocalDate deadline, Instant dueAt) {
        return jdbc.sql("update campaign_task set deadline = ?, due_at = ? where id = ?")
                .params(deadline, dueAt == null ? null : Timestamp.from(dueAt), taskId)
                .update();
    }

    public List<PhaseView> phases(long campaignId) {
        return jdbc.sql("select id, code, name, starts_on, ends_on, note from campaign_phase where campaign_id = ?"
                        + " order by position")
                .param(campaignId)
                .query((rs, i) -> new PhaseView(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getString("note")))
                .list();
    }

    long insertExtension(long campaignId, long targetId, Long taskId, Instant until, String reason, String user) {
        return jdbc.sql("insert into campaign_extension (campaign_id, target_id, task_id, until, reason, granted_by)"
                        + " values (?, ?, ?, ?, ?, ?) returning id")
                .params(campaignId, targetId, taskId, Timestamp.from(until), reason, user)
                .query(Long.class)
                .single();
    }

    int revokeExtension(long id, String user) {
        return jdbc.sql("update campaign_extension set revoked_at = now(), revoked_by = ? where id = ?"
                        + " and revoked_at is null")
                .params(user, id)
                .update();
    }

    /** Extensions in force or past (not revoked) for a target. */
    public List<ExtensionView> extensions(long targetId) {
        return jdbc.sql("select * from campaign_extension where target_id = ? and revoked_at is null order by id")
                .param(targetId)
                .query(CampaignStore::extension)
                .list();
    }

    public List<ExtensionView> extensionsOfCampaign(long campaignId) {
        return jdbc.sql("select * from campaign_extension where campaign_id = ? and revoked_at is null order by id")
                .param(campaignId)
                .query(CampaignStore::extension)
                .list();
    }

    private static ExtensionView extension(ResultSet rs, int i) throws SQLException {
        // task_id null = every task of the target (wasNull must follow the task_id read itself)
        long task = rs.getLong("task_id");
        Long taskId = rs.wasNull() ? null : task;
        return new ExtensionView(
                rs.getLong("id"),
                rs.getLong("target_id"),
                taskId,
                rs.getTimestamp("until").toInstant(),
                rs.getString("reason"),
                rs.getString("granted_by"),
                rs.getTimestamp("granted_at").toInstant());
    }

    private static CampaignView campaign(ResultSet rs, int i) throws SQLException {
        Long basedOn = (Long) rs.getObject("based_on_id");
        return new CampaignView(
                rs.getLong("id"),
                CampaignKind.valueOf(rs.getString("kind")),
                rs.getInt("year"),
                rs.getString("name"),
                rs.getString("document_no"),
                rs.getString("template_code"),
                basedOn,
                rs.getLong("owner_unit_id"),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static TargetView target(ResultSet rs, int i) throws SQLException {
        return new TargetView(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getLong("category_id"),
                rs.getString("category"));
    }

    private static TaskView task(ResultSet rs, int i) throws SQLException {
        long assessor = rs.getLong("assessor_unit_id");
        boolean noAssessor = rs.wasNull();
        int wl = rs.getInt("word_limit");
        Integer wordLimit = rs.wasNull() ? null : wl;
        int wlm = rs.getInt("word_limit_max");
        Integer wordLimitMax = rs.wasNull() ? null : wlm;
        Timestamp due = rs.getTimestamp("due_at");
        return new TaskView(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("category_id"),
                rs.getString("category"),
                rs.getLong("node_id"),
                strings(rs.getArray("path")),
                rs.getString("label"),
                rs.getString("name"),
                rs.getBigDecimal("points"),
                strings(rs.getArray("methods")),
                strings(rs.getArray("materials")),
                rs.getString("requirement"),
                rs.getString("assessor_name"),
                noAssessor ? null : assessor,
                AssessorMatch.valueOf(rs.getString("assessor_match")),
                rs.getBoolean("needs_material"),
                rs.getObject("deadline", LocalDate.class),
                due == null ? null : due.toInstant(),
                wordLimit,
                wordLimitMax,
                rs.getString("source_ref"));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
