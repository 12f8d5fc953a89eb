package org.dudao.report.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.ExtensionView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.evidence.SubmissionCell;
import org.dudao.evidence.SubmissionStatus;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitView;
import org.springframework.stereotype.Component;

/**
 * 进度表: two sheets. 报送进度 — per target, the tasks it must submit material for (报送资料 and the like), how many are
 * handed in, drafts, returned, missing and overdue (the deadline, or the target's extension, passed on the database's
 * clock), and which are missing. 评价进度 — per assessor unit, how many (task, target) pairs it must rate, how many it
 * has rated and how many are left.
 */
@Component
public class ProgressTable {

    static final String SUBMISSIONS = "报送进度";
    static final String EVALUATIONS = "评价进度";
    static final List<String> SUBMISSION_HEADERS =
            List.of("序号", "类别", "考核对象", "应报任务", "已报送", "草稿", "已退回", "未报送", "逾期未报", "报送率", "未报送任务");
    static final List<String> EVALUATION_HEADERS = List.of("序号", "考核主体", "负责任务", "应评", "已评", "待评", "完成率");
    static final String UNMATCHED = "（未匹配单位）";

    private final CampaignApi campaigns;
    private final EvaluationApi evaluations;
    private final EvidenceApi evidence;
    private final OrganizationApi organization;

    ProgressTable(
            CampaignApi campaigns, EvaluationApi evaluations, EvidenceApi evidence, OrganizationApi organization) {
        this.campaigns = campaigns;
        this.evaluations = evaluations;
        this.evidence = evidence;
        this.organization = organization;
    }

    /** 进度表-<campaign>.xlsx */
    public static String fileName(CampaignView campaign) {
        return "进度表-" + campaign.name() + ".xlsx";
    }

    /** Writes both sheets; {@code now} decides what is overdue (the database's clock, as the evidence module's). */
    public void write(CampaignView campaign, Instant now, OutputStream out) throws IOException {
        long id = campaign.id();
        List<TargetView> targets = campaigns.targets(id);
        List<TaskView> tasks = campaigns.tasks(id);
        Map<Long, List<TaskView>> byCategory = new HashMap<>();
        tasks.forEach(t -> byCategory
                .computeIfAbsent(t.categoryId(), k -> new ArrayList<>())
                .add(t));
        try (ReportWorkbook book = new ReportWorkbook()) {
            submissions(book, campaign, targets, byCategory, now);
            evaluations(book, campaign, targets, tasks);
            book.write(out);
        }
    }

    private void submissions(
            ReportWorkbook book,
            CampaignView campaign,
            List<TargetView> targets,
            Map<Long, List<TaskView>> byCategory,
            Instant now)
            throws IOException {
        Map<String, SubmissionStatus> status = new HashMap<>();
        for (SubmissionCell c : evidence.submissionCells(campaign.id())) {
            status.put(c.targetId() + "/" + c.taskId(), c.status());
        }
        Map<Long, List<ExtensionView>> extensions = new HashMap<>();
        campaigns
                .extensionsOfCampaign(campaign.id())
                .forEach(e -> extensions
                        .computeIfAbsent(e.targetId(), k -> new ArrayList<>())
                        .add(e));
        SXSSFSheet sheet = book.sheet(SUBMISSIONS);
        book.heading(sheet, campaign.name() + " 报送进度", "统计时间以数据库时间为准；已报送含已锁定。");
        header(book, sheet, SUBMISSION_HEADERS, new int[] {6, 12, 26, 9, 8, 7, 7, 8, 9, 9, 60});
        int r = 3;
        int n = 1;
        for (TargetView target : targets) {
            int required = 0, handedIn = 0, drafts = 0, returned = 0, overdue = 0;
            List<String> missing = new ArrayList<>();
            List<ExtensionView> ext = extensions.getOrDefault(target.id(), List.of());
            for (TaskView task : byCategory.getOrDefault(target.categoryId(), List.of())) {
                if (!task.needsMaterial()) {
                    continue;
                }
                required++;
                SubmissionStatus s = status.getOrDefault(target.id() + "/" + task.id(), SubmissionStatus.NOT_STARTED);
                if (s.isHandedIn()) {
                    handedIn++;
                    continue;
                }
                missing.add(task.title());
                if (s == SubmissionStatus.DRAFT) {
                    drafts++;
                } else if (s == SubmissionStatus.RETURNED) {
                    returned++;
                }
                Instant due = CampaignApi.effectiveDue(task, ext);
                if (due != null && !now.isBefore(due)) {
                    overdue++;
                }
            }
            Row row = sheet.createRow(r++);
            book.integer(row, 0, n++);
            book.text(row, 1, target.category());
            book.text(row, 2, target.name());
            book.integer(row, 3, required);
            book.integer(row, 4, handedIn);
            book.integer(row, 5, drafts);
            book.integer(row, 6, returned);
            book.integer(row, 7, required - handedIn);
            book.integer(row, 8, overdue);
            book.percent(row, 9, required == 0 ? 1.0 : (double) handedIn / required);
            book.wrapped(row, 10, String.join("；", missing));
        }
        sheet.flushRows();
    }

    private void evaluations(
            ReportWorkbook book, CampaignView campaign, List<TargetView> targets, List<TaskView> tasks) {
        Set<String> rated = new HashSet<>();
        for (EvaluationView e : evaluations.ofCampaign(campaign.id())) {
            rated.add(e.targetId() + "/" + e.taskId());
        }
        Map<Long, List<TargetView>> targetsByCategory = new HashMap<>();
        targets.forEach(t -> targetsByCategory
                .computeIfAbsent(t.categoryId(), k -> new ArrayList<>())
                .add(t));
        // one row per assessor unit (its name as the unit list has it), in the order its first task comes; tasks
        // without a unit by the name printed in the indicator table
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (TaskView task : tasks) {
            String printed = task.assessorName() == null ? "" : task.assessorName();
            Tally t = tallies.computeIfAbsent(
                    task.assessorUnitId() != null ? "u" + task.assessorUnitId() : "n" + printed,
                    k -> new Tally(
                            task.assessorUnitId() != null
                                    ? organization
                                            .find(task.assessorUnitId())
                                            .map(UnitView::name)
                                            .orElse(printed)
                                    : printed + UNMATCHED));
            t.tasks++;
            for (TargetView target : targetsByCategory.getOrDefault(task.categoryId(), List.of())) {
                t.expected++;
                if (rated.contains(target.id() + "/" + task.id())) {
                    t.rated++;
                }
            }
        }
        SXSSFSheet sheet = book.sheet(EVALUATIONS);
        book.heading(sheet, campaign.name() + " 评价进度", "应评 = 负责任务 × 该任务所属类别的考核对象数；不适用也算已评。");
        header(book, sheet, EVALUATION_HEADERS, new int[] {6, 36, 9, 8, 8, 8, 9});
        int r = 3;
        int n = 1;
        for (Tally t : tallies.values()) {
            Row row = sheet.createRow(r++);
            book.integer(row, 0, n++);
            book.text(row, 1, t.name);
            book.integer(row, 2, t.tasks);
            book.integer(row, 3, t.expected);
            book.integer(row, 4, t.rated);
            book.integer(row, 5, t.expected - t.rated);
            book.percent(row, 6, t.expected == 0 ? 1.0 : (double) t.rated / t.expected);
        }
    }

    /** One assessor's counts. */
    private static final class Tally {
        final String name;
        int tasks;
        int expected;
        int rated;

        Tally(String name) {
            this.name = name;
        }
    }

    private static void header(ReportWorkbook book, SXSSFSheet sheet, List<String> headers, int[] widths) {
        Row head = sheet.createRow(2);
        for (int c = 0; c < headers.size(); c++) {
            book.label(head, c, headers.get(c), book.header);
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(3, 3);
    }
}
