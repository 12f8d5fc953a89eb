package org.dudao.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.Channel;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.evaluation.RowResult;
import org.dudao.evaluation.SampleView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 集中评查: a reproducible random sample of a target's documents or case files for a task. The draw is
 * a seeded shuffle (SplittableRandom, the seed recorded), so anyone with the list and the seed gets the
 * same items. Each sampled item is scored 0–100; when every item is scored the task's points follow:
 * max × mean / 100 (2 decimals, half up), entered as the task's evaluation with the items' notes as the
 * reason.
 */
@Service
public class EvaluationSamples {

    static final int MAX_POPULATION = 10_000;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final JdbcClient jdbc;
    private final CampaignApi campaigns;
    private final EvaluationService service;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;

    EvaluationSamples(
            JdbcClient jdbc,
            CampaignApi campaigns,
            EvaluationService service,
            DatabaseTime time,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.service = service;
        this.time = time;
        this.events = events;
    }

    /** The sampled items in draw order: the first {@code size} of a seeded shuffle of the population. */
    static List<String> draw(List<String> population, int size, long seed) {
        List<String> items = new ArrayList<>(population);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
        return List.copyOf(items.subList(0, size));
    }

    @Transactional
    public SampleView draw(
            long campaignId,
            long targetId,
            long taskId,
            List<String> population,
            int size,
            Long seed,
            CurrentUser user) {
        TaskView task = ratable(campaignId, targetId, taskId, user);
        List<String> clean = population == null
                ? List.of()
                : population.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .collect(Collectors.toCollection(LinkedHashSet::new))
                        .stream()
                        .toList();
        if (clean.isEmpty()) {
            throw new InvalidInputException("items", "evaluation.sample.empty");
        }
        if (clean.size() > MAX_POPULATION) {
            throw new InvalidInputException("items", "evaluation.sample.tooMany", MAX_POPULATION);
        }
        if (size < 1 || size > clean.size()) {
            throw new InvalidInputException("size", "evaluation.sample.size", clean.size());
        }
        Optional<SampleView> existing = find(targetId, taskId);
        if (existing.isPresent()) {
            throw new ConflictException(
                    null, "evaluation.sample.exists", existing.get().seed());
        }
        long s = seed != null ? seed : new SplittableRandom().nextLong();
        List<String> items = draw(clean, size, s);
        Instant now = time.now();
        long id = jdbc.sql(
                        "insert into evaluation_sample (campaign_id, target_id, task_id, seed, population, size, items,"
                                + " drawn_by, drawn_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        campaignId,
                        targetId,
                        task.id(),
                        s,
                        clean.size(),
                        size,
                        items.toArray(String[]::new),
                        user.username(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("insert into evaluation_sample_item (sample_id, position, item) values (?, ?, ?)")
                    .params(id, i + 1, items.get(i))
                    .update();
        }
        SampleView v = find(targetId, taskId).orElseThrow();
        events.publishEvent(AuditEvent.success(
                "evaluation.sample.draw",
                "evaluation-sample",
                id,
                null,
                java.util.Map.of("seed", s, "population", clean, "items", items)));
        return v;
    }

    /** Scores one sampled item; when the last one is scored the task's evaluation follows from the samples. */
    @Transactional
    public SampleView score(
            long campaignId, long sampleId, int position, BigDecimal score, String note, CurrentUser user) {
        SampleView sample = byId(sampleId).orElseThrow(() -> new NotFoundException("evaluation-sample", sampleId));
        TaskView task = ratable(campaignId, sample.targetId(), sample.taskId(), user);
        if (score == null
                || score.signum() < 0
                || score.compareTo(HUNDRED) > 0
                || score.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("score", "evaluation.sample.score");
        }
        note = Texts.optional("note", note, 500);
        if (score.compareTo(HUNDRED) < 0 && note == null) {
            throw new InvalidInputException("note", "evaluation.reasonForDeduction");
        }
        SampleView.Item before = sample.items().stream()
                .filter(i -> i.position() == position)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("evaluation-sample", sampleId + "/" + position));
        int n = jdbc.sql("update evaluation_sample_item set score = ?, note = ?, scored_by = ?, scored_at = ?"
                        + " where sample_id = ? and position = ?")
                .params(score, note, user.username(), Timestamp.from(time.now()), sampleId, position)
                .update();
        if (n == 0) {
            throw new NotFoundException("evaluation-sample", sampleId + "/" + position);
        }
        SampleView after = byId(sampleId).orElseThrow();
        events.publishEvent(AuditEvent.success(
                "evaluation.sample.score",
                "evaluation-sample",
                sampleId + "/" + position,
                before,
                after.items().get(position - 1)));
        if (after.complete()) {
            BigDecimal mean = after.items().stream()
                    .map(SampleView.Item::score)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(after.items().size()), 10, RoundingMode.HALF_UP);
            BigDecimal points = task.points().multiply(mean).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            String reason = after.items().stream()
                    .filter(i -> i.score().compareTo(HUNDRED) < 0)
                    .map(i -> i.item() + "（" + i.score().stripTrailingZeros().toPlainString() + "分）：" + i.note())
                    .collect(Collectors.joining("；"));
            String full = "集中评查：抽查 " + after.items().size() + " 件（共 " + after.population() + " 件，随机种子 "
                    + after.seed() + "），平均 "
                    + mean.setScale(2, RoundingMode.HALF_UP).toPlainString() + " 分"
                    + (reason.isEmpty() ? "" : "。" + reason);
            List<RowResult> r = service.apply(
                    campaignId,
                    List.of(new EvaluationCommand(
                            sample.targetId(),
                            sample.taskId(),
                            null,
                            points,
                            false,
                            full.length() > EvaluationService.REASON_MAX
                                    ? full.substring(0, EvaluationService.REASON_MAX)
                                    : full,
                            null)),
                    user,
                    Channel.API,
                    false);
            if (r.get(0).failed()) {
                throw new InvalidInputException(
                        "score", "evaluation.sample.failed", r.get(0).error());
            }
        }
        return after;
    }

    /** The task if the caller may rate it for this target now (lock and evaluation phase checked). */
    private TaskView ratable(long campaignId, long targetId, long taskId, CurrentUser user) {
        CampaignView campaign = campaigns.campaign(campaignId);
        TaskView task = service.taskFor(campaign, taskId, user, false);
        TargetView target = campaigns
                .target(targetId)
                .filter(t -> t.campaignId() == campaignId)
                .orElse(null);
        if (target == null || task.categoryId() != target.categoryId()) {
            throw new NotFoundException("campaign-target", targetId);
        }
        if (task.points() == null || task.points().signum() <= 0) {
            throw new InvalidInputException("taskId", "evaluation.taskHasNoPoints");
        }
        service.requireOpen(campaignId);
        return task;
    }

    public Optional<SampleView> find(long targetId, long taskId) {
        return jdbc.sql("select id from evaluation_sample where target_id = ? and task_id = ?")
                .params(targetId, taskId)
                .query(Long.class)
                .optional()
                .flatMap(this::byId);
    }

    public Optional<SampleView> byId(long id) {
        List<SampleView.Item> items = jdbc.sql(
                        "select * from evaluation_sample_item where sample_id = ? order by position")
                .param(id)
                .query((rs, i) -> {
                    Timestamp at = rs.getTimestamp("scored_at");
                    return new SampleView.Item(
                            rs.getInt("position"),
                            rs.getString("item"),
                            rs.getBigDecimal("score"),
                            rs.getString("note"),
                            rs.getString("scored_by"),
                            at == null ? null : at.toInstant());
                })
                .list();
        return jdbc.sql("select * from evaluation_sample where id = ?")
                .param(id)
                .query((rs, i) -> new SampleView(
                        rs.getLong("id"),
                        rs.getLong("target_id"),
                        rs.getLong("task_id"),
                        rs.getLong("seed"),
                        rs.getInt("population"),
                        items,
                        rs.getString("drawn_by"),
                        rs.getTimestamp("drawn_at").toInstant()))
                .optional();
    }
}
