package org.dudao.evidence.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dudao.shared.error.Texts;
import org.dudao.shared.notice.Deadline;
import org.dudao.shared.notice.DeadlineSource;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 报送截止 for the reminder job: the material tasks a target has not handed in (no submission, a draft
 * or a returned one) whose deadline — the task's, or the target's extension when later, as
 * {@code CampaignApi.effectiveDue} has it — falls near today, in active campaigns. One deadline per
 * (campaign, target, due day), so that a target with twenty tasks due on one day gets one reminder, not
 * twenty; it links to the task's page when one task is due, to the target's checklist otherwise.
 * Recipients: the target unit's accounts with the role {@code TARGET}.
 *
 * <p>One query, set-based, reading the campaign's tables directly (as the evidence tables' foreign keys
 * do): only the tasks due within the reminder horizon are joined with the targets.
 */
@Component
class SubmissionDeadlines implements DeadlineSource {

    static final String KIND = "SUBMISSION";
    private static final int TITLE_TASK_MAX = 60;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    SubmissionDeadlines(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<Deadline> openDeadlines(LocalDate today) {
        LocalDate from = today.minusDays(LOOKBACK_DAYS);
        LocalDate to = today.plusDays(LOOKAHEAD_DAYS);
        return jdbc.sql("""
                with open_task as (
                    select k.campaign_id, t.id as target_id, t.unit_id, k.id as task_id,
                           greatest(k.due_at, (select max(e.until) from campaign_extension e
                                               where e.target_id = t.id and e.revoked_at is null
                                                 and (e.task_id is null or e.task_id = k.id))) as due_at
                    from campaign c
                    join campaign_task k on k.campaign_id = c.id
                    join campaign_target t on t.campaign_id = c.id and t.category_id = k.category_id
                    where c.status = 'ACTIVE' and k.needs_material and k.due_at is not null
                      and k.due_at <= :toEnd
                      and (k.due_at > :fromStart
                           or exists (select 1 from campaign_extension x where x.campaign_id = c.id
                                      and x.revoked_at is null and x.until > :fromStart))
                      and not exists (select 1 from evidence_submission s where s.target_id = t.id
                                      and s.task_id = k.id and s.status in ('SUBMITTED', 'RESUBMITTED', 'LOCKED'))
                ), by_day as (
                    select campaign_id, target_id, unit_id, task_id,
                           ((due_at - interval '1 microsecond') at time zone 'Asia/Shanghai')::date as due
                    from open_task
                ), grouped as (
                    select campaign_id, target_id, unit_id, due, count(*) as tasks, min(task_id) as task_id
                    from by_day where due between :from and :to
                    group by campaign_id, target_id, unit_id, due
                )
                select g.*, c.name as campaign_name, k.label, k.name as task_name
                from grouped g join campaign c on c.id = g.campaign_id join campaign_task k on k.id = g.task_id
                order by g.campaign_id, g.target_id, g.due
                """)
                .param(
                        "fromStart",
                        from.atStartOfDay(ClockConfiguration.ZONE)
                                .toOffsetDateTime()
                                .withOffsetSameInstant(ZoneOffset.UTC))
                .param(
                        "toEnd",
                        to.plusDays(1)
                                .atStartOfDay(ClockConfiguration.ZONE)
                                .toOffsetDateTime()
                                .withOffsetSameInstant(ZoneOffset.UTC))
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> {
                    long campaign = rs.getLong("campaign_id");
                    long target = rs.getLong("target_id");
                    long tasks = rs.getLong("tasks");
                    String campaignName = rs.getString("campaign_name");
                    String title;
                    String link;
                    if (tasks == 1) {
                        String label = rs.getString("label");
                        String task = (label == null ? "" : label) + rs.getString("task_name");
                        title = message("evidence.deadline.one", campaignName, Texts.abbreviate(task, TITLE_TASK_MAX));
                        link = "/campaigns/" + campaign + "/my/tasks/" + rs.getLong("task_id");
                    } else {
                        title = message("evidence.deadline.many", campaignName, tasks);
                        link = "/campaigns/" + campaign + "/my";
                    }
                    return new Deadline(
                            KIND,
                            "evidence:" + campaign + ":" + target,
                            rs.getObject("due", LocalDate.class),
                            title,
                            link,
                            Set.of(rs.getLong("unit_id")),
                            Set.of("TARGET"),
                            Set.of());
                })
                .list();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
