package org.dudao.plan.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.organization.UnitView;
import org.dudao.plan.PlanOverview;
import org.dudao.plan.PlanStatus;
import org.dudao.plan.PlanTaskView;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.text.FormulaText;
import org.dudao.shared.text.UploadedXlsx;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's overview (counts by heading and by unit), the ledger (任务台账) as xlsx and the bulk
 * assignment from that same xlsx filled in (columns 序号, 牵头单位, 配合单位; unit names separated by
 * 、 , ; or line breaks), all rows or none.
 */
@Service
@Transactional(readOnly = true)
public class PlanLedger {

    static final String[] HEADER = {
        "序号", "一级标题", "二级标题", "任务", "牵头单位", "配合单位", "源文件是否列明责任单位", "完成时限", "状态", "状态说明", "各年度进展报告（单位数）", "来源"
    };
    static final int COL_LABEL = 0;
    static final int COL_LEAD = 4;
    static final int COL_CO = 5;

    private final PlanService service;
    private final PlanStore store;
    private final DudaoProperties properties;

    PlanLedger(PlanService service, PlanStore store, DudaoProperties properties) {
        this.service = service;
        this.store = store;
        this.properties = properties;
    }

    /** The overview: office and leaders only. */
    public PlanOverview overview(long campaignId, CurrentUser user) {
        PlanService.Caller c = service.caller(campaignId, user);
        if (!c.readsAll()) {
            throw service.denied("plan.overview.read", campaignId, "not the office or a leader");
        }
        return overview(campaignId, service.today());
    }

    /** Task counts per status as of today (no access check). */
    public Map<PlanStatus, Integer> totals(long campaignId) {
        return overview(campaignId, service.today()).totals();
    }

    PlanOverview overview(long campaignId, java.time.LocalDate today) {
        List<PlanTaskView> tasks = service.allTasks(campaignId, today);
        Map<PlanStatus, Integer> totals = new EnumMap<>(PlanStatus.class);
        Map<String, Map<PlanStatus, Integer>> byHeading = new LinkedHashMap<>();
        Map<Long, Map<PlanStatus, Integer>> byUnit = new LinkedHashMap<>();
        Map<Long, String> unitNames = new HashMap<>();
        int unassigned = 0;
        for (PlanTaskView t : tasks) {
            totals.merge(t.status(), 1, Integer::sum);
            byHeading
                    .computeIfAbsent(t.heading(), k -> new EnumMap<>(PlanStatus.class))
                    .merge(t.status(), 1, Integer::sum);
            if (!t.assigned()) {
                unassigned++;
            }
            List<PlanTaskView.UnitRef> units = new ArrayList<>(t.leads());
            units.addAll(t.cos());
            for (PlanTaskView.UnitRef u : units) {
                unitNames.put(u.unitId(), u.name());
                byUnit.computeIfAbsent(u.unitId(), k -> new EnumMap<>(PlanStatus.class))
                        .merge(t.status(), 1, Integer::sum);
            }
        }
        List<PlanOverview.Row> headings = new ArrayList<>();
        byHeading.forEach((h, m) -> headings.add(new PlanOverview.Row(h, h, m, sum(m))));
        List<PlanOverview.Row> units = new ArrayList<>();
        byUnit.forEach((u, m) -> units.add(new PlanOverview.Row(String.valueOf(u), unitNames.get(u), m, sum(m))));
        units.sort((a, b) ->
                b.total() != a.total() ? b.total() - a.total() : a.label().compareTo(b.label()));
        return new PlanOverview(
                campaignId,
                today,
                tasks.size(),
                totals,
                unassigned,
                headings,
                units,
                tasks.stream().filter(t -> t.status() == PlanStatus.OVERDUE).toList());
    }

    private static int sum(Map<PlanStatus, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The ledger as xlsx: office and leaders; one row per task. */
    public byte[] ledgerXlsx(long campaignId, CurrentUser user) {
        PlanService.Caller c = service.caller(campaignId, user);
        if (!c.readsAll()) {
            throw service.denied("plan.ledger.export", campaignId, "not the office or a leader");
        }
        List<PlanTaskView> tasks = service.allTasks(campaignId, service.today());
        Map<Long, Map<Integer, Integer>> reports = new HashMap<>();
        store.reports(campaignId)
                .forEach(r -> reports.computeIfAbsent(r.taskId(), k -> new java.util.TreeMap<>())
                        .merge(r.year(), 1, Integer::sum));
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("任务台账");
            CellStyle text = wb.createCellStyle();
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                head.createCell(i, CellType.STRING).setCellValue(HEADER[i]);
            }
            int r = 1;
            for (PlanTaskView t : tasks) {
                Row row = sheet.createRow(r++);
                List<String> yearly = new ArrayList<>();
                reports.getOrDefault(t.id(), Map.of()).forEach((y, n) -> yearly.add(y + "年：" + n));
                String[] values = {
                    t.label(),
                    t.heading(),
                    t.subheading(),
                    t.name(),
                    join(t.leads()),
                    join(t.cos()),
                    t.sourceNamedUnits() ? "是" : "否（源文件未列明，由考核办指定）",
                    t.due() == null ? "" : t.due().toString(),
                    PlanService.label(t.status()),
                    t.reason(),
                    String.join("；", yearly),
                    t.sourceRef()
                };
                for (int i = 0; i < values.length; i++) {
                    cell(row, i, values[i], text, quoted);
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setColumnWidth(3, 40 * 256);
            sheet.setColumnWidth(4, 24 * 256);
            sheet.setColumnWidth(5, 30 * 256);
            sheet.setColumnWidth(9, 40 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text that Excel or WPS would take for a formula (=, +, -, @, or a tab/CR first) is stored as text
     * with the quote prefix (the cell shows it as typed and never evaluates it).
     */
    static void cell(Row row, int col, String v, CellStyle text, CellStyle quoted) {
        Cell c = row.createCell(col, CellType.STRING);
        String value = v == null ? "" : v;
        c.setCellValue(value);
        c.setCellStyle(FormulaText.looksLikeFormula(value) ? quoted : text);
    }

    private static String join(List<PlanTaskView.UnitRef> units) {
        return String.join("、", units.stream().map(PlanTaskView.UnitRef::name).toList());
    }

    /** What an import did. */
    public record ImportResult(int rows, int tasks) {}

    /**
     * Assigns lead and co-units from the ledger xlsx filled in by the office: every row whose 牵头单位 is
     * not blank replaces that task's units. Any error (unknown 序号, unknown unit, a unit twice) refuses
     * the whole file with the sheet rows named; nothing is saved.
     */
    @Transactional
    public ImportResult importAssignments(long campaignId, byte[] bytes, CurrentUser user) {
        PlanService.Caller c = service.caller(campaignId, user);
        if (!c.office()) {
            throw service.denied("plan.task.assign", campaignId, "not the plan's office");
        }
        Map<String, Long> taskByLabel = new HashMap<>();
        service.allTasks(campaignId, service.today()).forEach(t -> taskByLabel.put(labelKey(t.label()), t.id()));
        Map<String, Long> unitByName = new HashMap<>();
        for (UnitView u : service.jurisdictionUnits(c.campaign().ownerUnitId()).values()) {
            unitByName.put(u.name(), u.id());
            if (u.shortName() != null && !u.shortName().isBlank()) {
                unitByName.putIfAbsent(u.shortName(), u.id());
            }
        }
        List<String> errors = new ArrayList<>();
        List<PlanService.AssignCommand> commands = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = UploadedXlsx.open(bytes, properties.upload())) {
            Sheet sheet = wb.getSheetAt(0);
            int last = sheet.getLastRowNum();
            if (last > properties.upload().maxImportRows()) {
                throw new InvalidInputException(
                        "file", "import.tooManyRows", properties.upload().maxImportRows());
            }
            Row head = sheet.getRow(0);
            if (head == null
                    || !"序号".equals(fmt.formatCellValue(head.getCell(COL_LABEL)).strip())
                    || !"牵头单位"
                            .equals(fmt.formatCellValue(head.getCell(COL_LEAD)).strip())
                    || !"配合单位".equals(fmt.formatCellValue(head.getCell(COL_CO)).strip())) {
                throw new InvalidInputException("file", "plan.import.header");
            }
            Map<Long, Integer> rowOfTask = new HashMap<>();
            for (int i = 1; i <= last; i++) {
                Row row = sheet.getRow(i);
                if (row == null) {
                    continue;
                }
                String label = fmt.formatCellValue(row.getCell(COL_LABEL)).strip();
                String lead = fmt.formatCellValue(row.getCell(COL_LEAD)).strip();
                String co = fmt.formatCellValue(row.getCell(COL_CO)).strip();
                if (label.isEmpty() && lead.isEmpty() && co.isEmpty()) {
                    continue;
                }
                int excelRow = i + 1;
                Long task = taskByLabel.get(labelKey(label));
                if (task == null) {
                    errors.add("第" + excelRow + "行：没有序号为“" + label + "”的任务");
                    continue;
                }
                Integer earlier = rowOfTask.putIfAbsent(task, excelRow);
                if (earlier != null) {
                    // two rows for one task: which one was meant cannot be guessed
                    errors.add("第" + excelRow + "行：序号“" + label + "”与第" + earlier + "行重复");
                    continue;
                }
                if (lead.isEmpty()) {
                    if (!co.isEmpty()) {
                        errors.add("第" + excelRow + "行：填写了配合单位但未填写牵头单位");
                    }
                    continue;
                }
                List<Long> leads = units(lead, unitByName, excelRow, errors);
                List<Long> cos = units(co, unitByName, excelRow, errors);
                for (Long u : cos) {
                    if (leads.contains(u)) {
                        errors.add("第" + excelRow + "行：同一单位不能既是牵头单位又是配合单位");
                    }
                }
                commands.add(new PlanService.AssignCommand(List.of(task), leads, cos));
            }
        } catch (IOException e) {
            throw new InvalidInputException("file", "import.unreadable");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "file",
                    "plan.import.errors",
                    errors.size(),
                    String.join("；", errors.subList(0, Math.min(20, errors.size()))));
        }
        if (commands.isEmpty()) {
            throw new InvalidInputException("file", "plan.import.nothing");
        }
        for (PlanService.AssignCommand cmd : commands) {
            service.assign(campaignId, cmd, user);
        }
        return new ImportResult(commands.size(), commands.size());
    }

    static String labelKey(String label) {
        if (label == null) {
            return "";
        }
        String l = label.strip();
        while (l.endsWith(".") || l.endsWith("．") || l.endsWith("、")) {
            l = l.substring(0, l.length() - 1);
        }
        return l;
    }

    private static List<Long> units(String cell, Map<String, Long> unitByName, int excelRow, List<String> errors) {
        List<Long> out = new ArrayList<>();
        for (String name : cell.split("[、,，;；\\n\\r]+")) {
            String n = name.strip();
            if (n.isEmpty()) {
                continue;
            }
            Long id = unitByName.get(n);
            if (id == null) {
                errors.add("第" + excelRow + "行：没有名为“" + n + "”的单位");
            } else if (out.contains(id)) {
                errors.add("第" + excelRow + "行：单位“" + n + "”重复");
            } else {
                out.add(id);
            }
        }
        return out;
    }
}
