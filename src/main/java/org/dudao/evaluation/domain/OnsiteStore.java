package org.dudao.evaluation.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** On-site visits (实地考核) and the task and phone id of their photos, in PostgreSQL. */
@Repository
class OnsiteStore {

    private static final String SELECT = "select id, campaign_id, target_id, client_id, team_members, visited_at,"
            + " notes::text as notes, items::text as items, answer::text as answer, synced_by, synced_by_name,"
            + " synced_at from evaluation_onsite_visit";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OnsiteStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored visit; notes, items and answer are JSON text. */
    record Visit(
            long id,
            long campaignId,
            long targetId,
            UUID clientId,
            List<String> teamMembers,
            Instant visitedAt,
            String notes,
            String items,
            String answer,
            String syncedBy,
            String syncedByName,
            Instant syncedAt) {}

    record Photo(long attachmentId, long visitId, Long taskId, UUID clientId) {}

    /**
     * Inserts the visit unless its client id is taken; waits for a concurrent insert of the same id to end.
     *
     * @return the new id, or empty when a visit with this client id exists
     */
    Optional<Long> insert(
            long campaignId,
            long targetId,
            UUID clientId,
            List<String> team,
            Instant visitedAt,
            Map<String, String> notes,
            String by,
            String byName,
            Instant at) {
        return jdbc.sql("insert into evaluation_onsite_visit (campaign_id, target_id, client_id, team_members,"
                        + " visited_at, notes, synced_by, synced_by_name, synced_at, created_by, updated_by)"
                        + " values (:c, :t, :cid, :team, :vat, cast(:notes as jsonb), :by, :byName, :at, :by, :by)"
                        + " on conflict (client_id) do nothing returning id")
                .param("c", campaignId)
                .param("t", targetId)
                .param("cid", clientId)
                .param("team", team.toArray(String[]::new))
                .param("vat", Timestamp.from(visitedAt))
                .param("notes", write(notes))
                .param("by", by)
                .param("byName", byName)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    void answered(long id, Object items, Object answer) {
        jdbc.sql("update evaluation_onsite_visit set items = cast(:items as jsonb), answer = cast(:answer as jsonb),"
                        + " updated_at = now(), row_version = row_version + 1 where id = :id")
                .param("items", write(items))
                .param("answer", write(answer))
                .param("id", id)
                .update();
    }

    Optional<Visit> byClientId(UUID clientId) {
        return jdbc.sql(SELECT + " where client_id = ?")
                .param(clientId)
                .query(OnsiteStore::visit)
                .optional();
    }

    Optional<Visit> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(OnsiteStore::visit)
                .optional();
    }

    List<Visit> ofCampaign(long campaignId, Long targetId) {
        return jdbc.sql(SELECT + " where campaign_id = :c and (cast(:t as bigint) is null or target_id = :t)"
                        + " order by visited_at desc, id desc")
                .param("c", campaignId)
                .param("t", targetId)
                .query(OnsiteStore::visit)
                .list();
    }

    void insertPhoto(long attachmentId, long visitId, Long taskId, UUID clientId, String by) {
        jdbc.sql("insert into evaluation_onsite_photo (attachment_id, visit_id, task_id, client_id, created_by)"
                        + " values (?, ?, ?, ?, ?)")
                .params(attachmentId, visitId, taskId, clientId, by)
                .update();
    }

    Optional<Photo> photoByClientId(UUID clientId) {
        return jdbc.sql("select attachment_id, visit_id, task_id, client_id from evaluation_onsite_photo"
                        + " where client_id = ?")
                .param(clientId)
                .query(OnsiteStore::photo)
                .optional();
    }

    List<Photo> photos(Collection<Long> visitIds) {
        if (visitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select attachment_id, visit_id, task_id, client_id from evaluation_onsite_photo"
                        + " where visit_id = any(?) order by attachment_id")
                .param(visitIds.toArray(Long[]::new))
                .query(OnsiteStore::photo)
                .list();
    }

    private static Visit visit(ResultSet rs, int n) throws SQLException {
        Array team = rs.getArray("team_members");
        return new Visit(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                rs.getObject("client_id", UUID.class),
                team == null ? List.of() : Arrays.asList((String[]) team.getArray()),
                rs.getTimestamp("visited_at").toInstant(),
                rs.getString("notes"),
                rs.getString("items"),
                rs.getString("answer"),
                rs.getString("synced_by"),
                rs.getString("synced_by_name"),
                rs.getTimestamp("synced_at").toInstant());
    }

    private static Photo photo(ResultSet rs, int n) throws SQLException {
        return new Photo(
                rs.getLong("attachment_id"),
                rs.getLong("visit_id"),
                (Long) rs.getObject("task_id"),
                rs.getObject("client_id", UUID.class));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
