package org.dudao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.EvaluationTally;
import org.dudao.scoring.domain.ScoringInputs;
import org.dudao.scoring.engine.Computation;
import org.dudao.scoring.engine.ScoringEngine;
import org.dudao.scoring.engine.TargetResult;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The full computation reads the evaluations summed by one database aggregate (ScoringInputs.summed); breakdowns read
 * them one by one (ScoringInputs.detailed). On real campaigns of both rule sets — 2020 without score components, 2022
 * with them — every evaluation kind, approved penalties zeroing tasks, and both ways of summing (task points as an
 * array, and joined when task ids are spread too far for one), the two give the same scores, levels and ranks.
 */
@DudaoIntegrationTest
class ScoringInputsIT {

    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScoringInputs inputs;

    @Autowired
    CampaignApi campaigns;

    @Autowired
    EvaluationApi evaluations;

    @Test
    void summedAndDetailedInputs_scoreAlike_forBothRuleSets() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        for (String template : List.of("PDS-2020", "PDS-2022")) {
            long id = ok(office.post(
                            "/api/v1/campaigns",
                            "{\"template\":\"" + template + "\",\"name\":\"" + THIS_YEAR + "年度（合计与明细对照 " + template
                                    + "）\",\"year\":" + THIS_YEAR + "}"))
                    .get("id")
                    .asLong();
            seed(id);

            Computation summed = ScoringEngine.compute(inputs.summed(id));
            Computation detailed = ScoringEngine.compute(inputs.detailed(id, campaigns.targets(id)));
            assertThat(summed.results()).hasSizeGreaterThan(10).hasSameSizeAs(detailed.results());
            int zeroed = 0;
            for (int i = 0; i < summed.results().size(); i++) {
                TargetResult s = summed.results().get(i);
                TargetResult d = detailed.results().get(i);
                assertThat(s.targetId()).isEqualTo(d.targetId());
                assertThat(List.of(
                                s.rawScore(),
                                s.applicableMax(),
                                s.convertedScore(),
                                s.bonus(),
                                s.penalty(),
                                s.finalScore()))
                        .as("%s target %d", template, s.targetId())
                        .isEqualTo(List.of(
                                d.rawScore(),
                                d.applicableMax(),
                                d.convertedScore(),
                                d.bonus(),
                                d.penalty(),
                                d.finalScore()));
                assertThat(s.components()).isEqualTo(d.components());
                assertThat(s.missingEvaluations()).isEqualTo(d.missingEvaluations());
                assertThat(s.level()).isEqualTo(d.level());
                assertThat(s.rank()).isEqualTo(d.rank());
                zeroed += (int) d.tasks().stream()
                        .filter(l -> l.zeroedByAdjustmentId() != null && l.evaluated())
                        .count();
            }
            assertThat(zeroed).as("tasks zeroed by penalties in %s", template).isPositive();
            if (template.equals("PDS-2022")) {
                assertThat(summed.results().get(0).components()).isNotEmpty();
            }

            // task ids too far apart for an array: the aggregate joins the points instead, with the same sums
            Map<Long, BigDecimal> points = new HashMap<>();
            for (TaskView t : campaigns.tasks(id)) {
                points.put(t.id(), t.points() == null ? BigDecimal.ZERO : t.points());
            }
            List<EvaluationTally> compact = evaluations.tallies(id, points, null);
            Map<Long, BigDecimal> spread = new HashMap<>(points);
            spread.put(Long.MAX_VALUE / 2, new BigDecimal("1")); // a task id far beyond the campaign's
            assertThat(new HashSet<>(evaluations.tallies(id, spread, null))).isEqualTo(new HashSet<>(compact));
        }
    }

    /**
     * Every kind of evaluation on most target-task pairs (some left unrated), chosen by the ids; approved bonuses and
     * penalties, half of the penalties zeroing a rated task.
     */
    void seed(long campaignId) {
        jdbc.sql("insert into evaluation (campaign_id, target_id, task_id, grade, points, not_applicable, reason,"
                        + " evaluated_by, evaluated_at) select t.campaign_id, t.id, k.id,"
                        + " case when (t.id * 7 + k.id * 13) % 10 < 5 then"
                        + " (array['EXCELLENT', 'GOOD', 'FAIR', 'POOR'])[1 + (t.id + k.id) % 4] end,"
                        + " case when (t.id * 7 + k.id * 13) % 10 between 5 and 8"
                        + " then round(coalesce(k.points, 0) * ((t.id + k.id) % 5) / 4, 2) end,"
                        + " (t.id * 7 + k.id * 13) % 10 = 9, '对照测试', 'pds-office', now()"
                        + " from campaign_target t join campaign_task k on k.category_id = t.category_id"
                        + " where t.campaign_id = ? and (t.id * 3 + k.id) % 17 <> 0")
                .param(campaignId)
                .update();
        jdbc.sql("insert into scoring_adjustment (campaign_id, target_id, kind, matter, matter_key, points,"
                        + " related_task_ids, blocks_excellent, reason, status, proposed_by, proposed_at)"
                        + " select t.campaign_id, t.id, case when t.id % 3 = 0 then 'BONUS' else 'PENALTY' end,"
                        + " '事项' || t.id, '事项' || t.id, 1 + t.id % 3,"
                        + " case when t.id % 2 = 0 then array(select e.task_id from evaluation e"
                        + " where e.target_id = t.id and not e.not_applicable order by e.task_id limit 2)"
                        + " else '{}' end, t.id % 7 = 0, '对照测试', 'APPROVED', 'pds-office', now()"
                        + " from campaign_target t where t.campaign_id = ?")
                .param(campaignId)
                .update();
    }
}
