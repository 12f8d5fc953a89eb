package org.dudao.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.creation.AssignmentView;
import org.dudao.creation.CreationApi;
import org.dudao.identity.IdentityApi;
import org.dudao.identity.NewAccount;
import org.dudao.identity.PasswordGenerator;
import org.dudao.identity.Role;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitCommand;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitScope;
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
 * The Lushan model-county creation (template LS-2021, seed 003) for the current year, run by the county
 * office {@code ls-office}: the county's departments as seed 003 names them as responsible units (a few
 * spellings kept as short names: 县应急局, 县文广旅局, 县生态环境分局; “县人大” is left unresolved on
 * purpose, the source also prints “县人大办公室”, so the office sees it reported), five towns/streets
 * (演示数据: seed 003 only says “各乡（镇、街道）”), accounts for the towns and three departments, and some
 * materials, explanations, a sealed self-report and problems, all marked as demo data. Idempotent: does
 * nothing when the county already runs an LS-2021 campaign.
 */
@Component
@Order(DemoDataLoader.ORDER + 20)
class CreationDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CreationDemo.class);

    static final String COUNTY = "鲁山县人民政府";
    static final String OFFICE = "鲁山县委全面依法治县委员会办公室";
    static final String SOURCE = "003 鲁法办〔2021〕1号 责任单位";
    static final String DEMO = "演示数据";

    /** Departments named by seed 003 (name, short name for another spelling in the source). */
    static final List<String[]> DEPARTMENTS = List.of(
            new String[] {"县委办公室", null},
            new String[] {"县政府办公室", null},
            new String[] {"县人大办公室", null},
            new String[] {"县政协办公室", null},
            new String[] {"县纪委监委", null},
            new String[] {"县委组织部", null},
            new String[] {"县委宣传部", null},
            new String[] {"县委政法委", null},
            new String[] {"县委编办", null},
            new String[] {"县委党校", null},
            new String[] {"县法院", null},
            new String[] {"县检察院", null},
            new String[] {"县发改委", null},
            new String[] {"县工信局", null},
            new String[] {"县公安局", null},
            new String[] {"县民政局", null},
            new String[] {"县司法局", null},
            new String[] {"县财政局", null},
            new String[] {"县人社局", null},
            new String[] {"县自然资源局", null},
            new String[] {"市生态环境局鲁山分局", "县生态环境分局"},
            new String[] {"县住建局", null},
            new String[] {"县城管局", null},
            new String[] {"县交通运输局", null},
            new String[] {"县农业农村局", null},
            new String[] {"县商务局", null},
            new String[] {"县文广旅游局", "县文广旅局"},
            new String[] {"县卫健委", null},
            new String[] {"县应急管理局", "县应急局"},
            new String[] {"县审计局", null},
            new String[] {"县市场监管局", null},
            new String[] {"县税务分局", null},
            new String[] {"县信访局", null},
            new String[] {"县政务服务和大数据服务中心", null},
            new String[] {"县网络安全中心", null});

    /** Invented for the demo: seed 003 names no town. */
    static final List<String> TOWNS = List.of("鲁阳街道", "琴台街道", "张良镇", "尧山镇", "下汤镇");

    /** username, unit, display name. */
    static final List<String[]> ACCOUNTS = List.of(
            new String[] {"ls-xz-01", "鲁阳街道", "鲁阳街道创建联络员"},
            new String[] {"ls-xz-02", "琴台街道", "琴台街道创建联络员"},
            new String[] {"ls-xz-03", "张良镇", "张良镇创建联络员"},
            new String[] {"ls-xz-04", "尧山镇", "尧山镇创建联络员"},
            new String[] {"ls-xz-05", "下汤镇", "下汤镇创建联络员"},
            new String[] {"ls-bm-01", "县委编办", "县委编办创建联络员"},
            new String[] {"ls-bm-02", "县政务服务和大数据服务中心", "县政务服务和大数据服务中心创建联络员"},
            new String[] {"ls-bm-03", "县司法局", "县司法局创建联络员"});

    private final DudaoProperties properties;
    private final OrganizationApi organization;
    private final IdentityApi identity;
    private final CampaignApi campaigns;
    private final CreationApi creation;
    private final TransactionTemplate tx;
    private final Clock clock;

    CreationDemo(
            DudaoProperties properties,
            OrganizationApi organization,
            IdentityApi identity,
            CampaignApi campaigns,
            CreationApi creation,
            TransactionTemplate tx,
            Clock clock) {
        this.properties = properties;
        this.organization = organization;
        this.identity = identity;
        this.campaigns = campaigns;
        this.creation = creation;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoEnabled()) {
            return;
        }
        UnitView county = named(COUNTY);
        UnitView office = named(OFFICE);
        if (county == null || office == null) {
            log.warn("演示数据中没有{}或其考核办，跳过示范创建演示 / no Lushan county in the demo units", COUNTY);
            return;
        }
        boolean exists = campaigns.ownedBy(county.id()).stream().anyMatch(c -> "LS-2021".equals(c.templateCode()));
        if (exists) {
            return;
        }
        List<String[]> credentials = new ArrayList<>();
        CampaignView c = tx.execute(status -> load(county, office, credentials));
        append(credentials);
        log.info("示范创建演示活动 / demo creation campaign: {} (id {})", c.name(), c.id());
    }

    private CampaignView load(UnitView county, UnitView office, List<String[]> credentials) {
        Map<String, UnitView> existing = organization.list(UnitScope.subtree(county.id())).stream()
                .collect(Collectors.toMap(UnitView::name, u -> u, (a, b) -> a));
        int order = 10;
        for (String[] d : DEPARTMENTS) {
            if (!existing.containsKey(d[0])) {
                existing.put(
                        d[0],
                        organization.createSystemUnit(
                                county.id(),
                                new UnitCommand(
                                        d[0],
                                        d[1],
                                        UnitKind.DEPARTMENT,
                                        order,
                                        null,
                                        null,
                                        null,
                                        d[1] == null ? DEMO : DEMO + "；源文件另作“" + d[1] + "”",
                                        SOURCE)));
            }
            order++;
        }
        for (String t : TOWNS) {
            if (!existing.containsKey(t)) {
                existing.put(
                        t,
                        organization.createSystemUnit(
                                county.id(),
                                new UnitCommand(
                                        t,
                                        null,
                                        UnitKind.TOWN,
                                        order,
                                        null,
                                        null,
                                        null,
                                        DEMO + "：源文件只写“各乡（镇、街道）”，未列乡镇名称，此处取鲁山县的5个乡镇（街道）作演示",
                                        null)));
            }
            order++;
        }
        for (String[] a : ACCOUNTS) {
            String password = PasswordGenerator.generate(14);
            identity.create(new NewAccount(
                    a[0], a[2], existing.get(a[1]).id(), EnumSet.of(Role.TARGET), password, false, DEMO + "账户"));
            credentials.add(new String[] {a[0], password, Role.TARGET.name(), a[1]});
        }
        int year = LocalDate.now(clock.withZone(ClockConfiguration.ZONE)).getYear();
        CurrentUser asOffice = DemoUsers.office(office, county.id());
        CampaignView c = creation.create("LS-2021", null, year, asOffice);
        work(c.id(), existing.get("县委编办"), county, 6, true);
        work(c.id(), existing.get("县政务服务和大数据服务中心"), county, 3, false);
        work(c.id(), existing.get("县司法局"), county, 8, true);
        work(c.id(), existing.get("鲁阳街道"), county, 5, true);
        work(c.id(), existing.get("琴台街道"), county, 2, false);
        CurrentUser bb = as(existing.get("县委编办"), county);
        List<AssignmentView> bbLines = creation.myLines(c.id(), bb);
        AssignmentView first = bbLines.get(0);
        creation.consolidate(
                c.id(), first.taskId(), null, "（演示数据）已汇总县委编办、县政务服务和大数据服务中心及各乡（镇、街道）报送的行政审批事项清单公开材料，网上公开链接见各单位说明。", bb);
        CurrentUser sfj = as(existing.get("县司法局"), county);
        creation.saveSelfReport(
                c.id(), "（演示数据）县司法局对照创建指标体系开展自查自评：已完成行政执法“三项制度”落实情况梳理；" + "短板：部分执法案卷归档不规范，法律顾问参与重大决策记录不全。", sfj);
        creation.seal(c.id(), sfj);
        CurrentUser ly = as(existing.get("鲁阳街道"), county);
        creation.saveSelfReport(c.id(), "（演示数据）鲁阳街道自查报告草稿：公共法律服务工作站已覆盖全部社区，正在补充村（居）法律顾问台账。", ly);
        creation.addProblem(
                c.id(),
                null,
                null,
                "SELF_CHECK",
                "（演示数据）村（居）法律顾问服务台账不完整",
                "逐村补齐服务记录，6月10日前完成",
                LocalDate.of(year, 6, 10),
                ly);
        long fixed = creation.addProblem(
                        c.id(),
                        null,
                        null,
                        "Y2019",
                        "（演示数据）2019年排查：行政执法案卷未按年度归档",
                        "按年度重新整理归档",
                        LocalDate.of(year, 6, 10),
                        sfj)
                .id();
        creation.rectify(c.id(), fixed, "（演示数据）已完成2016年以来执法案卷的年度归档。", sfj);
        CurrentUser officeUser = asOffice;
        creation.addProblem(
                c.id(),
                existing.get("琴台街道").id(),
                null,
                "GUIDANCE",
                "（演示数据）督察指导发现：创建材料上传进度明显滞后",
                "明确专人负责，一周内补齐第1—10项指标材料",
                LocalDate.of(year, 7, 10),
                officeUser);
        return c;
    }

    private CurrentUser as(UnitView unit, UnitView county) {
        return DemoUsers.target(unit.id(), unit.name(), county.id());
    }

    /** The unit uploads a demo docx and writes an explanation for its first {@code n} tasks (files only when asked). */
    private void work(long campaignId, UnitView unit, UnitView county, int n, boolean withText) {
        CurrentUser user = as(unit, county);
        List<AssignmentView> lines = creation.myLines(campaignId, user);
        for (int i = 0; i < Math.min(n, lines.size()); i++) {
            AssignmentView l = lines.get(i);
            creation.upload(
                    campaignId,
                    l.taskId(),
                    l.taskLabel() + unit.name() + "创建材料（演示）.docx",
                    new ByteArrayInputStream(docx(unit.name(), l)),
                    user);
            if (withText || i % 2 == 0) {
                creation.explain(
                        campaignId,
                        l.taskId(),
                        "（演示数据）" + unit.name() + "已按“" + String.join("、", l.methods()) + "”的要求整理" + l.taskLabel()
                                + "相关材料，汇总备查。",
                        user);
            }
        }
    }

    static byte[] docx(String unit, AssignmentView line) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFRun r = doc.createParagraph().createRun();
            r.setText("【演示数据】" + unit + " 示范创建材料");
            r.setBold(true);
            doc.createParagraph().createRun().setText(line.indicator());
            doc.createParagraph().createRun().setText(line.taskLabel() + line.taskName());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UnitView named(String name) {
        return organization.all().stream()
                .filter(u -> name.equals(u.name()))
                .findFirst()
                .orElse(null);
    }

    private void append(List<String[]> credentials) {
        Path file = properties
                .dataDir()
                .resolve("demo-accounts.csv")
                .toAbsolutePath()
                .normalize();
        StringBuilder sb = new StringBuilder();
        if (!Files.exists(file)) {
            sb.append("username,password,role,unit\n");
        }
        for (String[] c : credentials) {
            sb.append(String.join(",", c)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
