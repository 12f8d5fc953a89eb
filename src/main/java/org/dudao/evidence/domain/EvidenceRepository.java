package org.dudao.evidence.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.dudao.evidence.EventView;
import org.dudao.evidence.FileView;
import org.dudao.evidence.LinkView;
import org.dudao.evidence.SubmissionStatus;
import org.dudao.evidence.VersionView;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Submissions, files, links, versions and history in PostgreSQL. */
@Repository
public class EvidenceRepository {

    private static final String SUBMISSION =
            "select id, campaign_id, target_id, task_id, status, explanation, checklist,"
                    + " versions, submitted_at, returned_at, return_reason from evidence_submission";
    private static final String FILE = "select f.*, f.withdrawn_at as w from evidence_file f";

    private final JdbcClient jdbc;

    public EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Submission> find(long targetId, long taskId) {
        return jdbc.sql(SUBMISSION + " where target_id = ? and task_id = ?")
                .params(targetId, taskId)
                .query(EvidenceRepository::submission)
                .optional();
    }

    public Optional<Submission> find(long id) {
        return jdbc.sql(SUBMISSION + " where id = ?")
                .param(id)
                .query(EvidenceRepository::submission)
                .optional();
    }

    /**
     * The submission row for (target, task), created as a draft if absent, locked for this transaction:
     * concurrent changes of one submission (a double click) run one after the other.
     */
    Submission lockOrCreate(long campaignId, long targetId, long taskId, String user) {
        jdbc.sql("insert into evidence_submission (campaign_id, target_id, task_id, status, created_by, updated_by)"
                        + " values (?, ?, ?, 'DRAFT', ?, ?) on conflict (target_id, task_id) do nothing")
                .params(campaignId, targetId, taskId, user, user)
                .update();
        return jdbc.sql(SUBMISSION + " where target_id = ? and task_id = ? for update")
                .params(targetId, taskId)
                .query(EvidenceRepository::submission)
                .single();
    }

    Optional<Submission> lock(long id) {
        return jdbc.sql(SUBMISSION + " where id = ? for update")
                .param(id)
                .query(EvidenceRepository::submission)
                .optional();
    }

    void save(Submission s, String user) {
        jdbc.sql("update evidence_submission set status = ?, explanation = ?, checklist = ?, versions = ?,"
                        + " submitted_at = ?, submitted_by = case when ? then ? else submitted_by end,"
                        + " returned_at = ?, return_reason = ?, returned_by = case when ? then ? else returned_by end,"
                        + " updated_at = now(), updated_by = ?, row_version = row_version + 1 where id = ?")
                .params(
                        s.status.name(),
                        s.explanation,
                        s.checklist.toArray(String[]::new),
                        s.versions,
                        ts(s.submittedAt),
                        s.status == SubmissionStatus.SUBMITTED || s.status == SubmissionStatus.RESUBMITTED,
                        user,
                        ts(s.returnedAt),
                        s.returnReason,
                        s.status == SubmissionStatus.RETURNED,
                        user,
                        user,
                        s.id)
                .update();
    }

    void insertBlob(String sha256, long size, String contentType) {
        jdbc.sql("insert into evidence_blob (sha256, size, content_type) values (?, ?, ?)"
                        + " on conflict (sha256) do nothing")
                .params(sha256, size, contentType)
                .update();
    }

    long insertFile(
            long submissionId,
            String sha256,
            String displayName,
            String fileType,
            String contentType,
            long size,
            String user) {
        return jdbc.sql("insert into evidence_file (submission_id, sha256, display_name, file_type, content_type,"
                        + " size, uploaded_by) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(submissionId, sha256, displayName, fileType, contentType, size, user)
                .query(Long.class)
                .single();
    }

    int withdrawFile(long fileId, long submissionId, String user) {
        return jdbc.sql("update evidence_file set withdrawn_at = now(), withdrawn_by = ? where id = ?"
                        + " and submission_id = ? and withdrawn_at is null")
                .params(user, fileId, submissionId)
                .update();
    }

    long insertLink(long submissionId, String url, String title, Long screenshotFileId, String user) {
        return jdbc.sql("insert into evidence_link (submission_id, url, title, screenshot_file_id, added_by)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(submissionId, url, title, screenshotFileId, user)
                .query(Long.class)
                .single();
    }

    int withdrawLink(long linkId, long submissionId, String user) {
        return jdbc.sql("update evidence_link set withdrawn_at = now(), withdrawn_by = ? where id = ?"
                        + " and submission_id = ? and withdrawn_at is null")
                .params(user, linkId, submissionId)
                .update();
    }

    public List<FileView> files(long submissionId) {
        return jdbc.sql(FILE + " where f.submission_id = ? order by f.id")
                .param(submissionId)
                .query(EvidenceRepository::file)
                .list();
    }

    public Optional<FileView> file(long fileId) {
        return jdbc.sql(FILE + " where f.id = ?")
                .param(fileId)
                .query(EvidenceRepository::file)
                .optional();
    }

    public List<LinkView> links(long submissionId) {
        return jdbc.sql("select * from evidence_link where submission_id = ? order by id")
                .param(submissionId)
                .query((rs, i) -> {
                    // read as an object: wasNull() would answer for whichever column was read last
                    Long shot = rs.getObject("screenshot_file_id", Long.class);
                    return new LinkView(
                            rs.getLong("id"),
                            rs.getString("url"),
                            rs.getString("title"),
                            shot,
                            rs.getString("added_by"),
                            instant(rs, "added_at"),
                            instant(rs, "withdrawn_at"));
                })
                .list();
    }

    void insertVersion(Submission s, List<Long> fileIds, List<Long> linkIds, Instant at, String user) {
        jdbc.sql("insert into evidence_version (submission_id, number, explanation, checklist, file_ids, link_ids,"
                        + " submitted_at, submitted_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id,
                        s.versions,
                        s.explanation,
                        s.checklist.toArray(String[]::new),
                        fileIds.toArray(Long[]::new),
                        linkIds.toArray(Long[]::new),
                        Timestamp.from(at),
                        user)
                .update();
    }

    public List<VersionView> versions(long submissionId) {
        return jdbc.sql("select * from evidence_version where submission_id = ? order by number desc")
                .param(submissionId)
                .query((rs, i) -> new VersionView(
                        rs.getInt("number"),
                        rs.getString("explanation"),
                        strings(rs.getArray("checklist")),
                        longs(rs.getArray("file_ids")),
                        longs(rs.getArray("link_ids")),
                        instant(rs, "submitted_at"),
                        rs.getString("submitted_by")))
                .list();
    }

    void event(
            long submissionId, String action, SubmissionStatus from, SubmissionStatus to, String detail, String user) {
        jdbc.sql("insert into evidence_event (submission_id, action, from_status, to_status, detail, actor)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        submissionId,
                        action,
                        from == null ? null : from.name(),
                        to == null ? null : to.name(),
                        detail,
                        user)
                .update();
    }

    public List<EventView> events(long submissionId) {
        return jdbc.sql("select * from evidence_event where submission_id = ? order by id")
                .param(submissionId)
                .query((rs, i) -> new EventView(
                        rs.getString("action"),
                        status(rs.getString("from_status")),
                        status(rs.getString("to_status")),
                        rs.getString("detail"),
                        rs.getString("actor"),
                        instant(rs, "at")))
                .list();
    }

    /** One row per started submission of a campaign: the matrix and the progress tables. */
    public record Cell(long submissionId, long targetId, long taskId, SubmissionStatus status, int files) {}

    public List<Cell> cells(long campaignId) {
        return jdbc.sql("select s.id, s.target_id, s.task_id, s.status, (select count(*) from evidence_file f"
                        + " where f.submission_id = s.id and f.withdrawn_at is null) as files"
                        + " from evidence_submission s where s.campaign_id = ?")
                .param(campaignId)
                .query((rs, i) -> new Cell(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        SubmissionStatus.valueOf(rs.getString(4)),
                        rs.getInt(5)))
                .list();
    }

    /** A current file whose bytes another target also sent; {@code place} says where, for the assessor. */
    public record Duplicate(long fileId, long submissionId, String place) {}

    /**
     * Files of the campaign (of one submission when {@code submissionId} is given) whose bytes were also
     * sent by another target, of this campaign or of an earlier one; one row per other place, e.g.
     * "2026 平顶山市…考核 · 郏县人民政府 · 证明事项清理情况".
     */
    public List<Duplicate> duplicates(long campaignId, Long submissionId) {
        return jdbc.sql("select f.id, f.submission_id, c2.year, c2.name as campaign, u2.name as unit, k2.name as task"
                        + " from evidence_file f join evidence_submission s on s.id = f.submission_id"
                        + " join evidence_file f2 on f2.sha256 = f.sha256 and f2.id <> f.id"
                        + " join evidence_submission s2 on s2.id = f2.submission_id and s2.target_id <> s.target_id"
                        + " join campaign c2 on c2.id = s2.campaign_id join campaign_target t2 on t2.id = s2.target_id"
                        + " join organization_unit u2 on u2.id = t2.unit_id join campaign_task k2 on k2.id = s2.task_id"
                        + " where s.campaign_id = :c and (cast(:s as bigint) is null or s.id = :s)"
                        + " and f.withdrawn_at is null order by f.id, c2.year, u2.name")
                .param("c", campaignId)
                .param("s", submissionId, java.sql.Types.BIGINT)
                .query((rs, i) -> new Duplicate(
                        rs.getLong("id"),
                        rs.getLong("submission_id"),
                        rs.getInt("year") + " " + rs.getString("campaign") + " · " + rs.getString("unit") + " · "
                                + rs.getString("task")))
                .list();
    }

    /** Every file of a campaign (or of one target) with its submission's place, for packages. */
    public record PackagedFile(
            long fileId,
            long targetId,
            long taskId,
            String sha256,
            String displayName,
            long size,
            String uploadedBy,
            Instant uploadedAt,
            SubmissionStatus status) {}

    public void forEachCurrentFile(long campaignId, Long targetId, Consumer<PackagedFile> action) {
        jdbc.sql("select f.id, s.target_id, s.task_id, f.sha256, f.display_name, f.size, f.uploaded_by,"
                        + " f.uploaded_at, s.status from evidence_file f join evidence_submission s"
                        + " on s.id = f.submission_id where s.campaign_id = :c and (cast(:t as bigint) is null"
                        + " or s.target_id = :t) and f.withdrawn_at is null order by s.target_id, s.task_id, f.id")
                .param("c", campaignId)
                .param("t", targetId, java.sql.Types.BIGINT)
                .query((RowCallbackHandler) rs -> action.accept(new PackagedFile(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7),
                        instant(rs, "uploaded_at"),
                        SubmissionStatus.valueOf(rs.getString(9)))));
    }

    public boolean blobReferenced(String sha256) {
        return jdbc.sql("select exists (select 1 from evidence_blob where sha256 = ?)")
                .param(sha256)
                .query(Boolean.class)
                .single();
    }

    public List<String> allBlobHashes() {
        return jdbc.sql("select sha256 from evidence_blob").query(String.class).list();
    }

    // ---- resumable uploads

    public record Upload(
            UUID id,
            long campaignId,
            long targetId,
            long taskId,
            String originalName,
            long declaredSize,
            long received,
            String clientSha256,
            String createdBy) {}

    void insertUpload(Upload u) {
        jdbc.sql("insert into evidence_upload (id, campaign_id, target_id, task_id, original_name, declared_size,"
                        + " client_sha256, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        u.id(),
                        u.campaignId(),
                        u.targetId(),
                        u.taskId(),
                        u.originalName(),
                        u.declaredSize(),
                        u.clientSha256(),
                        u.createdBy())
                .update();
    }

    Optional<Upload> lockUpload(UUID id) {
        return jdbc.sql("select * from evidence_upload where id = ? for update")
                .param(id)
                .query((rs, i) -> new Upload(
                        rs.getObject("id", UUID.class),
                        rs.getLong("campaign_id"),
                        rs.getLong("target_id"),
                        rs.getLong("task_id"),
                        rs.getString("original_name"),
                        rs.getLong("declared_size"),
                        rs.getLong("received"),
                        rs.getString("client_sha256"),
                        rs.getString("created_by")))
                .optional();
    }

    void uploadReceived(UUID id, long received) {
        jdbc.sql("update evidence_upload set received = ?, updated_at = now() where id = ?")
                .params(received, id)
                .update();
    }

    void deleteUpload(UUID id) {
        jdbc.sql("delete from evidence_upload where id = ?").param(id).update();
    }

    List<UUID> staleUploads(Instant before) {
        return jdbc.sql("select id from evidence_upload where updated_at < ?")
                .param(Timestamp.from(before))
                .query(UUID.class)
                .list();
    }

    // ---- reminders

    public record Reminder(long id, long targetId, String message, String sentBy, Instant sentAt) {}

    void insertReminder(long campaignId, long targetId, String message, String user) {
        jdbc.sql("insert into evidence_reminder (campaign_id, target_id, message, sent_by) values (?, ?, ?, ?)")
                .params(campaignId, targetId, message, user)
                .update();
    }

    public List<Reminder> reminders(long targetId) {
        return jdbc.sql("select * from evidence_reminder where target_id = ? order by sent_at desc limit 20")
                .param(targetId)
                .query((rs, i) -> new Reminder(
                        rs.getLong("id"),
                        rs.getLong("target_id"),
                        rs.getString("message"),
                        rs.getString("sent_by"),
                        instant(rs, "sent_at")))
                .list();
    }

    // ---- mapping

    private static Submission submission(ResultSet rs, int i) throws SQLException {
        return new Submission(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                rs.getLong("task_id"),
                SubmissionStatus.valueOf(rs.getString("status")),
                rs.getString("explanation"),
                new ArrayList<>(strings(rs.getArray("checklist"))),
                rs.getInt("versions"),
                instant(rs, "submitted_at"),
                instant(rs, "returned_at"),
                rs.getString("return_reason"));
    }

    private static FileView file(ResultSet rs, int i) throws SQLException {
        String type = rs.getString("file_type");
        return new FileView(
                rs.getLong("id"),
                rs.getLong("submission_id"),
                rs.getString("sha256"),
                rs.getString("display_name"),
                type,
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("uploaded_by"),
                instant(rs, "uploaded_at"),
                instant(rs, "withdrawn_at"),
                rs.getString("withdrawn_by"),
                switch (type) {
                    case "PDF", "JPG", "PNG", "MP4" -> true;
                    default -> false;
                });
    }

    private static SubmissionStatus status(String s) {
        return s == null ? null : SubmissionStatus.valueOf(s);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    static List<Long> longs(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
    }
}
