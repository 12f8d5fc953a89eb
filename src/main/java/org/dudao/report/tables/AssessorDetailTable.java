package org.dudao.report.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.EvaluationView;
import org.springframework.stereotype.Component;

/**
 * 评分明细 of one assessor unit: a row for every (task the unit assesses, target of the task's category), by category,
 * task and target — the grade or points given, not applicable, the reason, who gave it and when; rows still to rate say
 * so. Exactly the pairs the unit is responsible for: a task assigned to another unit is not in it, even when this unit's
 * account happened to rate it.
 */
@Component
public class AssessorDetailTable {

    static final List<String> HEADERS =
            List.of("序号", "类别", "考核对象", "一级指标", "工作任务", "满分", "等次", "分值", "不适用", "扣分原因 / 说明", "评价人", "评价时间", "状态");
    static final String RATED = "已评";
    static final String TO_RATE = "待评";

    private final CampaignApi campaigns;
    private final EvaluationApi evaluations;

    AssessorDetailTable(CampaignApi campaigns, EvaluationApi evaluations) {
        this.campaigns = campaigns;
        this.evaluations = evaluations;
    }

    /** 评分明细-<unit>-<campaign>.xlsx */
    public static String fileName(CampaignView campaign, String unitName) {
        return "评分明细-" + unitName + "-" + campaign.name() + ".xlsx";
    }

    /** Writes the detail of the unit's tasks (the caller checked the reader's right to it). */
    public void write(CampaignView campaign, long unitId, String unitName, OutputStream out) throws IOException {
        long id = campaign.id();
        List<TaskView> tasks = campaigns.tasksAssessedBy(id, unitId);
        Map<Long, Integer> categoryOrder = new HashMap<>();
        for (CategoryView c : campaigns.categories(id)) {
            categoryOrder.put(c.id(), c.position());
        }
        // category order, then the task's order in the campaign (tasksAssessedBy may order otherwise)
        List<TaskView> all = campaigns.tasks(id);
        Map<Long, Integer> taskOrder = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            taskOrder.put(all.get(i).id(), i);
        }
        tasks = tasks.stream()
                .sorted(java.util.Comparator.comparingInt((TaskView t) -> taskOrder.getOrDefault(t.id(), 0)))
                .toList();
        List<TargetView> targets = campaigns.targets(id);
        Set<Long> taskIds = new HashSet<>();
        tasks.forEach(t -> taskIds.add(t.id()));
        Map<String, EvaluationView> given = new HashMap<>();
        for (EvaluationView e : evaluations.ofCampaign(id)) {
            if (taskIds.contains(e.taskId())) {
                given.put(e.targetId() + "/" + e.taskId(), e);
            }
        }
        try (ReportWorkbook book = new ReportWorkbook()) {
            SXSSFSheet sheet = book.sheet("评分明细");
            book.heading(
                    sheet, campaign.name() + " 评分明细（" + unitName + "）", "共 " + tasks.size() + " 项任务；一行为一个考核对象的一项任务。");
            Row head = sheet.createRow(2);
            int[] widths = {6, 12, 26, 24, 40, 7, 7, 7, 7, 40, 12, 17, 7};
            for (int c = 0; c < HEADERS.size(); c++) {
                book.label(head, c, HEADERS.get(c), book.header);
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(3, 3);
            int r = 3;
            int n = 1;
            for (TaskView task : tasks) {
                for (TargetView target : targets) {
                    if (target.categoryId() != task.categoryId()) {
                        continue;
                    }
                    EvaluationView e = given.get(target.id() + "/" + task.id());
                    Row row = sheet.createRow(r++);
                    book.integer(row, 0, n++);
                    book.text(row, 1, task.category());
                    book.text(row, 2, target.name());
                    book.text(row, 3, task.path().isEmpty() ? null : task.path().get(0));
                    book.wrapped(row, 4, task.title());
                    book.number(row, 5, task.points());
                    if (e != null) {
                        book.text(row, 6, e.grade() == null ? null : e.grade().label());
                        book.number(row, 7, e.points());
                        if (e.notApplicable()) {
                            book.text(row, 8, "是");
                        }
                        book.wrapped(row, 9, e.reason());
                        book.text(row, 10, e.evaluatedByName() != null ? e.evaluatedByName() : e.evaluatedBy());
                        book.time(row, 11, e.evaluatedAt());
                    }
                    book.text(row, 12, e == null ? TO_RATE : RATED);
                }
            }
            book.write(out);
        }
    }
}
