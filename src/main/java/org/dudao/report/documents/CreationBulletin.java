package org.dudao.report.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignKind;
import org.dudao.campaign.CampaignView;
import org.dudao.creation.CreationApi;
import org.dudao.creation.CreationProgress;
import org.dudao.report.documents.OfficialDocument.Block;
import org.dudao.report.documents.OfficialDocument.Heading;
import org.dudao.report.documents.OfficialDocument.Paragraph;
import org.dudao.report.documents.OfficialDocument.Table;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 示范创建进展通报 (督察指导: “定期通报”, 003:856): the overall figures of a creation campaign, the units
 * lagging behind named with their figures and the rule that made them lagging, and the indicators
 * furthest behind, laid out by GB/T 9704 with the office as issuing authority. The campaign's office
 * only (404, audited, for anyone else).
 */
@Service
@Transactional(readOnly = true)
public class CreationBulletin {

    private final CampaignApi campaigns;
    private final CreationApi creation;
    private final ApplicationEventPublisher events;
    private final DatabaseTime time;

    CreationBulletin(CampaignApi campaigns, CreationApi creation, ApplicationEventPublisher events, DatabaseTime time) {
        this.campaigns = campaigns;
        this.creation = creation;
        this.events = events;
        this.time = time;
    }

    public GeneratedDocument docx(long campaignId, CurrentUser user) {
        CampaignView c = campaigns.managed(campaignId, user);
        if (c.kind() != CampaignKind.CREATION) {
            throw new NotFoundException("campaign", campaignId);
        }
        LocalDate today = LocalDate.ofInstant(time.now(), ClockConfiguration.ZONE);
        CreationProgress p = creation.progressOn(campaignId, today);
        byte[] bytes = DocxWriter.write(compose(c, p, user.unitName(), today));
        String sha = DocumentService.sha256(bytes);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", "creation-bulletin");
        after.put("sha256", sha);
        after.put(
                "lagging",
                p.lagging().stream()
                        .map(CreationProgress.UnitProgress::unitName)
                        .toList());
        events.publishEvent(AuditEvent.success(
                "report.document.generate",
                "report-document",
                "campaign/" + campaignId + "/creation-bulletin",
                null,
                after));
        return new GeneratedDocument(bytes, "进展通报-" + c.name() + ".docx", GeneratedDocument.DOCX, sha, null);
    }

    static OfficialDocument compose(CampaignView c, CreationProgress p, String authority, LocalDate today) {
        List<Block> body = new ArrayList<>();
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
        String day = DocumentText.date(today, false);
        body.add(new Paragraph("为推进" + c.name() + "工作，按照督察指导阶段“定期通报”的要求，现将截至" + day + "各责任单位创建材料收集整理情况通报如下。"));
        int section = 1;
        body.add(new Heading(1, DocumentText.numeral(section++) + "、总体情况"));
        body.add(new Paragraph("本次创建任务分解到" + units + "个责任单位，共" + tasks + "项单位任务，已上传材料并填写说明的" + complete
                + "项，完成率" + percent(tasks == 0 ? BigDecimal.ZERO : rate(complete, tasks)) + "；各单位完成率的中位数为"
                + percent(p.median()) + "；问题清单中尚未整改完成的问题" + open + "个。"));
        body.add(new Heading(1, DocumentText.numeral(section++) + "、进度滞后单位"));
        if (p.target() == null) {
            body.add(new Paragraph("全面自查截止日期尚未到，本期不认定进度滞后单位。"));
        } else {
            body.add(new Paragraph("认定规则：" + DocumentText.date(p.checkpoint(), false) + "（" + phase(p.checkpointPhase())
                    + "截止）后，完成率应达到" + percent(p.target()) + "；完成率未达到该要求，且低于全部责任单位完成率中位数（或仍为零）的单位，认定为进度滞后单位。"
                    + "完成，指已上传材料并填写说明。"));
            List<CreationProgress.UnitProgress> lagging = p.lagging();
            if (lagging.isEmpty()) {
                body.add(new Paragraph("本期没有进度滞后单位。"));
            } else {
                body.add(new Paragraph("以下" + lagging.size() + "个单位进度滞后，予以通报："
                        + String.join(
                                "、",
                                lagging.stream()
                                        .map(CreationProgress.UnitProgress::unitName)
                                        .toList())
                        + "。"));
                List<List<String>> rows = new ArrayList<>();
                for (CreationProgress.UnitProgress u : lagging) {
                    rows.add(List.of(
                            u.unitName(),
                            String.valueOf(u.tasks()),
                            String.valueOf(u.withFiles()),
                            String.valueOf(u.withExplanation()),
                            percent(u.rate()),
                            String.valueOf(u.openProblems())));
                }
                body.add(new Table(
                        "进度滞后单位情况",
                        List.of("单位", "任务数", "已上传材料", "已填写说明", "完成率", "未整改问题"),
                        rows,
                        new int[] {5, 2, 2, 2, 2, 2},
                        new boolean[] {false, true, true, true, true, true}));
            }
        }
        body.add(new Heading(1, DocumentText.numeral(section++) + "、完成率较低的指标"));
        List<CreationProgress.IndicatorProgress> low = p.indicators().stream()
                .sorted((a, b) -> a.rate().compareTo(b.rate()) != 0
                        ? a.rate().compareTo(b.rate())
                        : Integer.compare(a.position(), b.position()))
                .limit(5)
                .toList();
        for (CreationProgress.IndicatorProgress i : low) {
            body.add(new Paragraph(i.indicator() + "：" + i.assignments() + "项单位任务，完成" + i.complete() + "项（"
                    + percent(i.rate()) + "）。"));
        }
        body.add(new Heading(1, DocumentText.numeral(section) + "、下步要求"));
        body.add(new Paragraph(
                "各责任单位要对照创建指标体系逐项查漏补缺，按时上传材料、填写说明；牵头单位要及时汇总配合单位材料，做好汇总备查。" + "对因履责不到位、措施不力导致创建指标严重不达标的，将予以通报批评。"));
        return new OfficialDocument(
                new OfficialDocument.Masthead(authority, null, OfficialDocument.Layout.FILE),
                "关于" + c.name() + "工作进展情况的通报",
                "各责任单位",
                body,
                new OfficialDocument.Signature(authority, day),
                List.of(),
                null);
    }

    static String phase(String code) {
        return switch (code == null ? "" : code) {
            case "SELF_CHECK" -> "全面自查";
            case "RECTIFICATION" -> "限期整改";
            case "DECLARATION" -> "集中申报";
            default -> String.valueOf(code);
        };
    }

    static BigDecimal rate(int done, int of) {
        return BigDecimal.valueOf(done).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }

    static String percent(BigDecimal rate) {
        return rate.movePointRight(2)
                        .setScale(1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }
}
