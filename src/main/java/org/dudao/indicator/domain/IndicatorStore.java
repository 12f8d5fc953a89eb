package org.dudao.indicator.domain;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorSystemView;
import org.dudao.indicator.NewSystem;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.SystemKind;
import org.dudao.indicator.SystemStatus;
import org.dudao.shared.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Systems and their node trees in PostgreSQL. A whole tree is written in one batch. */
@Repository
public class IndicatorStore {

    private static final String SYSTEM_COLUMNS = "id, code, name, year, document_no, kind, source, categories, version,"
            + " status, based_on_id, owner_unit_id, builtin_code, created_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public IndicatorStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insertSystem(NewSystem s, int version, SystemStatus status, Long basedOn, long ownerUnitId) {
        String user = CurrentUser.current().map(CurrentUser::username).orElse("system");
        return jdbc.sql(
                        "insert into indicator_system (code, name, year, document_no, kind, source, categories, version,"
                                + " status, based_on_id, owner_unit_id, builtin_code, created_by, updated_by)"
                                + " values (:code, :name, :year, :doc, :kind, :source, :cats, :version, :status, :basedOn,"
                                + " :owner, :builtin, :user, :user) returning id")
                .param("code", s.code())
                .param("name", s.name())
                .param("year", s.year(), Types.INTEGER)
                .param("doc", s.documentNo())
                .param("kind", s.kind().name())
                .param("source", s.source())
                .param("cats", s.categories().toArray(String[]::new))
                .param("version", version)
                .param("status", status.name())
                .param("basedOn", basedOn, Types.BIGINT)
                .param("owner", ownerUnitId)
                .param("builtin", s.builtinCode())
                .param("user", user)
                .query(Long.class)
                .single();
    }

    /** Inserts a whole tree: ids are taken from the sequence first, then every node goes in one batch. */
    public void insertTree(long systemId, List<IndicatorNode> roots) {
        int count = roots.stream().mapToInt(IndicatorNode::size).sum();
        if (count == 0) {
            return;
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('indicator_node', 'id'))"
                        + " from generate_series(1, :n)")
                .param("n", count)
                .query(Long.class)
                .list();
        List<Object[]> rows = new ArrayList<>(count);
        int[] next = {0};
        for (int i = 0; i < roots.size(); i++) {
            flatten(roots.get(i), null, i, 1, systemId, ids, next, rows);
        }
        template.batchUpdate(
                "insert into indicator_node (id, system_id, parent_id, position, depth, kind, label, name, points,"
                        + " points_inferred, methods, materials, deadline, description, requirement, assessor_lead,"
                        + " assessor_co, responsible_lead, responsible_co, categories, word_limit, word_limit_max,"
                        + " source_ref, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?)",
                rows);
    }

    private static void flatten(
            IndicatorNode n,
            Long parentId,
            int position,
            int depth,
            long systemId,
            List<Long> ids,
            int[] next,
            List<Object[]> rows) {
        long id = ids.get(next[0]++);
        rows.add(new Object[] {
            id,
            systemId,
            parentId,
            position,
            depth,
            n.kind().name(),
            n.label(),
            n.name(),
            n.points(),
            n.pointsInferred(),
            n.methods().toArray(String[]::new),
            n.materials().toArray(String[]::new),
            n.deadline() == null ? null : Date.valueOf(n.deadline()),
            n.description(),
            n.requirement(),
            n.assessorLead(),
            n.assessorCo().toArray(String[]::new),
            n.responsibleLead(),
            n.responsibleCo().toArray(String[]::new),
            n.categories().toArray(String[]::new),
            n.wordLimit(),
            n.wordLimitMax(),
            n.sourceRef(),
            n.note()
        });
        for (int i = 0; i < n.children().size(); i++) {
            flatten(n.children().get(i), id, i, depth + 1, systemId, ids, next, rows);
        }
    }

    public Optional<IndicatorSystemView> find(long id) {
        return jdbc.sql("select " + SYSTEM_COLUMNS + " from indicator_system where id = :id")
                .param("id", id)
                .query(IndicatorStore::system)
                .optional();
    }

    /** All versions of all systems an owner holds, newest first within a code. */
    public List<IndicatorSystemView> list(long ownerUnitId) {
        return jdbc.sql("select " + SYSTEM_COLUMNS + " from indicator_system where owner_unit_id = :o"
                        + " order by code, version desc")
                .param("o", ownerUnitId)
                .query(IndicatorStore::system)
                .list();
    }

    public int nextVersion(long ownerUnitId, String code) {
        return jdbc.sql(
                        "select coalesce(max(version), 0) + 1 from indicator_system where owner_unit_id = :o and code = :c")
                .param("o", ownerUnitId)
                .param("c", code)
                .query(Integer.class)
                .single();
    }

    public void setStatus(long id, SystemStatus status) {
        jdbc.sql(
                        "update indicator_system set status = :s, updated_at = now(), row_version = row_version + 1 where id = :id")
                .param("s", status.name())
                .param("id", id)
                .update();
    }

    public List<IndicatorNode> loadRoots(long systemId) {
        List<Object[]> flat = new ArrayList<>();
        jdbc.sql("select * from indicator_node where system_id = :s order by depth, position")
                .param("s", systemId)
                .query((rs, i) -> {
                    flat.add(new Object[] {rs.getLong("id"), (Long) rs.getObject("parent_id"), node(rs)});
                    return null;
                })
                .list();
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, IndicatorNode> byId = new HashMap<>();
        List<Long> roots = new ArrayList<>();
        for (Object[] f : flat) {
            long id = (Long) f[0];
            byId.put(id, (IndicatorNode) f[2]);
            if (f[1] == null) {
                roots.add(id);
            } else {
                children.computeIfAbsent((Long) f[1], k -> new ArrayList<>()).add(id);
            }
        }
        return roots.stream().map(id -> build(id, byId, children)).toList();
    }

    private static IndicatorNode build(long id, Map<Long, IndicatorNode> byId, Map<Long, List<Long>> children) {
        return byId.get(id)
                .withChildren(children.getOrDefault(id, List.of()).stream()
                        .map(c -> build(c, byId, children))
                        .toList());
    }

    /** Updates the editable fields of one node (drafts only; the caller checks). */
    public int updateNode(long systemId, long nodeId, IndicatorNode n) {
        return jdbc.sql("update indicator_node set label = :label, name = :name, points = :points,"
                        + " points_inferred = :inferred, methods = :methods, materials = :materials, deadline = :deadline,"
                        + " description = :description, requirement = :requirement, assessor_lead = :al, assessor_co = :ac,"
                        + " responsible_lead = :rl, responsible_co = :rc, categories = :cats, word_limit = :wl,"
                        + " word_limit_max = :wlm, note = :note where id = :id and system_id = :s")
                .param("label", n.label())
                .param("name", n.name())
                .param("points", n.points(), Types.NUMERIC)
                .param("inferred", n.pointsInferred(), Types.NUMERIC)
                .param("methods", n.methods().toArray(String[]::new))
                .param("materials", n.materials().toArray(String[]::new))
                .param("deadline", n.deadline() == null ? null : Date.valueOf(n.deadline()), Types.DATE)
                .param("description", n.description())
                .param("requirement", n.requirement())
                .param("al", n.assessorLead())
                .param("ac", n.assessorCo().toArray(String[]::new))
                .param("rl", n.responsibleLead())
                .param("rc", n.responsibleCo().toArray(String[]::new))
                .param("cats", n.categories().toArray(String[]::new))
                .param("wl", n.wordLimit(), Types.INTEGER)
                .param("wlm", n.wordLimitMax(), Types.INTEGER)
                .param("note", n.note())
                .param("id", nodeId)
                .param("s", systemId)
                .update();
    }

    private static IndicatorSystemView system(ResultSet rs, int i) throws SQLException {
        return new IndicatorSystemView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                (Integer) rs.getObject("year"),
                rs.getString("document_no"),
                SystemKind.valueOf(rs.getString("kind")),
                rs.getString("source"),
                strings(rs.getArray("categories")),
                rs.getInt("version"),
                SystemStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("based_on_id"),
                rs.getLong("owner_unit_id"),
                rs.getString("builtin_code"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static IndicatorNode node(ResultSet rs) throws SQLException {
        Date deadline = rs.getDate("deadline");
        return new IndicatorNode(
                rs.getLong("id"),
                NodeKind.valueOf(rs.getString("kind")),
                rs.getString("label"),
                rs.getString("name"),
                scaled(rs.getBigDecimal("points")),
                scaled(rs.getBigDecimal("points_inferred")),
                strings(rs.getArray("methods")),
                strings(rs.getArray("materials")),
                deadline == null ? null : deadline.toLocalDate(),
                rs.getString("description"),
                rs.getString("requirement"),
                rs.getString("assessor_lead"),
                strings(rs.getArray("assessor_co")),
                rs.getString("responsible_lead"),
                strings(rs.getArray("responsible_co")),
                strings(rs.getArray("categories")),
                (Integer) rs.getObject("word_limit"),
                (Integer) rs.getObject("word_limit_max"),
                rs.getString("source_ref"),
                rs.getString("note"),
                List.of());
    }

    /** numeric(8,2) comes back as 1.00: give it back as printed (1). */
    private static BigDecimal scaled(BigDecimal b) {
        if (b == null) {
            return null;
        }
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static List<String> strings(Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        return Arrays.asList((String[]) a.getArray());
    }
}
