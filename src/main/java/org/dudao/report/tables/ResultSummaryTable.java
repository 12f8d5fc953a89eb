package org.dudao.report.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.report.jobs.JobProgress;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.ScoringApi;
import org.dudao.scoring.TaskScoreView;
import org.dudao.scoring.WorkflowView;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 考核结果汇总表: one sheet per target category (categories have different tasks), in category order; a row per
 * target in the campaign's order with every task's score (one column per task of the category, under its first-level
 * indicator, its title and its points), then the sum of the task scores, the applicable maximum, the converted score,
 * bonus, penalty, final score, level and rank — as {@code GET /results} and each target's breakdown give them.
 *
 * <p>Streams: the task scores come from the stored breakdowns one category at a time as a stream of rows
 * ({@link ScoringApi#taskScores}: PostgreSQL expands the JSON, only the counted figures travel), a target's row is
 * written as soon as its lines are in, and rows leave memory as they are written ({@link ReportWorkbook}) — so that a
 * campaign of 3,000 targets × 150 tasks takes bounded memory.
 */
@Component
public class ResultSummaryTable {

    static final String SCORE_SUM = "任务得分合计";
    static final String APPLICABLE_MAX = "适用满分";
    static final String CONVERTED = "换算得分";
    static final String BONUS = "加分";
    static final String PENALTY = "减分";
    static final String FINAL = "最终得分";
    static final String LEVEL = "等次";
    static final String RANK = "名次";
    static final List<String> TOTALS =
            List.of(SCORE_SUM, APPLICABLE_MAX, CONVERTED, BONUS, PENALTY, FINAL, LEVEL, RANK);
    static final String NOT_APPLICABLE = "不适用";
    static final String NOT_EVALUATED = "未评";
    /** Rows above the first target: title, note, indicator, task, points. */
    static final int HEADER_ROWS = 5;
    /** Columns left of the first task: 序号, 考核对象. */
    static final int FIXED_COLUMNS = 2;

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

    private final CampaignApi campaigns;
    private final ScoringApi scoring;
    private final MessageSource messages;
    private final TransactionTemplate snapshot;

    ResultSummaryTable(
            CampaignApi campaigns,
            ScoringApi scoring,
            MessageSource messages,
            PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.scoring = scoring;
        this.messages = messages;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setName("report.resultSummary");
    }

    /** 考核结果汇总表-<campaign>.xlsx */
    public static String fileName(CampaignView campaign) {
        return "考核结果汇总表-" + campaign.name() + ".xlsx";
    }

    /**
     * Writes the summary of the campaign (the caller checked that the reader is its office). Everything is read in one
     * read-only transaction at repeatable read: one consistent picture even if the office recomputes meanwhile.
     */
    public void write(CampaignView campaign, OutputStream out, JobProgress progress, Instant now) throws IOException {
        try {
            snapshot.executeWithoutResult(status -> {
                try {
                    writeSnapshot(campaign, out, progress, now);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeSnapshot(CampaignView campaign, OutputStream out, JobProgress progress, Instant now)
            throws IOException {
        long id = campaign.id();
        progress.report(1, "report.job.step.loading");
        List<CategoryView> categories = campaigns.categories(id);
        Map<Long, List<TargetView>> targetsByCategory = new LinkedHashMap<>();
        List<TargetView> targets = campaigns.targets(id);
        targets.forEach(t -> targetsByCategory
                .computeIfAbsent(t.categoryId(), k -> new ArrayList<>())
                .add(t));
        Map<Long, List<TaskView>> tasksByCategory = new HashMap<>();
        campaigns
                .tasks(id)
                .forEach(t -> tasksByCategory
                        .computeIfAbsent(t.categoryId(), k -> new ArrayList<>())
                        .add(t));
        Map<Long, ResultView> results = new HashMap<>();
        scoring.results(id).forEach(r -> results.put(r.targetId(), r));
        WorkflowView workflow = scoring.workflow(id).orElse(null);
        String note = note(workflow, now);

        int total = Math.max(1, targets.size());
        try (ReportWorkbook book = new ReportWorkbook()) {
            int[] done = {0};
            for (CategoryView category : categories) {
                List<TaskView> tasks = tasksByCategory.getOrDefault(category.id(), List.of());
                List<TargetView> targetsOf = targetsByCategory.getOrDefault(category.id(), List.of());
                SXSSFSheet sheet = book.sheet(category.name());
                header(book, sheet, campaign, category, tasks, note);
                Rows rows = new Rows(book, sheet, tasks, results, targetsOf);
                // the task lines arrive target by target in the campaign's order: a target's row is written when the
                // next target's first line comes (one target's lines in memory at a time)
                Map<Long, TaskScoreView> lines = new HashMap<>(tasks.size() * 2);
                long[] current = {-1};
                Runnable flush = () -> {
                    if (current[0] >= 0) {
                        rows.write(current[0], lines);
                        lines.clear();
                        done[0]++;
                        progress.report(
                                2 + (int) (90L * done[0] / total),
                                "report.job.step.rows",
                                category.name(),
                                done[0],
                                total);
                    }
                };
                scoring.taskScores(id, category.id(), line -> {
                    if (line.targetId() != current[0]) {
                        flush.run();
                        current[0] = line.targetId();
                    }
                    lines.put(line.taskId(), line);
                });
                flush.run();
                // targets without a result (added after the last computation) come last, with their names only
                for (TargetView t : rows.notWritten()) {
                    rows.write(t.id(), Map.of());
                    done[0]++;
                }
                legend(book, sheet, rows.next() + 1, targetsOf.stream().anyMatch(t -> results.containsKey(t.id())));
                // a sheet's last rows leave memory before the next sheet starts (a category may be shorter than the
                // window)
                sheet.flushRows();
            }
            if (categories.isEmpty()) {
                book.heading(book.sheet("汇总表"), title(campaign, null), note);
            }
            progress.report(93, "report.job.step.packing");
            book.write(out);
        }
        progress.report(99, "report.job.step.packing");
    }

    /** Title, note and the three header rows: first-level indicator (merged over its tasks), task title, points. */
    private void header(
            ReportWorkbook book,
            SXSSFSheet sheet,
            CampaignView campaign,
            CategoryView category,
            List<TaskView> tasks,
            String note) {
        book.heading(sheet, title(campaign, category), note);
        Row indicators = sheet.createRow(2);
        Row titles = sheet.createRow(3);
        Row points = sheet.createRow(4);
        indicators.setHeightInPoints(32);
        titles.setHeightInPoints(96);
        String[] fixed = {"序号", "考核对象"};
        for (int c = 0; c < FIXED_COLUMNS; c++) {
            book.label(indicators, c, fixed[c], book.header);
            book.label(titles, c, "", book.header);
            book.label(points, c, "", book.header);
            sheet.addMergedRegion(new CellRangeAddress(2, 4, c, c));
        }
        sheet.setColumnWidth(0, 6 * 256);
        sheet.setColumnWidth(1, 28 * 256);
        int c = FIXED_COLUMNS;
        int groupStart = c;
        String group = null;
        for (TaskView task : tasks) {
            String indicator = task.path().isEmpty() ? "" : task.path().get(0);
            if (group != null && !group.equals(indicator)) {
                merge(sheet, groupStart, c - 1);
                groupStart = c;
            }
            if (group == null || !group.equals(indicator)) {
                book.label(indicators, c, indicator, book.header);
                group = indicator;
            } else {
                book.label(indicators, c, "", book.header);
            }
            book.label(titles, c, task.title(), book.header);
            if (task.points() != null) {
                book.number(points, c, task.points(), book.headerNumber);
            } else {
                book.label(points, c, "—", book.header);
            }
            sheet.setColumnWidth(c, 10 * 256);
            c++;
        }
        if (group != null) {
            merge(sheet, groupStart, c - 1);
        }
        for (String label : TOTALS) {
            book.label(indicators, c, label, book.header);
            book.label(titles, c, "", book.header);
            book.label(points, c, "", book.header);
            sheet.addMergedRegion(new CellRangeAddress(2, 4, c, c));
            sheet.setColumnWidth(c, (label.equals(LEVEL) ? 10 : 9) * 256);
            c++;
        }
        sheet.createFreezePane(FIXED_COLUMNS, HEADER_ROWS);
        sheet.setRepeatingRows(new CellRangeAddress(2, 4, -1, -1));
        sheet.getPrintSetup().setLandscape(true);
    }

    private static void merge(Sheet sheet, int from, int to) {
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(2, 2, from, to));
        }
    }

    /** The rows of one category's sheet, in the order they are written. */
    private static final class Rows {
        private final ReportWorkbook book;
        private final SXSSFSheet sheet;
        private final List<TaskView> tasks;
        private final Map<Long, ResultView> results;
        private final Map<Long, TargetView> pending = new LinkedHashMap<>();
        private int r = HEADER_ROWS;
        private int n = 1;

        Rows(
                ReportWorkbook book,
                SXSSFSheet sheet,
                List<TaskView> tasks,
                Map<Long, ResultView> results,
                List<TargetView> targets) {
            this.book = book;
            this.sheet = sheet;
            this.tasks = tasks;
            this.results = results;
            targets.forEach(t -> pending.put(t.id(), t));
        }

        void write(long targetId, Map<Long, TaskScoreView> lines) {
            TargetView target = pending.remove(targetId);
            if (target == null) {
                return; // a result of a target no longer in the category (recomputing removes it)
            }
            Row row = sheet.createRow(r++);
            book.integer(row, 0, n++);
            book.text(row, 1, target.name());
            ResultView result = results.get(targetId);
            if (result == null) {
                return;
            }
            int c = FIXED_COLUMNS;
            for (TaskView task : tasks) {
                cell(book, row, c++, lines.get(task.id()));
            }
            book.number(row, c++, result.rawScore());
            book.number(row, c++, result.applicableMax());
            book.number(row, c++, result.convertedScore());
            book.number(row, c++, result.bonus());
            book.number(row, c++, result.penalty());
            book.number(row, c++, result.finalScore());
            book.text(row, c++, result.level());
            book.integer(row, c, result.rank());
        }

        List<TargetView> notWritten() {
            return List.copyOf(pending.values());
        }

        int next() {
            return r;
        }
    }

    /** A task's cell: its score; 不适用, or 未评 when it has no evaluation yet (it counts 0); red when a penalty zeroed it. */
    private static void cell(ReportWorkbook book, Row row, int c, TaskScoreView line) {
        if (line == null) {
            return;
        }
        if (line.notApplicable()) {
            book.label(row, c, NOT_APPLICABLE, book.muted);
        } else if (!line.evaluated()) {
            book.label(row, c, NOT_EVALUATED, book.muted);
        } else {
            book.number(row, c, line.score(), line.zeroedByAdjustmentId() != null ? book.numberAlert : book.number);
        }
    }

    private static String title(CampaignView campaign, CategoryView category) {
        return campaign.name() + " 考核结果汇总表" + (category == null ? "" : "（" + category.name() + "）");
    }

    private String note(WorkflowView workflow, Instant now) {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        StringBuilder s = new StringBuilder("结果状态：");
        if (workflow == null) {
            s.append(messages.getMessage("scoring.status.NONE", null, "尚未计算", zh));
        } else {
            s.append(messages.getMessage("scoring.status." + workflow.status(), null, workflow.status(), zh));
            if (workflow.computedAt() != null) {
                s.append("；计算时间：").append(MINUTE.format(workflow.computedAt()));
            }
            if (workflow.stale()) {
                s.append("（计算后评价或加减分有变化，结果待重新计算）");
            }
        }
        s.append("；生成时间：").append(MINUTE.format(now));
        return s.toString();
    }

    private static void legend(ReportWorkbook book, Sheet sheet, int r, boolean any) {
        book.label(
                sheet.createRow(r),
                0,
                any ? "注：“不适用”的任务不计入适用满分；“未评”的任务尚无评价，计0分；红色0分为减分事项清零的任务；" + "名次为空的类别不排名。" : "注：本类别尚无计算结果。",
                book.note);
    }
}
