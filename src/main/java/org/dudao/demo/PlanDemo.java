package org.dudao.demo;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TaskView;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitView;
import org.dudao.plan.PlanApi;
import org.dudao.plan.PlanStatus;
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
 * Demo plan tracking: the Pingdingshan 2022–2025 plan (template PDS-2022-PLAN, seed 004) with some lead
 * and co-units, yearly progress reports, task statuses and yearly report statuses. The source names no
 * unit for any task, so every assignment here is invented and stored as a demo assignment; every text
 * starts with 【演示数据】. Runs once: nothing when the plan already exists.
 */
@Component
@Order(DemoDataLoader.ORDER + 30)
class PlanDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanDemo.class);
    static final String TEMPLATE = "PDS-2022-PLAN";
    static final String DEMO = "【演示数据】";

    private final DudaoProperties properties;
    private final OrganizationApi organization;
    private final CampaignApi campaigns;
    private final PlanApi plans;
    private final TransactionTemplate tx;

    PlanDemo(
            DudaoProperties properties,
            OrganizationApi organization,
            CampaignApi campaigns,
            PlanApi plans,
            TransactionTemplate tx) {
        this.properties = properties;
        this.organization = organization;
        this.campaigns = campaigns;
        this.plans = plans;
        this.tx = tx;
    }

    /** Task label → lead units; co-units after a "|" (demo assignments, not from the source). */
    static final Map<String, String> ASSIGNMENTS = Map.ofEntries(
            Map.entry("3.", "市政务服务和大数据管理局|市发改委、市市场监管局"),
            Map.entry("4.", "市政务服务和大数据管理局|"),
            Map.entry("6.", "市市场监管局|市发改委"),
            Map.entry("10.", "市司法局|"),
            Map.entry("11.", "市司法局|市政府办公室"),
            Map.entry("15.", "市司法局|市政府办公室"),
            Map.entry("16.", "市司法局|"),
            Map.entry("50.", "市司法局|"),
            Map.entry("61.", "市政府办公室|市政务服务和大数据管理局"),
            Map.entry("72.", "市司法局|市政府办公室"),
            Map.entry("75.", "市司法局|市政务服务和大数据管理局"));

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
        CurrentUser asOffice = DemoUsers.office(office, city);
        CampaignView plan = tx.execute(status -> load(asOffice, city));
        log.info("演示实施方案 / demo plan: {} (id {})", plan.name(), plan.id());
    }

    private CampaignView load(CurrentUser asOffice, long city) {
        CampaignView plan = campaigns.createFromTemplate(TEMPLATE, null, 2022, asOffice);
        Map<String, Long> task = new HashMap<>();
        for (TaskView t : campaigns.tasks(plan.id())) {
            task.put(t.label(), t.id());
        }
        Map<String, UnitView> unit = new HashMap<>();
        organization.all().forEach(u -> unit.putIfAbsent(u.name(), u));
        ASSIGNMENTS.forEach((label, units) -> {
            String[] parts = units.split("\\|", -1);
            plans.assignDemo(plan.id(), List.of(task.get(label)), ids(parts[0], unit), ids(parts[1], unit), asOffice);
        });
        CurrentUser justice = as(unit.get("市司法局"), city);
        CurrentUser services = as(unit.get("市政务服务和大数据管理局"), city);
        CurrentUser reform = as(unit.get("市发改委"), city);
        plans.reportDemo(
                plan.id(),
                task.get("10."),
                2022,
                DEMO + "编制并印发2022年度市政府立法计划，统筹安排城乡建设与管理、环境保护、历史文化保护等方面立法项目。",
                DEMO + "立法计划项目 5 件，其中正式项目 2 件、预备项目 3 件",
                at("2023-02-20T10:00"),
                justice);
        plans.reportDemo(
                plan.id(),
                task.get("10."),
                2023,
                DEMO + "2023年度立法计划经市政府常务会议审议通过并公开发布。",
                DEMO + "完成立法计划项目 4 件",
                at("2024-03-12T15:30"),
                justice);
        plans.reportDemo(
                plan.id(),
                task.get("3."),
                2022,
                DEMO + "政务服务事项清单完成动态调整，推行告知承诺制。",
                DEMO + "调整事项 126 项；告知承诺事项 58 项",
                at("2023-03-10T09:00"),
                services);
        plans.reportDemo(
                plan.id(),
                task.get("3."),
                2022,
                DEMO + "配合开展投资审批“三个一”改革，梳理企业投资项目承诺制事项。",
                DEMO + "梳理承诺制事项 32 项",
                at("2023-03-15T11:00"),
                reform);
        plans.statusDemo(plan.id(), task.get("3."), PlanStatus.IN_PROGRESS, DEMO + "改革事项分年度推进中。", asOffice);
        plans.statusDemo(plan.id(), task.get("10."), PlanStatus.DONE, DEMO + "2022—2025年度立法计划均已编制并执行。", asOffice);
        plans.statusDemo(plan.id(), task.get("15."), PlanStatus.IN_PROGRESS, DEMO + "合法性审核机制已建立，正在完善。", asOffice);
        plans.annualDemo(plan.id(), 2022, PlanStatus.DONE, DEMO + "2022年度报告已于2023年3月报送并在政府网站公开。", asOffice);
        plans.annualDemo(plan.id(), 2023, PlanStatus.DONE, DEMO + "2023年度报告已于2024年3月报送并公开。", asOffice);
        plans.annualDemo(plan.id(), 2024, PlanStatus.IN_PROGRESS, DEMO + "报告已起草，待常务会议审议。", asOffice);
        return plan;
    }

    private static List<Long> ids(String names, Map<String, UnitView> unit) {
        if (names.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(names.split("、"))
                .map(n -> unit.get(n).id())
                .toList();
    }

    private static CurrentUser as(UnitView u, long city) {
        return DemoUsers.target(u.id(), u.name(), city);
    }

    private static java.time.Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ClockConfiguration.ZONE).toInstant();
    }
}
