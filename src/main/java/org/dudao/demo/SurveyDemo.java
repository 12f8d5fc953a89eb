package org.dudao.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitView;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.dudao.survey.OptionView;
import org.dudao.survey.QuestionView;
import org.dudao.survey.QuestionnaireCommand;
import org.dudao.survey.QuestionnaireView;
import org.dudao.survey.SatisfactionPreset;
import org.dudao.survey.SurveyApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data, not source data: a satisfaction questionnaire (满意度调查) on the demo PDS-2020 campaign,
 * published for the county governments, with generated responses (marked DEMO) for some of them — a few
 * with fewer responses than the minimum, so that the flagging shows. Seed 000 (2020) has no satisfaction
 * survey; seed 004 (2022) names it without a questionnaire. Once per database: nothing when the
 * questionnaire exists.
 */
@Component
@Order(DemoDataLoader.ORDER + 40)
class SurveyDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SurveyDemo.class);
    static final String TITLE = "【演示数据】法治政府建设群众满意度调查";
    static final int MIN_RESPONSES = 5;

    private final DudaoProperties properties;
    private final OrganizationApi organization;
    private final CampaignApi campaigns;
    private final SurveyApi surveys;
    private final TransactionTemplate tx;
    private final Clock clock;

    SurveyDemo(
            DudaoProperties properties,
            OrganizationApi organization,
            CampaignApi campaigns,
            SurveyApi surveys,
            TransactionTemplate tx,
            Clock clock) {
        this.properties = properties;
        this.organization = organization;
        this.campaigns = campaigns;
        this.surveys = surveys;
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
        CurrentUser asOffice = DemoUsers.office(office, city);
        int year = LocalDate.now(clock.withZone(ClockConfiguration.ZONE)).getYear();
        CampaignView campaign = campaigns.ownedBy(city).stream()
                .filter(c -> "PDS-2020".equals(c.templateCode()) && c.year() == year)
                .min(Comparator.comparingLong(CampaignView::id))
                .orElse(null);
        if (campaign == null || surveys.list(campaign.id(), asOffice).stream().anyMatch(q -> TITLE.equals(q.title()))) {
            return;
        }
        int responses = tx.execute(status -> load(campaign, asOffice));
        log.info("演示问卷 / demo questionnaire: {} ({} demo responses)", TITLE, responses);
    }

    private int load(CampaignView campaign, CurrentUser office) {
        QuestionnaireView q = surveys.create(
                campaign.id(),
                new QuestionnaireCommand(
                        TITLE,
                        "演示数据：本问卷和答卷由演示程序生成，不是来源材料中的数据。本问卷匿名填写，约需2分钟。",
                        null,
                        MIN_RESPONSES,
                        SatisfactionPreset.questions()),
                office);
        List<TargetView> counties = campaigns.targets(campaign.id()).stream()
                .filter(t -> t.category().equals("县区政府"))
                .toList();
        surveys.publish(q.id(), counties.stream().map(TargetView::id).toList(), office);
        Random random = new Random(2020);
        int total = 0;
        for (int i = 0; i < counties.size(); i++) {
            // most counties enough responses, a few below the minimum, the last two none
            int n = i >= counties.size() - 2 ? 0 : i % 4 == 3 ? 3 : 8 + random.nextInt(8);
            for (int k = 0; k < n; k++) {
                surveys.recordDemoResponse(q.id(), counties.get(i).id(), answers(q, random, i), "demo-" + i + "-" + k);
                total++;
            }
        }
        return total;
    }

    /** Generated answers: each target its own leaning, so the results differ from target to target. */
    private static Map<String, List<String>> answers(QuestionnaireView q, Random random, int target) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        double lean = 0.45 + 0.05 * (target % 6);
        for (QuestionView question : q.questions()) {
            List<OptionView> o = question.options();
            String field = "q" + question.id();
            switch (question.kind()) {
                case RATING -> {
                    double x = random.nextDouble();
                    int pick = x < lean ? 0 : x < lean + 0.35 ? 1 : 2;
                    m.put(
                            field,
                            List.of(String.valueOf(
                                    o.get(Math.min(pick, o.size() - 1)).id())));
                }
                case SINGLE ->
                    m.put(
                            field,
                            List.of(String.valueOf(
                                    o.get(random.nextInt(o.size())).id())));
                case MULTIPLE -> {
                    List<String> chosen = new ArrayList<>();
                    for (OptionView option : o) {
                        if (random.nextInt(3) == 0) {
                            chosen.add(String.valueOf(option.id()));
                        }
                    }
                    m.put(field, chosen);
                }
                case TEXT -> {
                    if (random.nextInt(3) == 0) {
                        m.put(field, List.of(TEXTS[random.nextInt(TEXTS.length)]));
                    }
                }
            }
        }
        return m;
    }

    private static final String[] TEXTS = {
        "（演示）窗口工作人员态度很好，办事效率高。", "（演示）希望进一步公开行政执法信息。", "（演示）网上办事流程还可以再简化。", "（演示）普法宣传活动形式多样，效果不错。"
    };
}
