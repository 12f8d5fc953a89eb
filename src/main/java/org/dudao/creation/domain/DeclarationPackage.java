package org.dudao.creation.domain;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.campaign.TaskView;
import org.dudao.evidence.AttachmentView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.text.FormulaText;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 集中申报材料包: a ZIP for upload to the upper-level system, streamed (each file copied through a small
 * buffer, never held whole). Order: {@code 说明.txt}, {@code 清单.csv}, {@code 清单.xlsx}, then one folder
 * per indicator numbered so that it sorts ({@code 001_第1项…}), each with {@code 说明.txt} (the lead
 * unit's consolidated explanation and the units' explanations) and the materials the lead unit kept
 * (汇总备查), named {@code <任务序号>_<单位>_<原文件名>}.
 */
@Service
public class DeclarationPackage {

    static final List<String> MANIFEST =
            List.of("序号", "指标序号", "指标", "任务", "单位", "角色", "包内路径", "原文件名", "大小（字节）", "SHA-256");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int NAME_MAX = 60;

    private final CreationService service;
    private final CreationAccess access;
    private final CreationStore store;
    private final EvidenceApi evidence;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    DeclarationPackage(
            CreationService service,
            CreationAccess access,
            CreationStore store,
            EvidenceApi evidence,
            ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.service = service;
        this.access = access;
        this.store = store;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
    }

    record Item(
            int no,
            int indicatorNo,
            String indicator,
            TaskView task,
            String unit,
            String role,
            String path,
            AttachmentView file) {}

    /** The file name to offer: 申报材料_<活动>.zip. */
    public String fileName(long campaignId, CurrentUser user) {
        return "申报材料_"
                + safe(
                        access.office(campaignId, user, "creation.declaration.download")
                                .campaign()
                                .name(),
                        80) + ".zip";
    }

    @Transactional(readOnly = true)
    public void write(long campaignId, CurrentUser user, OutputStream target) {
        CreationAccess.Caller c = access.office(campaignId, user, "creation.declaration.download");
        Map<Long, TaskView> tasks = service.tasks(campaignId);
        Map<Long, String> names = service.unitNames(campaignId);
        // indicators in the system's order
        Map<String, Integer> indicatorNo = new LinkedHashMap<>();
        Map<String, String> folders = new HashMap<>();
        for (TaskView t : tasks.values()) {
            String ind = CreationService.indicatorOf(t);
            if (!indicatorNo.containsKey(ind)) {
                int n = indicatorNo.size() + 1;
                indicatorNo.put(ind, n);
                folders.put(ind, String.format("%03d_%s/", n, safe(ind, NAME_MAX)));
            }
        }
        List<CreationStore.AssignmentRow> rows = new ArrayList<>(store.assignments(campaignId));
        Map<Long, Integer> taskPos = new HashMap<>();
        int p = 0;
        for (Long id : tasks.keySet()) {
            taskPos.put(id, p++);
        }
        rows.sort((a, b) -> a.taskId() != b.taskId()
                ? Integer.compare(taskPos.get(a.taskId()), taskPos.get(b.taskId()))
                : a.role().equals(b.role()) ? Long.compare(a.id(), b.id()) : "LEAD".equals(a.role()) ? -1 : 1);
        Map<Long, List<AttachmentView>> files = new HashMap<>();
        List<Long> ids = rows.stream().map(CreationStore.AssignmentRow::id).toList();
        for (int i = 0; i < ids.size(); i += 5000) {
            files.putAll(
                    evidence.attachments(CreationService.MATERIAL, ids.subList(i, Math.min(ids.size(), i + 5000))));
        }
        List<Item> items = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (CreationStore.AssignmentRow r : rows) {
            if (!r.included()) {
                continue;
            }
            TaskView t = tasks.get(r.taskId());
            String ind = CreationService.indicatorOf(t);
            for (AttachmentView a : files.getOrDefault(r.id(), List.of())) {
                String unit = names.getOrDefault(r.unitId(), "#" + r.unitId());
                String base = safe((t.label() == null ? "" : t.label()) + "_" + unit + "_" + a.displayName(), 150);
                String path = folders.get(ind) + base;
                // Windows and macOS unpack "A.pdf" and "a.pdf" into one file: names clash case-insensitively
                for (int k = 2; !used.add(path.toLowerCase(java.util.Locale.ROOT)); k++) {
                    path = folders.get(ind) + dedupe(base, k);
                }
                items.add(new Item(items.size() + 1, indicatorNo.get(ind), ind, t, unit, r.role(), path, a));
            }
        }
        Map<Long, CreationStore.ConsolidationRow> consolidations = new HashMap<>();
        store.consolidations(campaignId).forEach(x -> consolidations.put(x.taskId(), x));
        long bytes = 0;
        try (ZipOutputStream zip = new ZipOutputStream(new NonClosing(target), StandardCharsets.UTF_8)) {
            put(zip, "说明.txt", readme(c, indicatorNo.size(), items).getBytes(StandardCharsets.UTF_8));
            put(zip, "清单.csv", csv(items));
            zip.putNextEntry(new ZipEntry("清单.xlsx"));
            xlsx(items, zip);
            zip.closeEntry();
            for (Map.Entry<String, Integer> ind : indicatorNo.entrySet()) {
                String folder = folders.get(ind.getKey());
                zip.putNextEntry(new ZipEntry(folder));
                zip.closeEntry();
                String notes = explanations(ind.getKey(), tasks, rows, consolidations, names);
                if (!notes.isEmpty()) {
                    put(zip, folder + "说明.txt", notes.getBytes(StandardCharsets.UTF_8));
                }
                for (Item it : items) {
                    if (it.indicatorNo() != ind.getValue()) {
                        continue;
                    }
                    zip.putNextEntry(new ZipEntry(it.path()));
                    try (InputStream in = evidence.open(it.file(), user).content()) {
                        bytes += in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(AuditEvent.success(
                "creation.declaration.download",
                CreationAccess.TYPE,
                campaignId,
                null,
                Map.of("files", items.size(), "bytes", bytes, "indicators", indicatorNo.size())));
    }

    private String readme(CreationAccess.Caller c, int indicators, List<Item> items) {
        long size = items.stream().mapToLong(i -> i.file().size()).sum();
        return String.join(
                "\r\n",
                c.campaign().name() + " 集中申报材料包",
                "文号：" + (c.campaign().documentNo() == null ? "" : c.campaign().documentNo()),
                "生成时间：" + TIME.format(clock.instant().atZone(ClockConfiguration.ZONE)) + "（北京时间），生成人："
                        + c.user().displayName(),
                "指标数：" + indicators + "；材料文件数：" + items.size() + "；合计 " + size + " 字节。",
                "",
                "目录按指标体系顺序排列，每个指标一个文件夹（三位序号_指标名称，名称过长的截断），文件夹内为牵头单位汇总备查时保留的材料，"
                        + "文件名为“任务序号_单位_原文件名”；各文件夹的“说明.txt”为牵头单位的汇总说明和各单位的材料说明。",
                "清单.csv（UTF-8）和清单.xlsx 列出每个文件的指标、任务、单位、包内路径、大小和 SHA-256，可用于核对文件完整性。",
                "没有材料的指标也保留文件夹，便于对照查漏补缺。",
                "");
    }

    private static String explanations(
            String indicator,
            Map<Long, TaskView> tasks,
            List<CreationStore.AssignmentRow> rows,
            Map<Long, CreationStore.ConsolidationRow> consolidations,
            Map<Long, String> names) {
        StringBuilder sb = new StringBuilder();
        for (TaskView t : tasks.values()) {
            if (!CreationService.indicatorOf(t).equals(indicator)) {
                continue;
            }
            StringBuilder part = new StringBuilder();
            CreationStore.ConsolidationRow cons = consolidations.get(t.id());
            if (cons != null && !cons.explanation().isBlank()) {
                part.append("【汇总说明 · ")
                        .append(names.getOrDefault(cons.unitId(), ""))
                        .append("】\r\n")
                        .append(cons.explanation())
                        .append("\r\n");
            }
            for (CreationStore.AssignmentRow r : rows) {
                if (r.taskId() == t.id()
                        && r.included()
                        && r.explanation() != null
                        && !r.explanation().isBlank()) {
                    part.append("【")
                            .append(names.getOrDefault(r.unitId(), ""))
                            .append("】\r\n")
                            .append(r.explanation())
                            .append("\r\n");
                }
            }
            if (part.length() > 0) {
                sb.append("== ")
                        .append(t.title())
                        .append(" ==\r\n")
                        .append(part)
                        .append("\r\n");
            }
        }
        return sb.toString();
    }

    private static byte[] csv(List<Item> items) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", MANIFEST)).append("\r\n");
        for (Item i : items) {
            sb.append(String.join(
                            ",",
                            String.valueOf(i.no()),
                            String.valueOf(i.indicatorNo()),
                            cell(i.indicator()),
                            cell(i.task().title()),
                            cell(i.unit()),
                            "LEAD".equals(i.role()) ? "牵头单位" : "责任单位",
                            cell(i.path()),
                            cell(i.file().displayName()),
                            String.valueOf(i.file().size()),
                            i.file().sha256()))
                    .append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV cell, quoted; a leading formula character is neutralised with an apostrophe. */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (FormulaText.looksLikeFormula(s)) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void xlsx(List<Item> items, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("申报材料清单");
            Row head = sheet.createRow(0);
            for (int c = 0; c < MANIFEST.size(); c++) {
                head.createCell(c).setCellValue(MANIFEST.get(c));
            }
            int[] widths = {6, 8, 40, 50, 24, 10, 60, 30, 14, 66};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            int r = 1;
            for (Item i : items) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(i.no());
                row.createCell(1).setCellValue(i.indicatorNo());
                row.createCell(2).setCellValue(i.indicator());
                row.createCell(3).setCellValue(i.task().title());
                row.createCell(4).setCellValue(i.unit());
                row.createCell(5).setCellValue("LEAD".equals(i.role()) ? "牵头单位" : "责任单位");
                row.createCell(6).setCellValue(i.path());
                row.createCell(7).setCellValue(i.file().displayName());
                row.createCell(8).setCellValue(i.file().size());
                row.createCell(9).setCellValue(i.file().sha256());
            }
            sheet.createFreezePane(0, 1);
            wb.write(new NonClosing(out));
            wb.dispose();
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A name safe in a ZIP on Windows and macOS: no separators or reserved characters, at most {@code max} chars. */
    static String safe(String s, int max) {
        String v = (s == null ? "" : s)
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_")
                .replaceAll("\\s+", " ")
                .strip()
                // Windows drops trailing dots and spaces, which would merge "a." and "a"
                .replaceAll("[. ]+$", "");
        if (v.codePointCount(0, v.length()) > max) {
            int keep = max;
            String ext = "";
            int dot = v.lastIndexOf('.');
            if (dot > 0 && v.length() - dot <= 6) {
                ext = v.substring(dot);
                keep = max - ext.length();
            }
            v = v.substring(0, v.offsetByCodePoints(0, keep)) + "…" + ext;
        }
        return v.isEmpty() ? "_" : v;
    }

    private static String dedupe(String base, int k) {
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) + "(" + k + ")" + base.substring(dot) : base + "(" + k + ")";
    }

    /** Lets a writer that closes its stream write into one entry of the ZIP. */
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
            out.flush();
        }
    }
}
