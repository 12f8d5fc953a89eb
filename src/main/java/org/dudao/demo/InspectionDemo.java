package org.dudao.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TargetView;
import org.dudao.inspection.DeductionCommand;
import org.dudao.inspection.InspectionApi;
import org.dudao.inspection.SelfReportCommand;
import org.dudao.inspection.SelfReportView;
import org.dudao.inspection.SheetView;
import org.dudao.inspection.TeamCommand;
import org.dudao.inspection.TeamView;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitView;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 演示数据：督察。The Puyang inspection (template PY-2020, seed 002) run over the demo's county governments
 * for the current year: both scoring sheets, a team led by {@code pds-inspector}, visits for three
 * counties, a submitted self-inspection report (舞钢), a draft one (鲁山, account {@code pds-xq-04}) and some
 * deductions and on-the-spot feedback. Everything written here is demo data and says so; the sheets are
 * the seed's. Because the seed's dates (8-01 … 9-05) have passed in the demo year, the office grants the
 * two counties an extension (an ordinary, audited extension) so that their reports can be written. Does
 * nothing when the campaign exists already.
 */
@Component
@Order(DemoDataLoader.ORDER + 10)
class InspectionDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InspectionDemo.class);
    static final String TEMPLATE = "PY-2020";

    private final DudaoProperties properties;
    private final OrganizationApi organization;
    private final CampaignApi campaigns;
    private final InspectionApi inspection;
    private final TransactionTemplate tx;
    private final Clock clock;

    InspectionDemo(
            DudaoProperties properties,
            OrganizationApi organization,
            CampaignApi campaigns,
            InspectionApi inspection,
            TransactionTemplate tx,
            Clock clock) {
        this.properties = properties;
        this.organization = organization;
        this.campaigns = campaigns;
        this.inspection = inspection;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoEnabled()) {
            return;
        }
        UnitView office = DemoUsers.cityOffice(organization).orElse(null);
        if (office == null) {
            return;
        }
        long city = organization.jurisdictionOf(office.id());
        if (campaigns.ownedBy(city).stream().anyMatch(c -> TEMPLATE.equals(c.templateCode()))) {
            return;
        }
        CampaignView c = tx.execute(status -> load(office, city));
        log.info("演示督察 / demo inspection: {} (id {})", c.name(), c.id());
    }

    private CampaignView load(UnitView officeUnit, long city) {
        CurrentUser office = DemoUsers.office(officeUnit, city);
        int year = LocalDate.now(clock.withZone(ClockConfiguration.ZONE)).getYear();
        CampaignView campaign = campaigns.createFromTemplate(
                TEMPLATE, year + "年党政主要负责人履行推进法治建设第一责任人职责及法治政府建设督察（演示数据，按濮阳市方案）", year, office);
        long id = campaign.id();
        List<CategoryView> sheets = campaigns.categories(id);
        long government = sheets.get(sheets.size() - 1).id();
        List<UnitView> counties = organization.all().stream()
                .filter(u -> u.kind() == UnitKind.COUNTY)
                .filter(u -> u.parentId() != null && u.parentId() == city)
                .toList();
        for (UnitView county : counties) {
            campaigns.addTarget(id, government, county.id(), office);
        }
        List<TargetView> targets = campaigns.targets(id);
        UnitView justice = organization.all().stream()
                .filter(u -> "市司法局".equals(u.name()))
                .findFirst()
                .orElse(officeUnit);
        TeamView team = inspection.createTeam(
                id,
                new TeamCommand(
                        "第一督察组（演示）",
                        List.of(
                                new TeamCommand.MemberCommand("LEADER", "演示组长", officeUnit.id(), null, "pds-inspector"),
                                new TeamCommand.MemberCommand("MEMBER", "演示成员", justice.id(), null, null),
                                new TeamCommand.MemberCommand("EXPERT", "演示专家", null, "某高校法学院（演示数据）", null))),
                office);
        for (int i = 0; i < Math.min(3, targets.size()); i++) {
            inspection.schedule(id, targets.get(i).id(), team.id(), LocalDate.of(year, 8, 12 + i), office);
        }
        if (targets.isEmpty()) {
            return campaign;
        }
        // to the end of a day, as the office would grant it
        java.time.Instant until = LocalDate.now(clock.withZone(ClockConfiguration.ZONE))
                .plusDays(31)
                .atStartOfDay(ClockConfiguration.ZONE)
                .toInstant();
        TargetView first = targets.get(0);
        for (TargetView t : targets) {
            if (t == first || t.name().startsWith("鲁山县")) {
                campaigns.grantExtension(id, t.id(), null, until, "演示数据：自查阶段已过，延期以便演示自查报告填报", office);
            }
        }
        CurrentUser firstUser = targetUser(first, city);
        inspection.saveReport(id, report(first.name(), true), firstUser);
        inspection.submitReport(id, firstUser);
        targets.stream()
                .filter(t -> t.name().startsWith("鲁山县"))
                .findFirst()
                .ifPresent(t -> inspection.saveReport(id, report(t.name(), false), targetUser(t, city)));

        List<SheetView> scored = inspection.sheets(id, first.id(), office);
        SheetView.Item party1 = scored.get(0).items().get(0);
        inspection.deduct(
                id,
                first.id(),
                new DeductionCommand(party1.taskId(), 1, new java.math.BigDecimal("1"), "（演示数据）上半年仅听取一次法治建设工作汇报"),
                office);
        SheetView.Item gov1 = scored.get(scored.size() - 1).items().get(0);
        inspection.deduct(
                id,
                first.id(),
                new DeductionCommand(gov1.taskId(), 3, new java.math.BigDecimal("2"), "（演示数据）五年规划落实成效不明显"),
                office);
        inspection.addNote(id, first.id(), "（演示数据）现场反馈：重大行政决策合法性审查记录不全，执法公示需补齐。", office);
        return campaign;
    }

    private static CurrentUser targetUser(TargetView t, long city) {
        return DemoUsers.target(t.unitId(), t.name(), t.unitId());
    }

    /** A demo report: a short narrative, real-looking figures marked as demo data, problems with measures. */
    private static SelfReportCommand report(String unit, boolean complete) {
        String narrative = "（演示数据）" + unit + "对照两张打分表逐项开展自查，现将自查情况报告如下。";
        List<SelfReportView.Figure> figures = List.of(
                new SelfReportView.Figure("常委会听取法治建设工作汇报（次）", "1（演示数据）"),
                new SelfReportView.Figure("规范性文件报备率", "92%（演示数据）"));
        List<SelfReportView.Problem> problems = complete
                ? List.of(
                        new SelfReportView.Problem(
                                "（演示数据）常委会上半年仅听取一次法治建设工作汇报，研究解决重大问题的记录不完整，会议纪要未单列法治议题。",
                                "对第一责任人职责规定学习不深入。",
                                "下半年起每季度安排一次法治建设专题汇报，会议纪要单列法治议题，由县委办公室建立台账跟踪落实。"),
                        new SelfReportView.Problem(
                                "（演示数据）规范性文件报备率92%，未达到100%的要求，有2件文件超过报备时限。",
                                "", "司法局建立规范性文件报备提醒机制，逐件核对报备情况，年底前报备率、及时率、规范率达到100%。"))
                : List.of(new SelfReportView.Problem("（演示数据）法治建设工作经费未单列预算。", "财政保障机制不健全。", "明年起纳入同级财政预算。"));
        return new SelfReportCommand(narrative, figures, problems);
    }
}
