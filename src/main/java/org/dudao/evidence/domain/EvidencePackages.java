package org.dudao.evidence.domain;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evidence.domain.EvidenceRepository.PackagedFile;
import org.dudao.evidence.store.BlobStore;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * 材料包: every current file of a campaign, a target or a task as one ZIP organised by indicator path
 * (考核对象/一级指标/二级指标/工作任务/文件), with a manifest ({@code 清单.xlsx} and {@code manifest.json})
 * giving each file's path, SHA-256, size, uploader and time — the package 集中申报 sends upward. Files
 * are copied from the store 64 KB at a time and re-verified on the way, so the memory needed does not
 * grow with the size of the package; only the manifest's rows (a few hundred bytes per file) are kept.
 */
@Service
public class EvidencePackages {

    private final CampaignApi campaigns;
    private final EvidenceRepository repo;
    private final EvidenceAccess access;
    private final BlobStore store;
    private final ApplicationEventPublisher events;

    EvidencePackages(
            CampaignApi campaigns,
            EvidenceRepository repo,
            EvidenceAccess access,
            BlobStore store,
            ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.repo = repo;
        this.access = access;
        this.store = store;
        this.events = events;
    }

    /** What a package holds, checked before the response starts. */
    public record Scope(CampaignView campaign, Long targetId, Long taskId, String fileName) {}

    /** The whole campaign: the office only. */
    public Scope campaignScope(long campaignId, CurrentUser user) {
        CampaignView c = campaigns.managed(campaignId, user);
        return new Scope(c, null, null, c.name() + "-材料包.zip");
    }

    /** One target: the office, or the target itself. */
    public Scope targetScope(long campaignId, long targetId, CurrentUser user) {
        CampaignView c = campaigns.campaign(campaignId);
        TargetView t = campaigns
                .target(targetId)
                .filter(x -> x.campaignId() == campaignId)
                .orElse(null);
        if (t == null || !(t.unitId() == user.unitId() || campaigns.isOffice(c, user))) {
            access.denied("evidence.package", targetId, "not the target or the office");
            throw new org.dudao.shared.error.NotFoundException("campaign-target", targetId);
        }
        return new Scope(c, targetId, null, c.name() + "-" + t.name() + "-材料包.zip");
    }

    /** One task for all targets: the task's assessor, or the office. */
    public Scope taskScope(long campaignId, long taskId, CurrentUser user) {
        CampaignView c = campaigns.campaign(campaignId);
        TaskView task =
                campaigns.task(taskId).filter(x -> x.campaignId() == campaignId).orElse(null);
        boolean assessor = task != null && task.assessorUnitId() != null && task.assessorUnitId() == user.unitId();
        if (task == null || !(assessor || campaigns.isOffice(c, user))) {
            access.denied("evidence.package", taskId, "not the task's assessor or the office");
            throw new org.dudao.shared.error.NotFoundException("campaign-task", taskId);
        }
        return new Scope(c, null, taskId, c.name() + "-" + shorten(task.name(), 30) + "-材料包.zip");
    }

    record ManifestRow(
            String path, String target, String task, String sha256, long size, String uploadedBy, Instant uploadedAt) {}

    /** Writes the package; the stream is not closed. */
    public void write(Scope scope, OutputStream out, CurrentUser user) throws IOException {
        long campaignId = scope.campaign().id();
        Map<Long, TargetView> targets = new HashMap<>();
        campaigns.targets(campaignId).forEach(t -> targets.put(t.id(), t));
        Map<Long, TaskView> tasks = new HashMap<>();
        campaigns.tasks(campaignId).forEach(t -> tasks.put(t.id(), t));
        Predicate<PackagedFile> wanted = f -> scope.taskId() == null || f.taskId() == scope.taskId();
        List<ManifestRow> manifest = new ArrayList<>();
        Set<String> used = new HashSet<>();
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
        IOException[] failure = new IOException[1];
        repo.forEachCurrentFile(campaignId, scope.targetId(), f -> {
            if (failure[0] != null || !wanted.test(f)) {
                return;
            }
            TargetView target = targets.get(f.targetId());
            TaskView task = tasks.get(f.taskId());
            StringBuilder dir = new StringBuilder(segment(target.name())).append('/');
            for (String p : task.path()) {
                dir.append(segment(p)).append('/');
            }
            dir.append(segment(task.title())).append('/');
            String path = unique(dir + segment(f.displayName()), used);
            try (InputStream in = store.open(f.sha256())) {
                ZipEntry entry = new ZipEntry(path);
                entry.setTime(f.uploadedAt().toEpochMilli());
                zip.putNextEntry(entry);
                in.transferTo(zip);
                zip.closeEntry();
            } catch (IOException e) {
                failure[0] = e;
                return;
            }
            manifest.add(new ManifestRow(
                    path, target.name(), task.title(), f.sha256(), f.size(), f.uploadedBy(), f.uploadedAt()));
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        zip.putNextEntry(new ZipEntry("manifest.json"));
        writeJson(scope, manifest, zip);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("清单.xlsx"));
        writeXlsx(manifest, zip);
        zip.closeEntry();
        zip.finish();
        zip.flush();
        events.publishEvent(AuditEvent.success(
                "evidence.package",
                "campaign",
                campaignId,
                null,
                SubmissionService.map(
                        "targetId", scope.targetId(), "taskId", scope.taskId(), "files", manifest.size())));
    }

    private static void writeJson(Scope scope, List<ManifestRow> rows, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(new NonClosing(out), JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("campaign", scope.campaign().name());
        g.writeNumberField("year", scope.campaign().year());
        g.writeStringField("generatedAt", Instant.now().toString());
        g.writeNumberField("files", rows.size());
        g.writeArrayFieldStart("entries");
        for (ManifestRow r : rows) {
            g.writeStartObject();
            g.writeStringField("path", r.path());
            g.writeStringField("target", r.target());
            g.writeStringField("task", r.task());
            g.writeStringField("sha256", r.sha256());
            g.writeNumberField("size", r.size());
            g.writeStringField("uploadedBy", r.uploadedBy());
            g.writeStringField("uploadedAt", r.uploadedAt().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.close();
    }

    private static void writeXlsx(List<ManifestRow> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("材料清单");
            String[] head = {"序号", "文件路径", "考核对象", "工作任务", "SHA-256", "大小（字节）", "上传人", "上传时间"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int n = 1;
            for (ManifestRow r : rows) {
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(n);
                row.createCell(1).setCellValue(r.path());
                row.createCell(2).setCellValue(r.target());
                row.createCell(3).setCellValue(r.task());
                row.createCell(4).setCellValue(r.sha256());
                row.createCell(5).setCellValue(r.size());
                row.createCell(6).setCellValue(r.uploadedBy());
                row.createCell(7).setCellValue(SubmissionService.SHOWN.format(r.uploadedAt()));
                n++;
            }
            wb.write(new NonClosing(out));
            wb.dispose();
        }
    }

    /** A file-system-safe path segment (no separators, no control characters, at most 60 characters). */
    static String segment(String s) {
        String clean = (s == null ? "" : s)
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\p{Cf}]", "_")
                .replaceAll("^[. ]+|[. ]+$", "")
                .strip();
        if (clean.isEmpty()) {
            clean = "_";
        }
        return shorten(clean, 60);
    }

    private static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 && s.length() - dot <= 8 ? s.substring(dot) : "";
        return s.substring(0, s.offsetByCodePoints(0, max - ext.length())) + ext;
    }

    private static String unique(String path, Set<String> used) {
        if (used.add(path)) {
            return path;
        }
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        String base = dot > slash ? path.substring(0, dot) : path;
        String ext = dot > slash ? path.substring(dot) : "";
        for (int i = 2; ; i++) {
            String p = base + " (" + i + ")" + ext;
            if (used.add(p)) {
                return p;
            }
        }
    }

    /** Keeps the response stream open when a writer closes its own stream. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
