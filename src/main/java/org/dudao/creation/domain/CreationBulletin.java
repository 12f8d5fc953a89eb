package org.dudao.creation.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.dudao.campaign.CampaignView;
import org.dudao.creation.CreationProgress;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 进展通报 (督察指导: “定期通报”, 003:856): a docx laid out as a Chinese official document (小标宋 title,
 * 仿宋 body, 黑体 headings) with the overall figures, the lagging units named with their rates and the
 * rule that made them lagging, and the indicators furthest behind.
 */
@Service
@Transactional(readOnly = true)
public class CreationBulletin {

    private static final DateTimeFormatter CN_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六"};

    private final CreationService service;
    private final CreationAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreationBulletin(CreationService service, CreationAccess access, ApplicationEventPublisher events, Clock clock) {
        this.service = service;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public byte[] bulletin(long campaignId, CurrentUser user) {
        CreationAccess.Caller c = access.caller(campaignId, user);
        if (!c.readsAll()) {
            throw access.denied("creation.bulletin", campaignId, "not the office");
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
        CreationProgress p = service.progress(campaignId, today, u -> true);
        byte[] doc = render(c.campaign(), p, today);
        events.publishEvent(AuditEvent.success(
                "creation.bulletin",
                CreationAccess.TYPE,
                campaignId,
                null,
                java.util.Map.of(
                        "lagging",
                        p.lagging().stream()
                                .map(CreationProgress.UnitProgress::unitName)
                                .toList())));
        return doc;
    }

    static byte[] render(CampaignView campaign, CreationProgress p, LocalDate today) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, "关于" + campaign.name() + "工作进展情况的通报", "方正小标宋简体", 22);
            XWPFParagraph to = doc.createParagraph();
            run(to, "各乡（镇、街道），县直各单位：", "仿宋_GB2312", 16);
            int units = p.units().size();
            int tasks = p.units().stream()
                    .mapToInt(CreationProgress.UnitProgress::tasks)
                    .sum();
            int complete = p.units().stream()
                    .mapToInt(CreationProgress.UnitProgress::complete)
                    .sum();
            int open = p.units().stream()
                    .mapToInt(CreationProgress.UnitProgress::openProblems)
                    .sum();
            body(
                    doc,
                    "为推进" + campaign.name() + "，按照督察指导阶段“定期通报”的要求，现将截至" + today.format(CN_DAY)
                            + "各责任单位创建材料收集整理情况通报如下：");
            heading(doc, NUMERALS[0] + "、总体情况");
            body(
                    doc,
                    "本次创建任务分解到" + units + "个责任单位，共" + tasks + "项单位任务，已上传材料并填写说明的" + complete + "项，完成率"
                            + percent(tasks == 0 ? BigDecimal.ZERO : LaggingRule.rate(complete, tasks)) + "；各单位完成率的中位数为"
                            + percent(p.median()) + "；问题清单中尚未整改完成的问题" + open + "个。");
            heading(doc, NUMERALS[1] + "、进度滞后单位");
            if (p.target() == null) {
                body(doc, "全面自查截止日期尚未到，本期不认定滞后单位。");
            } else {
                body(
                        doc,
                        "认定规则：" + p.checkpoint().format(CN_DAY) + "（" + phaseName(p.checkpointPhase()) + "截止）后，完成率应达到"
                                + percent(p.target()) + "；完成率未达到该要求、且低于全部责任单位中位数（或仍为零）的单位，认定为进度滞后单位。");
                List<CreationProgress.UnitProgress> lagging = p.lagging();
                if (lagging.isEmpty()) {
                    body(doc, "本期没有进度滞后单位。");
                } else {
                    body(
                            doc,
                            "以下" + lagging.size() + "个单位进度滞后，予以通报："
                                    + String.join(
                                            "、",
                                            lagging.stream()
                                                    .map(CreationProgress.UnitProgress::unitName)
                                                    .toList())
                                    + "。");
                    XWPFTable table = doc.createTable(lagging.size() + 1, 5);
                    String[] head = {"单位", "任务数", "已上传材料", "已填写说明", "完成率"};
                    for (int i = 0; i < head.length; i++) {
                        cell(table, 0, i, head[i]);
                    }
                    int r = 1;
                    for (CreationProgress.UnitProgress u : lagging) {
                        cell(table, r, 0, u.unitName());
                        cell(table, r, 1, String.valueOf(u.tasks()));
                        cell(table, r, 2, String.valueOf(u.withFiles()));
                        cell(table, r, 3, String.valueOf(u.withExplanation()));
                        cell(table, r, 4, percent(u.rate()));
                        r++;
                    }
                }
            }
            heading(doc, NUMERALS[2] + "、完成率较低的指标");
            List<CreationProgress.IndicatorProgress> low = p.indicators().stream()
                    .sorted((a, b) -> a.rate().compareTo(b.rate()) != 0
                            ? a.rate().compareTo(b.rate())
                            : Integer.compare(a.position(), b.position()))
                    .limit(5)
                    .toList();
            for (CreationProgress.IndicatorProgress i : low) {
                body(
                        doc,
                        i.indicator() + "：" + i.assignments() + "项单位任务，完成" + i.complete() + "项（" + percent(i.rate())
                                + "）。");
            }
            heading(doc, NUMERALS[3] + "、下步要求");
            body(doc, "各责任单位要对照创建指标体系逐项查漏补缺，按时上传材料、填写说明；牵头单位要及时汇总配合单位材料。对因履责不到位、措施不力导致创建指标严重不达标的，将予以通报批评。");
            body(doc, "");
            XWPFParagraph sign = doc.createParagraph();
            sign.setAlignment(ParagraphAlignment.RIGHT);
            run(sign, "创建工作指挥部办公室", "仿宋_GB2312", 16);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            run(date, today.format(CN_DAY), "仿宋_GB2312", 16);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String phaseName(String code) {
        return switch (code == null ? "" : code) {
            case "SELF_CHECK" -> "全面自查";
            case "RECTIFICATION" -> "限期整改";
            case "DECLARATION" -> "集中申报";
            default -> code;
        };
    }

    static String percent(BigDecimal rate) {
        return rate.movePointRight(2)
                        .setScale(1, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }

    private static void cell(XWPFTable t, int row, int col, String text) {
        var cell = t.getRow(row).getCell(col);
        XWPFParagraph p = cell.getParagraphs().get(0);
        run(p, text, "仿宋_GB2312", 12);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph h = doc.createParagraph();
        h.setIndentationFirstLine(640);
        run(h, text, "黑体", 16);
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
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
    }
}
