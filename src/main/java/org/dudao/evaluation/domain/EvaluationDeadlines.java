package org.dudao.evaluation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dudao.shared.notice.Deadline;
import org.dudao.shared.notice.DeadlineSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 评价截止 for the reminder job: in an active campaign whose evaluation phase has begun and is not
 * locked, each assessor unit that still has (target, task) pairs without an evaluation gets one
 * deadline, due on the last day of the phase. Recipients: the assessor unit's accounts with the role
 * {@code ASSESSOR}; it links to the unit's evaluation list.
 *
 * <p>One query, set-based, reading the campaign's tables directly (as the evaluation tables' foreign
 * keys do): only campaigns whose phase ends within the reminder horizon are joined.
 */
@Component
class EvaluationDeadlines implements DeadlineSource {

    static final String KIND = "EVALUATION";

    private final JdbcClient jdbc;
    private final MessageSource messages;

    EvaluationDeadlines(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<Deadline> openDeadlines(LocalDate today) {
        return jdbc.sql("""
                select k.campaign_id, c.name as campaign_name, p.ends_on, k.assessor_unit_id, count(*) as pairs
                from campaign c
                join campaign_phase p on p.campaign_id = c.id and p.code = 'EVALUATION'
                join campaign_task k on k.campaign_id = c.id and k.assessor_unit_id is not null
                join campaign_target t on t.campaign_id = c.id and t.category_id = k.category_id
                where c.status = 'ACTIVE'
                  and p.ends_on between :from and :to
                  and (p.starts_on is null or p.starts_on <= :today)
                  and not exists (select 1 from evaluation_lock l where l.campaign_id = c.id)
                  and not exists (select 1 from evaluation v where v.target_id = t.id and v.task_id = k.id)
                group by k.campaign_id, c.name, p.ends_on, k.assessor_unit_id
                order by k.campaign_id, k.assessor_unit_id
                """)
                .param("from", today.minusDays(LOOKBACK_DAYS))
                .param("to", today.plusDays(LOOKAHEAD_DAYS))
                .param("today", today)
                .query((rs, i) -> {
                    long campaign = rs.getLong("campaign_id");
                    long assessor = rs.getLong("assessor_unit_id");
                    return new Deadline(
                            KIND,
                            "evaluation:" + campaign + ":" + assessor,
                            rs.getObject("ends_on", LocalDate.class),
                            messages.getMessage(
                                    "evaluation.deadline.title",
                                    new Object[] {rs.getString("campaign_name"), rs.getLong("pairs")},
                                    Locale.SIMPLIFIED_CHINESE),
                            "/campaigns/" + campaign + "/evaluate",
                            Set.of(assessor),
                            Set.of("ASSESSOR"),
                            Set.of());
                })
                .list();
    }
}
