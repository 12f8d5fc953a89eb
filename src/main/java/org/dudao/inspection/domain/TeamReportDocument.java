package org.dudao.inspection.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.dudao.inspection.NoteView;
import org.dudao.inspection.SheetView;
import org.dudao.inspection.TeamView;
import org.dudao.inspection.VisitView;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督察组报告 (docx, laid out as a Chinese official document: 小标宋 title, 仿宋 body, 黑体 headings): the
 * team, its schedule, for each target visited the score on each sheet with every deduction (item, clause,
 * points, reason) and the on-the-spot feedback, and the team's overall findings. Addressed to the office
 * that runs the inspection (seed 002: 各督察组在8月25日前向市委依法治市办提交报告).
 */
@Service
@Transactional(readOnly = true)
public class TeamReportDocument {

    private static final DateTimeFormatter CN_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Map<String, String> ROLE = Map.of("LEADER", "组长", "MEMBER", "成员", "EXPERT", "特邀专家");

    private final InspectionAccess access;
    private final Onsite onsite;
    private final InspectionStore store;
    private final Sheets sheets;
    private final DatabaseTime time;

    TeamReportDocument(
            InspectionAccess access, Onsite onsite, InspectionStore store, Sheets sheets, DatabaseTime time) {
        this.access = access;
        this.onsite = onsite;
        this.store = store;
        this.sheets = sheets;
        this.time = time;
    }

    public byte[] docx(long campaignId, long teamId, CurrentUser user) {
        InspectionAccess.Caller c = access.caller(campaignId, user);
        TeamView team = onsite.readableTeam(c, teamId);
        List<VisitView> visits =
                onsite.visits(c).stream().filter(v -> v.teamId() == teamId).toList();
        List<NoteView> notes = store.notes(campaignId);
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, c.campaign().name() + team.name() + "督察报告", "方正小标宋简体", 22, false);
            XWPFParagraph to = doc.createParagraph();
            run(to, "市委依法治市办：", "仿宋_GB2312", 16, false);
            body(
                    doc,
                    "根据" + c.campaign().name() + "实施方案，" + team.name() + "于"
                            + (visits.isEmpty()
                                    ? "实地督察阶段"
                                    : visits.get(0).visitOn().format(CN_DAY)
                                            + (visits.size() > 1
                                                    ? "至"
                                                            + visits.get(visits.size() - 1)
                                                                    .visitOn()
                                                                    .format(CN_DAY)
                                                    : ""))
                            + "对" + visits.size() + "个单位开展了实地督察。现将督察情况报告如下：");

            heading(doc, "一、督察组组成");
            XWPFTable members = table(doc, "职务", "姓名", "单位");
            for (TeamView.Member m : team.members()) {
                row(members, ROLE.getOrDefault(m.role(), m.role()), m.name(), m.unitName() == null ? "" : m.unitName());
            }

            heading(doc, "二、督察安排");
            XWPFTable schedule = table(doc, "日期", "督察对象");
            for (VisitView v : visits) {
                row(schedule, v.visitOn().format(CN_DAY), v.targetName());
            }

            heading(doc, "三、督察情况");
            String[] numerals = {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）"};
            int i = 0;
            for (VisitView v : visits) {
                XWPFParagraph h = doc.createParagraph();
                h.setIndentationFirstLine(640);
                run(
                        h,
                        (i < numerals.length ? numerals[i] : "（" + (i + 1) + "）") + v.targetName(),
                        "楷体_GB2312",
                        16,
                        true);
                i++;
                List<SheetView> scored = sheets.score(campaignId, store.deductions(campaignId, v.targetId()));
                XWPFTable totals = table(doc, "打分表", "满分", "扣分", "得分");
                for (SheetView s : scored) {
                    row(totals, s.name(), plain(s.totalPoints()), plain(s.deducted()), plain(s.score()));
                }
                List<String[]> lines = scored.stream()
                        .flatMap(s -> s.items().stream()
                                .flatMap(item -> item.deductions().stream().map(d -> new String[] {
                                    s.name(),
                                    "第" + item.label() + "项 " + item.name(),
                                    "第" + d.clauseNo() + "条：" + d.clauseText(),
                                    plain(d.points()),
                                    d.reason()
                                })))
                        .toList();
                if (lines.isEmpty()) {
                    body(doc, "各项均未扣分。");
                } else {
                    body(doc, "扣分情况如下：");
                    XWPFTable ded = table(doc, "打分表", "工作任务", "检查标准条款", "扣分", "扣分理由");
                    lines.forEach(l -> row(ded, l));
                }
                List<NoteView> own =
                        notes.stream().filter(n -> n.targetId() == v.targetId()).toList();
                if (!own.isEmpty()) {
                    body(doc, "现场反馈：");
                    own.forEach(n -> body(doc, n.body()));
                }
            }

            heading(doc, "四、总体情况和意见建议");
            String summary =
                    team.reportSummary() == null || team.reportSummary().isBlank() ? "（尚未填写）" : team.reportSummary();
            for (String line : summary.split("\\R")) {
                if (!line.isBlank()) {
                    body(doc, line.strip());
                }
            }
            body(doc, "");
            XWPFParagraph sign = doc.createParagraph();
            sign.setAlignment(ParagraphAlignment.RIGHT);
            run(sign, team.name() + "（组长：" + team.leaderName() + "）", "仿宋_GB2312", 16, false);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            LocalDate day = team.reportSubmittedAt() != null
                    ? LocalDate.ofInstant(team.reportSubmittedAt(), ClockConfiguration.ZONE)
                    : LocalDate.ofInstant(time.now(), ClockConfiguration.ZONE);
            run(date, day.format(CN_DAY), "仿宋_GB2312", 16, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plain(BigDecimal b) {
        return b == null ? "" : b.stripTrailingZeros().toPlainString();
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        run(p, text, "黑体", 16, false);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        p.setSpacingBetween(1.5);
        run(p, text, "仿宋_GB2312", 16, false);
    }

    private static XWPFTable table(XWPFDocument doc, String... head) {
        XWPFTable t = doc.createTable(1, head.length);
        t.setWidth("100%");
        XWPFTableRow r = t.getRow(0);
        for (int i = 0; i < head.length; i++) {
            XWPFParagraph p = r.getCell(i).getParagraphs().get(0);
            run(p, head[i], "黑体", 12, false);
        }
        return t;
    }

    private static void row(XWPFTable t, String... cells) {
        XWPFTableRow r = t.createRow();
        for (int i = 0; i < cells.length; i++) {
            XWPFParagraph p = r.getCell(i).getParagraphs().get(0);
            run(p, cells[i] == null ? "" : cells[i], "仿宋_GB2312", 12, false);
        }
    }

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
    }
}
