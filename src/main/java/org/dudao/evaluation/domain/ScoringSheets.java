package org.dudao.evaluation.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.Channel;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Grade;
import org.dudao.evaluation.RowResult;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.text.UploadedXlsx;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * 离线评分表: an assessor downloads an xlsx of its tasks × targets with the current values, fills
 * grades, points and reasons offline, and uploads it: a dry run first (the diff, with row-level errors
 * naming the sheet row), then the same file applied — all rows or none, through the same checks as
 * every other evaluation. The two id columns tie each row to its (target, task); rows left empty are
 * skipped.
 */
@Component
public class ScoringSheets {

    /** Column headers, in order; an upload must carry the first {@link #REQUIRED} of them unchanged. */
    public static final List<String> HEADERS = List.of(
            "考核对象编号",
            "任务编号",
            "类别",
            "考核对象",
            "指标",
            "任务",
            "满分",
            "等次（优/良/中/差）",
            "分值",
            "不适用（是）",
            "扣分原因 / 说明",
            "当前评价人",
            "评价时间");

    static final int REQUIRED = 11;
    static final int TARGET = 0;
    static final int TASK = 1;
    static final int GRADE = 7;
    static final int POINTS = 8;
    static final int NA = 9;
    static final int REASON = 10;
    static final String SHEET = "评分表";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

    private final CampaignApi campaigns;
    private final EvaluationService service;
    private final EvaluationStore store;
    private final DudaoProperties.Upload limits;
    private final MessageSource messages;

    ScoringSheets(
            CampaignApi campaigns,
            EvaluationService service,
            EvaluationStore store,
            DudaoProperties properties,
            MessageSource messages) {
        this.campaigns = campaigns;
        this.service = service;
        this.store = store;
        this.limits = properties.upload();
        this.messages = messages;
    }

    /** The caller's sheet as bytes (see {@link #write}). */
    public byte[] bytes(CampaignView campaign, CurrentUser user) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(campaign, user, out);
        return out.toByteArray();
    }

    /** 评分表-<year>-<unit>.xlsx */
    public static String filename(CampaignView campaign, CurrentUser user) {
        return "评分表-" + campaign.year() + "-" + user.unitName() + ".xlsx";
    }

    /** Writes the caller's sheet: one row per (task it may rate, target of the task's category). */
    public void write(CampaignView campaign, CurrentUser user, OutputStream out) throws IOException {
        List<TaskView> tasks = service.ratableTasks(campaign, user);
        List<TargetView> targets = campaigns.targets(campaign.id());
        Map<String, EvaluationView> current = new HashMap<>();
        for (EvaluationView e : store.ofTasks(tasks.stream().map(TaskView::id).toList())) {
            current.put(e.targetId() + "/" + e.taskId(), e);
        }
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(SHEET);
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle fixed = wb.createCellStyle();
            fixed.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            fixed.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle text = wb.createCellStyle();
            text.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(head);
            }
            int r = 1;
            for (TaskView task : tasks) {
                for (TargetView target : targets) {
                    if (target.categoryId() != task.categoryId()) {
                        continue;
                    }
                    Row row = sheet.createRow(r++);
                    EvaluationView e = current.get(target.id() + "/" + task.id());
                    num(row, TARGET, target.id(), fixed);
                    num(row, TASK, task.id(), fixed);
                    str(row, 2, target.category());
                    str(row, 3, target.name());
                    str(row, 4, String.join(" › ", task.path()));
                    str(row, 5, task.title());
                    if (task.points() != null) {
                        row.createCell(6).setCellValue(task.points().doubleValue());
                    }
                    if (e != null) {
                        str(row, GRADE, e.grade() == null ? null : e.grade().label());
                        if (e.points() != null) {
                            row.createCell(POINTS).setCellValue(e.points().doubleValue());
                        }
                        str(row, NA, e.notApplicable() ? "是" : null);
                        str(row, REASON, e.reason());
                        str(row, 11, e.evaluatedByName());
                        str(row, 12, TIME.format(e.evaluatedAt()));
                    }
                }
            }
            if (r > 1) {
                DataValidationHelper dv = sheet.getDataValidationHelper();
                DataValidation grades = dv.createValidation(
                        dv.createExplicitListConstraint(new String[] {"优", "良", "中", "差"}),
                        new CellRangeAddressList(1, r - 1, GRADE, GRADE));
                grades.setShowErrorBox(true);
                sheet.addValidationData(grades);
                DataValidation na = dv.createValidation(
                        dv.createExplicitListConstraint(new String[] {"是"}),
                        new CellRangeAddressList(1, r - 1, NA, NA));
                na.setShowErrorBox(true);
                sheet.addValidationData(na);
            }
            sheet.createFreezePane(4, 1);
            int[] widths = {10, 8, 10, 24, 30, 40, 6, 14, 8, 10, 40, 12, 16};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.setAutoFilter(
                    new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, HEADERS.size() - 1));
            Sheet help = wb.createSheet("填写说明");
            String[] lines = {
                "1. 每行是一个考核对象的一项任务。请勿修改“考核对象编号”“任务编号”两列和表头。",
                "2. 等次、分值、不适用三者只填一项：等次填 优/良/中/差；分值填 0 至满分之间的数（最多两位小数）；不适用填“是”。",
                "3. 等次低于“优”、分值低于满分或认定不适用时，须在“扣分原因 / 说明”中详细说明。",
                "4. 不打算评价的行可以留空，上传时跳过。",
                "5. 上传后先检查：逐行显示变化和错误；没有错误才能保存，所有行一起保存或都不保存。",
                "考核活动：" + campaign.name()
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 120 * 256);
            wb.write(out);
        }
    }

    private static void num(Row row, int col, long v, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(style);
    }

    private static void str(Row row, int col, String v) {
        if (v != null && !v.isEmpty()) {
            // always a text cell: text that looks like a formula ("=…", "+…") stays text in Excel and WPS
            row.createCell(col, CellType.STRING).setCellValue(v);
        }
    }

    /** One row of an uploaded sheet: what it asks for, what it would change, and any error. */
    public record SheetRow(
            int row,
            Long targetId,
            Long taskId,
            String target,
            String task,
            String before,
            String after,
            String reason,
            String status,
            String error) {

        public boolean failed() {
            return "ERROR".equals(status);
        }
    }

    /** What an upload did (dry run) or would do: the rows with a value, and whether it was applied. */
    public record Outcome(boolean applied, boolean dryRun, int skipped, List<SheetRow> rows) {

        public long errors() {
            return rows.stream().filter(SheetRow::failed).count();
        }

        public long changes() {
            return rows.stream()
                    .filter(r -> "CREATED".equals(r.status()) || "UPDATED".equals(r.status()))
                    .count();
        }
    }

    /** Reads an uploaded sheet and checks it (dry run), or applies it when every row passes. */
    public Outcome upload(CampaignView campaign, byte[] bytes, boolean dryRun, CurrentUser user) {
        List<Parsed> parsed = read(bytes);
        Map<Long, TaskView> tasks =
                campaigns.tasks(campaign.id()).stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
        Map<Long, TargetView> targets = campaigns.targets(campaign.id()).stream()
                .collect(Collectors.toMap(TargetView::id, Function.identity()));
        Map<String, EvaluationView> current = new HashMap<>();
        for (EvaluationView e : store.ofTasks(parsed.stream()
                .map(Parsed::taskId)
                .filter(tasks::containsKey)
                .distinct()
                .toList())) {
            current.put(e.targetId() + "/" + e.taskId(), e);
        }
        List<SheetRow> out = new ArrayList<>();
        List<EvaluationCommand> commands = new ArrayList<>();
        List<Integer> commandRow = new ArrayList<>();
        int skipped = 0;
        for (Parsed p : parsed) {
            if (p.empty()) {
                skipped++;
                continue;
            }
            TaskView task = p.taskId() == null ? null : tasks.get(p.taskId());
            TargetView target = p.targetId() == null ? null : targets.get(p.targetId());
            String targetName = target == null ? p.targetName() : target.name();
            String taskName = task == null ? p.taskName() : task.title();
            String error = p.error();
            if (error == null && (target == null || task == null)) {
                error = message("evaluation.sheet.unknownRow");
            } else if (error == null && service.raterFor(campaign, task, user) == null) {
                error = message("evaluation.sheet.notYours");
            }
            String before = describe(current.get(p.targetId() + "/" + p.taskId()));
            String after = describe(p);
            if (error != null) {
                out.add(new SheetRow(
                        p.row(),
                        p.targetId(),
                        p.taskId(),
                        targetName,
                        taskName,
                        before,
                        after,
                        p.reason(),
                        "ERROR",
                        error));
                continue;
            }
            commands.add(new EvaluationCommand(
                    p.targetId(), p.taskId(), p.grade(), p.points(), p.notApplicable(), p.reason(), null));
            commandRow.add(out.size());
            out.add(new SheetRow(
                    p.row(), p.targetId(), p.taskId(), targetName, taskName, before, after, p.reason(), "OK", null));
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("file", "evaluation.sheet.nothing");
        }
        boolean anyError = out.stream().anyMatch(SheetRow::failed);
        boolean apply = !dryRun && !anyError;
        if (!commands.isEmpty()) {
            List<RowResult> results = service.apply(campaign.id(), commands, user, Channel.SHEET, !apply);
            boolean refused = results.stream().anyMatch(RowResult::failed);
            for (int i = 0; i < results.size(); i++) {
                RowResult r = results.get(i);
                SheetRow s = out.get(commandRow.get(i));
                out.set(
                        commandRow.get(i),
                        new SheetRow(
                                s.row(),
                                s.targetId(),
                                s.taskId(),
                                s.target(),
                                s.task(),
                                s.before(),
                                s.after(),
                                s.reason(),
                                r.failed() ? "ERROR" : "OK".equals(r.status()) ? "OK" : r.status(),
                                r.error()));
            }
            apply = apply && !refused;
        }
        return new Outcome(apply, dryRun, skipped, out);
    }

    record Parsed(
            int row,
            Long targetId,
            Long taskId,
            String targetName,
            String taskName,
            String grade,
            BigDecimal points,
            boolean notApplicable,
            String reason,
            String error,
            boolean empty) {}

    private List<Parsed> read(byte[] bytes) {
        try (Workbook wb = UploadedXlsx.open(bytes, limits)) {
            Sheet sheet = wb.getSheet(SHEET) != null ? wb.getSheet(SHEET) : wb.getSheetAt(0);
            if (sheet.getLastRowNum() > limits.maxImportRows()) {
                throw new InvalidInputException("file", "import.tooManyRows", limits.maxImportRows());
            }
            Row header = sheet.getRow(0);
            DataFormatter fmt = new DataFormatter();
            for (int c = 0; c < REQUIRED; c++) {
                String h = header == null
                        ? ""
                        : fmt.formatCellValue(header.getCell(c)).strip();
                if (!HEADERS.get(c).equals(h)) {
                    throw new InvalidInputException(
                            "file", "evaluation.sheet.header", c + 1, HEADERS.get(c), h.isEmpty() ? "（空）" : h);
                }
            }
            List<Parsed> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                rows.add(parse(row, fmt));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException("file", "import.unreadable");
        }
    }

    private Parsed parse(Row row, DataFormatter fmt) {
        int n = row.getRowNum() + 1;
        String targetText = cell(row, TARGET, fmt);
        String taskText = cell(row, TASK, fmt);
        String grade = blankToNull(cell(row, GRADE, fmt));
        String pointsText = blankToNull(cell(row, POINTS, fmt));
        String naText = blankToNull(cell(row, NA, fmt));
        String reason = blankToNull(cell(row, REASON, fmt));
        boolean empty = grade == null && pointsText == null && naText == null;
        if (empty && targetText.isEmpty() && taskText.isEmpty()) {
            return new Parsed(n, null, null, null, null, null, null, false, null, null, true);
        }
        Long targetId = parseId(targetText);
        Long taskId = parseId(taskText);
        String targetName = cell(row, 3, fmt);
        String taskName = cell(row, 5, fmt);
        String error = null;
        if (targetId == null || taskId == null) {
            error = message("evaluation.sheet.badIds");
        }
        BigDecimal points = null;
        if (pointsText != null) {
            Cell c = row.getCell(POINTS);
            try {
                points = c.getCellType() == CellType.NUMERIC
                        ? BigDecimal.valueOf(c.getNumericCellValue())
                        : new BigDecimal(pointsText.strip());
            } catch (NumberFormatException e) {
                error = Objects.requireNonNullElse(error, message("evaluation.pointsInvalid"));
            }
        }
        boolean na = false;
        if (naText != null) {
            if (naText.equals("是")
                    || naText.equals("√")
                    || naText.equalsIgnoreCase("Y")
                    || naText.equalsIgnoreCase("yes")) {
                na = true;
            } else {
                error = Objects.requireNonNullElse(error, message("evaluation.sheet.badNa", naText));
            }
        }
        if (grade != null && Grade.parseOrNull(grade) == null) {
            error = Objects.requireNonNullElse(error, message("evaluation.badGrade", grade));
        }
        return new Parsed(n, targetId, taskId, targetName, taskName, grade, points, na, reason, error, empty);
    }

    /** Numeric cells as Excel shows them (no "1.0" for 1, no exponent), text cells as text. */
    private static String cell(Row row, int col, DataFormatter fmt) {
        Cell c = row.getCell(col);
        if (c == null) {
            return "";
        }
        if (c.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(c.getNumericCellValue())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return fmt.formatCellValue(c).strip();
    }

    private static Long parseId(String s) {
        try {
            return s.isEmpty() ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String describe(EvaluationView e) {
        if (e == null) {
            return "";
        }
        if (e.notApplicable()) {
            return "不适用";
        }
        return e.grade() != null
                ? e.grade().label()
                : e.points().stripTrailingZeros().toPlainString() + " 分";
    }

    private String describe(Parsed p) {
        if (p.notApplicable()) {
            return "不适用";
        }
        if (p.grade() != null) {
            Grade g = Grade.parseOrNull(p.grade());
            return g == null ? p.grade() : g.label();
        }
        return p.points() == null ? "" : p.points().stripTrailingZeros().toPlainString() + " 分";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
