package org.dudao.report.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Background jobs as rows of {@code report_job}: any node answers for any job, and a node takes the oldest queued job
 * with {@code for update skip locked}, so that two nodes never take the same one and neither waits for the other.
 */
@Repository
class JobStore {

    /** Who a row's changes are recorded as when no user is acting (the runner, the sweep). */
    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JobStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A row as stored (the view adds the resolved message and the download link). */
    record JobRow(
            long id,
            long campaignId,
            String kind,
            String paramsKey,
            JobStatus status,
            int progress,
            String messageKey,
            List<String> messageArgs,
            long requestedByAccount,
            String requestedBy,
            String requestedByName,
            long requestedUnitId,
            String requestedRoles,
            String node,
            Instant createdAt,
            Instant startedAt,
            Instant heartbeatAt,
            Instant finishedAt,
            Instant expiresAt,
            String fileName,
            String filePath,
            String contentType,
            Long fileSize,
            String sha256) {}

    /** A finished file's facts. */
    record StoredFile(String fileName, String path, String contentType, long size, String sha256) {}

    /**
     * Queues a job; empty when the same job (campaign, kind, parameters) is already queued or running (the partial
     * unique index {@code report_job_active} decides, so that two clicks or two nodes queue it once).
     */
    Optional<Long> insert(long campaignId, String kind, String paramsKey, CurrentUser user, Instant now) {
        return jdbc.sql("insert into report_job (campaign_id, kind, params_key, status, progress, message_key,"
                        + " requested_by_account, requested_by, requested_by_name, requested_unit_id, requested_roles,"
                        + " created_at, created_by, updated_at, updated_by) values (:c, :kind, :params, 'QUEUED', 0,"
                        + " 'report.job.queued', :account, :by, :name, :unit, :roles, :now, :by, :now, :by)"
                        + " on conflict (campaign_id, kind, params_key) where status in ('QUEUED', 'RUNNING')"
                        + " do nothing returning id")
                .param("c", campaignId)
                .param("kind", kind)
                .param("params", paramsKey)
                .param("account", user.accountId())
                .param("by", user.username())
                .param("name", user.displayName())
                .param("unit", user.unitId())
                .param("roles", String.join(",", user.roles()))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    Optional<JobRow> active(long campaignId, String kind, String paramsKey) {
        return jdbc.sql("select * from report_job where campaign_id = ? and kind = ? and params_key = ?"
                        + " and status in ('QUEUED', 'RUNNING')")
                .params(campaignId, kind, paramsKey)
                .query(this::row)
                .optional();
    }

    Optional<JobRow> find(long id) {
        return jdbc.sql("select * from report_job where id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    /** The campaign's jobs, newest first. */
    List<JobRow> ofCampaign(long campaignId, int limit) {
        return jdbc.sql("select * from report_job where campaign_id = ? order by created_at desc, id desc limit ?")
                .params(campaignId, limit)
                .query(this::row)
                .list();
    }

    /**
     * Takes the oldest queued job for this node: one statement, the row locked with {@code skip locked} so that a
     * node never waits for another node's claim and never takes the same job.
     */
    Optional<JobRow> claim(String node, Instant now) {
        return jdbc.sql("update report_job set status = 'RUNNING', node = :node, started_at = :now,"
                        + " heartbeat_at = :now, progress = 0, message_key = 'report.job.started', message_args = null,"
                        + " updated_at = :now, updated_by = :system, row_version = row_version + 1"
                        + " where id = (select id from report_job where status = 'QUEUED' order by created_at, id"
                        + " limit 1 for update skip locked) returning *")
                .param("node", node)
                .param("now", Timestamp.from(now))
                .param("system", SYSTEM)
                .query(this::row)
                .optional();
    }

    /** Records progress (and that the node is alive); false when the job is no longer this node's to run. */
    boolean progress(long id, String node, int percent, String key, List<String> args, Instant now) {
        return jdbc.sql("update report_job set progress = :p, message_key = :key, message_args = :args,"
                                + " heartbeat_at = :now, updated_at = :now, row_version = row_version + 1"
                                + " where id = :id and node = :node and status = 'RUNNING'")
                        .param("p", Math.max(0, Math.min(100, percent)))
                        .param("key", key)
                        .param("args", write(args))
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("node", node)
                        .update()
                == 1;
    }

    /** The job is done and its file kept until {@code expiresAt}; false when it was no longer this node's. */
    boolean done(long id, String node, StoredFile file, Instant now, Instant expiresAt) {
        return jdbc.sql("update report_job set status = 'DONE', progress = 100, message_key = 'report.job.done',"
                                + " message_args = null, finished_at = :now, heartbeat_at = :now, expires_at = :expires,"
                                + " file_name = :name, file_path = :path, content_type = :type, file_size = :size,"
                                + " sha256 = :sha, updated_at = :now, updated_by = :system, row_version = row_version + 1"
                                + " where id = :id and node = :node and status = 'RUNNING'")
                        .param("now", Timestamp.from(now))
                        .param("expires", Timestamp.from(expiresAt))
                        .param("name", file.fileName())
                        .param("path", file.path())
                        .param("type", file.contentType())
                        .param("size", file.size())
                        .param("sha", file.sha256())
                        .param("system", SYSTEM)
                        .param("id", id)
                        .param("node", node)
                        .update()
                == 1;
    }

    /** The job failed, with the reason for the requester; kept (without a file) until {@code expiresAt}. */
    boolean failed(long id, String node, String key, List<String> args, Instant now, Instant expiresAt) {
        return jdbc.sql(
                                "update report_job set status = 'FAILED', message_key = :key, message_args = :args,"
                                        + " finished_at = :now, expires_at = :expires, updated_at = :now, updated_by = :system,"
                                        + " row_version = row_version + 1 where id = :id and node = :node and status = 'RUNNING'")
                        .param("key", key)
                        .param("args", write(args))
                        .param("now", Timestamp.from(now))
                        .param("expires", Timestamp.from(expiresAt))
                        .param("system", SYSTEM)
                        .param("id", id)
                        .param("node", node)
                        .update()
                == 1;
    }

    /** Running jobs whose node has not reported since {@code cutoff} (it stopped): failed; their ids. */
    List<Long> failStale(Instant cutoff, Instant now, Instant expiresAt) {
        return jdbc.sql("update report_job set status = 'FAILED', message_key = 'report.job.interrupted',"
                        + " message_args = null, finished_at = :now, expires_at = :expires, updated_at = :now,"
                        + " updated_by = :system, row_version = row_version + 1"
                        + " where status = 'RUNNING' and heartbeat_at < :cutoff returning id")
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .param("system", SYSTEM)
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .list();
    }

    /** A deleted job: what the sweep removes from the disk. */
    record Expired(long id, long campaignId, String kind, String filePath) {}

    /** Deletes the finished jobs whose retention ended at {@code now}; each row once, whichever node asks. */
    List<Expired> deleteExpired(Instant now) {
        return jdbc.sql("delete from report_job where expires_at <= ? and status in ('DONE', 'FAILED')"
                        + " returning id, campaign_id, kind, file_path")
                .param(Timestamp.from(now))
                .query((rs, i) -> new Expired(
                        rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("kind"), rs.getString("file_path")))
                .list();
    }

    /** Which of these ids are still jobs (to tell an orphan file from a job's). */
    Set<Long> existing(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbc
                .sql("select id from report_job where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(Long.class)
                .list()
                .stream()
                .collect(Collectors.toSet());
    }

    private JobRow row(ResultSet rs, int i) throws SQLException {
        return new JobRow(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getString("kind"),
                rs.getString("params_key"),
                JobStatus.valueOf(rs.getString("status")),
                rs.getInt("progress"),
                rs.getString("message_key"),
                read(rs.getString("message_args")),
                rs.getLong("requested_by_account"),
                rs.getString("requested_by"),
                rs.getString("requested_by_name"),
                rs.getLong("requested_unit_id"),
                rs.getString("requested_roles"),
                rs.getString("node"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "heartbeat_at"),
                instant(rs, "finished_at"),
                instant(rs, "expires_at"),
                rs.getString("file_name"),
                rs.getString("file_path"),
                rs.getString("content_type"),
                (Long) rs.getObject("file_size"),
                rs.getString("sha256"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(List<String> args) {
        if (args == null || args.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> read(String s) {
        if (s == null) {
            return List.of();
        }
        try {
            return Arrays.asList(json.readValue(s, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
