package org.dudao.feedback.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.feedback.RectificationView;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.text.FormulaText;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's rectification ledger (整改台账, xlsx) and a target's rectification report (整改情况报告,
 * docx, laid out as a Chinese official document: 小标宋 title, 仿宋 body, 黑体 headings).
 */
@Service
@Transactional(readOnly = true)
public class FeedbackDocuments {

    static final List<String> LEDGER =
            List.of("序号", "考核对象", "问题描述", "严重程度", "整改措施", "责任人", "整改时限", "状态", "是否逾期", "督办措施", "销号时间", "最新进展");
    /** The addressee of a target's report: the office of the assessment's leading group. */
    static final String ADDRESSEE = "考核工作领导小组办公室";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter CN_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final RectificationService rectifications;
    private final FeedbackAccess access;
    private final CampaignApi campaigns;
    private final FeedbackTime time;

    FeedbackDocuments(
            RectificationService rectifications, FeedbackAccess access, CampaignApi campaigns, FeedbackTime time) {
        this.rectifications = rectifications;
        this.access = access;
        this.campaigns = campaigns;
        this.time = time;
    }

    static final Map<String, String> STATUS =
            Map.of("OPEN", "待制定措施", "IN_PROGRESS", "整改中", "COMPLETED", "已报完成待核验", "CLOSED", "已销号");
    static final Map<String, String> SEVERITY = Map.of("MINOR", "一般", "MAJOR", "较重", "SEVERE", "严重");

    public byte[] ledger(long campaignId, CurrentUser user) {
        access.office(campaignId, user, "feedback.ledger.export");
        List<RectificationView> items = rectifications.list(campaignId, user);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("整改台账");
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            Row head = sheet.createRow(0);
            for (int c = 0; c < LEDGER.size(); c++) {
                head.createCell(c).setCellValue(LEDGER.get(c));
                head.getCell(c).setCellStyle(bold);
            }
            int[] widths = {6, 24, 50, 10, 40, 12, 12, 16, 10, 12, 20, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            int n = 1;
            for (RectificationView r : items) {
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(n);
                text(row, 1, r.targetName(), quoted);
                text(row, 2, r.problemDescription(), quoted);
                text(row, 3, SEVERITY.getOrDefault(r.severity(), r.severity()), quoted);
                text(row, 4, r.measures(), quoted);
                text(row, 5, r.responsiblePerson(), quoted);
                text(row, 6, r.deadline() == null ? null : r.deadline().format(DAY), quoted);
                text(row, 7, STATUS.getOrDefault(r.status(), r.status()), quoted);
                text(row, 8, r.overdue() ? "逾期" : "", quoted);
                text(row, 9, r.escalation() == null ? null : RectificationService.label(r.escalation()), quoted);
                text(
                        row,
                        10,
                        r.closedAt() == null
                                ? null
                                : LocalDate.ofInstant(r.closedAt(), ClockConfiguration.ZONE)
                                        .format(DAY),
                        quoted);
                text(row, 11, latest(r), quoted);
                n++;
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int c, String value, CellStyle quoted) {
        if (value == null || value.isEmpty()) {
            return;
        }
        var cell = row.createCell(c);
        cell.setCellValue(value);
        if (FormulaText.looksLikeFormula(value)) {
            cell.setCellStyle(quoted);
        }
    }

    private static String latest(RectificationView r) {
        for (int i = r.events().size() - 1; i >= 0; i--) {
            RectificationView.Event e = r.events().get(i);
            if (!"CREATED".equals(e.kind())) {
                return e.body();
            }
        }
        return null;
    }

    /** 整改情况报告 of one target (the target itself or the office). */
    public byte[] report(long campaignId, long targetId, CurrentUser user) {
        FeedbackAccess.Caller c = access.caller(campaignId, user);
        if (!c.readsAll() && !c.isTarget(targetId)) {
            throw access.denied("feedback.report.export", targetId, "not the caller's target");
        }
        TargetView target = campaigns
                .target(targetId)
                .filter(t -> t.campaignId() == campaignId)
                .orElseThrow(() -> new NotFoundException("campaign-target", targetId));
        CampaignView campaign = c.campaign();
        List<RectificationView> items = rectifications.list(campaignId, user).stream()
                .filter(r -> r.targetId() == targetId)
                .toList();
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, target.name() + "关于" + campaign.name() + "反馈问题整改情况的报告", "方正小标宋简体", 22);
            XWPFParagraph to = doc.createParagraph();
            run(to, ADDRESSEE + "：", "仿宋_GB2312", 16);
            long closed =
                    items.stream().filter(r -> "CLOSED".equals(r.status())).count();
            long overdue = items.stream().filter(RectificationView::overdue).count();
            body(doc, "根据" + campaign.name() + "反馈的问题，我单位认真对照检查，逐项制定整改措施，明确责任人和整改时限。现将整改情况报告如下：");
            body(
                    doc,
                    "共反馈问题" + items.size() + "个，已整改销号" + closed + "个，正在整改" + (items.size() - closed) + "个"
                            + (overdue > 0 ? "，其中逾期未完成" + overdue + "个" : "") + "。");
            String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
            int i = 0;
            for (RectificationView r : items) {
                String no = i < numerals.length ? numerals[i] : String.valueOf(i + 1);
                XWPFParagraph h = doc.createParagraph();
                h.setIndentationFirstLine(640);
                run(h, no + "、" + oneLine(r.problemDescription()), "黑体", 16);
                body(
                        doc,
                        "问题等级：" + SEVERITY.getOrDefault(r.severity(), r.severity()) + "；整改状态："
                                + STATUS.getOrDefault(r.status(), r.status()) + (r.overdue() ? "（已逾期）" : "") + "。");
                body(doc, "整改措施：" + (r.measures() == null ? "尚未制定。" : r.measures()));
                body(
                        doc,
                        "责任人：" + nz(r.responsiblePerson()) + "；整改时限："
                                + (r.deadline() == null ? "未定" : r.deadline().format(CN_DAY)) + "。");
                for (RectificationView.Event e : r.events()) {
                    if ("PROGRESS".equals(e.kind()) || "COMPLETION".equals(e.kind())) {
                        body(
                                doc,
                                ("COMPLETION".equals(e.kind()) ? "完成情况（" : "进展情况（")
                                        + LocalDate.ofInstant(e.at(), ClockConfiguration.ZONE)
                                                .format(CN_DAY) + "）："
                                        + e.body()
                                        + (e.attachments().isEmpty()
                                                ? ""
                                                : "（附证明材料" + e.attachments().size() + "份）"));
                    }
                }
                if (r.escalation() != null) {
                    body(doc, "督办措施：" + RectificationService.label(r.escalation()) + "。");
                }
                i++;
            }
            body(doc, "");
            XWPFParagraph sign = doc.createParagraph();
            sign.setAlignment(ParagraphAlignment.RIGHT);
            run(sign, target.name(), "仿宋_GB2312", 16);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            run(date, FeedbackTime.day(time.now()).format(CN_DAY), "仿宋_GB2312", 16);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        p.setSpacingBetween(1.5);
        run(p, text, "仿宋_GB2312", 16);
    }

    private static void run(XWPFParagraph p, String text, String font, int size) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        // Chinese glyphs take the eastAsia font slot
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
