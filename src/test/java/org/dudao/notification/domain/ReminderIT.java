package org.dudao.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.dudao.calendar.CalendarApi;
import org.dudao.shared.notice.Deadline;
import org.dudao.shared.notice.DeadlineSource;
import org.dudao.shared.time.ClockConfiguration;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Deadline reminders on a controllable clock: three working days before, one before, once overdue,
 * never twice — also with two nodes racing over one database. Dates are ordinary weeks of March 2026
 * (and the last days of 2026), whose working days are the same with or without the holiday schedule.
 */
@DudaoIntegrationTest
class ReminderIT {

    /** Deadlines the test hands to the job, as a module's source would. */
    static class TestDeadlines implements DeadlineSource {
        final List<Deadline> deadlines = new CopyOnWriteArrayList<>();
        volatile boolean broken;

        @Override
        public List<Deadline> openDeadlines(LocalDate today) {
            if (broken) {
                throw new IllegalStateException("this source is broken today");
            }
            return List.copyOf(deadlines);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Sources {
        @Bean
        TestDeadlines testDeadlines() {
            return new TestDeadlines();
        }

        @Bean
        TestDeadlines brokenDeadlines() {
            return new TestDeadlines();
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    Reminders reminders;

    @Autowired
    ReminderJob job;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ObjectProvider<DeadlineSource> sources;

    @Autowired
    CalendarApi calendar;

    @Autowired
    Inbox inbox;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MessageSource messages;

    @Autowired
    Map<String, TestDeadlines> testSources;

    TestDeadlines source;

    @BeforeEach
    void setUp() {
        source = testSources.get("testDeadlines");
        source.deadlines.clear();
        testSources.get("brokenDeadlines").broken = false;
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        source.deadlines.clear();
        testSources.get("brokenDeadlines").broken = false;
        jdbc.sql("delete from shedlock").update();
    }

    /** Moves the application's clock to this time, Beijing time. */
    void at(String localDateTime) {
        clock.reset();
        Instant target = LocalDateTime.parse(localDateTime)
                .atZone(ClockConfiguration.ZONE)
                .toInstant();
        clock.advance(Duration.between(Instant.now(), target));
    }

    long account(String username) {
        return jdbc.sql("select id from identity_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    long unitOf(String username) {
        return jdbc.sql("select unit_id from identity_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    record Delivered(String username, String stage, String title, String link) {}

    /** Every notification delivered for the deadline's key, by stage and username. */
    List<Delivered> delivered(String objectKey) {
        return jdbc.sql("select a.username, r.stage, n.title, n.link from notification n"
                        + " join notification_reminder r on r.id = n.reminder_id"
                        + " join identity_account a on a.id = n.account_id"
                        + " where r.object_key = ? order by r.id, a.username")
                .param(objectKey)
                .query((rs, i) -> new Delivered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    Deadline deadline(String key, String due) {
        // the office's inspection team by role, and one leader by account
        return new Deadline(
                "SUBMISSION",
                key,
                LocalDate.parse(due),
                "测试材料",
                "/campaigns/1/my",
                Set.of(unitOf("pds-inspector")),
                Set.of("INSPECTOR"),
                Set.of(account("pds-leader")));
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void threeWorkingDaysBefore_oneBefore_andOnceOverdue_eachOnce() {
        String key = key();
        source.deadlines.add(deadline(key, "2026-03-17")); // a Tuesday

        at("2026-03-11T09:00"); // Wed: four working days left
        reminders.sendDue();
        assertThat(delivered(key)).isEmpty();

        at("2026-03-12T09:00"); // Thu: Fri, Mon, Tue left
        reminders.sendDue();
        assertThat(delivered(key))
                .containsExactly(
                        new Delivered("pds-inspector", "D3", "【提醒】测试材料 将于 2026-03-17 截止（还剩 3 个工作日）", "/campaigns/1/my"),
                        new Delivered("pds-leader", "D3", "【提醒】测试材料 将于 2026-03-17 截止（还剩 3 个工作日）", "/campaigns/1/my"));

        // the same day again, hours later: nothing new
        at("2026-03-12T15:00");
        reminders.sendDue();
        reminders.sendDue();
        assertThat(delivered(key)).hasSize(2);

        at("2026-03-13T09:00"); // Fri: two left
        reminders.sendDue();
        at("2026-03-14T09:00"); // Sat: still two
        reminders.sendDue();
        assertThat(delivered(key)).hasSize(2);

        at("2026-03-16T09:00"); // Mon: one left
        reminders.sendDue();
        reminders.sendDue();
        assertThat(delivered(key))
                .filteredOn(d -> d.stage().equals("D1"))
                .extracting(Delivered::username, Delivered::title)
                .containsExactly(
                        tuple("pds-inspector", "【提醒】测试材料 将于 2026-03-17 截止（还剩 1 个工作日）"),
                        tuple("pds-leader", "【提醒】测试材料 将于 2026-03-17 截止（还剩 1 个工作日）"));

        at("2026-03-17T19:00"); // the due day itself
        reminders.sendDue();
        assertThat(delivered(key)).hasSize(4);

        at("2026-03-18T08:00"); // overdue
        reminders.sendDue();
        at("2026-03-18T20:00");
        reminders.sendDue();
        at("2026-03-19T08:00");
        reminders.sendDue();
        at("2026-03-23T08:00");
        reminders.sendDue();
        assertThat(delivered(key))
                .filteredOn(d -> d.stage().equals("OVERDUE"))
                .extracting(Delivered::username, Delivered::title)
                .containsExactly(
                        tuple("pds-inspector", "【逾期】测试材料 已于 2026-03-17 截止"),
                        tuple("pds-leader", "【逾期】测试材料 已于 2026-03-17 截止"));
        assertThat(delivered(key)).hasSize(6);
        assertThat(jdbc.sql("select stage || ':' || recipients from notification_reminder where object_key = ?"
                                + " order by id")
                        .param(key)
                        .query(String.class)
                        .list())
                .containsExactly("D3:2", "D1:2", "OVERDUE:2");
    }

    @Test
    void aLaterDueDay_anExtension_remindsAfresh() {
        String key = key();
        source.deadlines.add(deadline(key, "2026-03-17"));
        at("2026-03-12T09:00");
        reminders.sendDue();
        // extended to Friday 20th: Tue 17 → Fri 20 is three working days again
        source.deadlines.clear();
        source.deadlines.add(deadline(key, "2026-03-20"));
        at("2026-03-17T09:00");
        reminders.sendDue();
        assertThat(delivered(key))
                .extracting(Delivered::stage, Delivered::title)
                .containsExactly(
                        tuple("D3", "【提醒】测试材料 将于 2026-03-17 截止（还剩 3 个工作日）"),
                        tuple("D3", "【提醒】测试材料 将于 2026-03-17 截止（还剩 3 个工作日）"),
                        tuple("D3", "【提醒】测试材料 将于 2026-03-20 截止（还剩 3 个工作日）"),
                        tuple("D3", "【提醒】测试材料 将于 2026-03-20 截止（还剩 3 个工作日）"));
    }

    @Test
    void aDayOutsideTheCalendarOrABrokenSource_isSkipped_andTheOthersAreStillSent() {
        String bad = key();
        String good = key();
        // 2027 is beyond the calendar's years: workingDaysBetween throws CalendarRangeException
        source.deadlines.add(deadline(bad, "2027-01-04"));
        source.deadlines.add(deadline(good, "2026-12-30"));
        testSources.get("brokenDeadlines").broken = true;

        at("2026-12-29T09:00"); // Tue: Wed 30 is one working day away
        Reminders.Run run = reminders.sendDue();

        assertThat(delivered(bad)).isEmpty();
        assertThat(delivered(good)).extracting(Delivered::stage).containsExactly("D1", "D1");
        assertThat(run.skipped()).isGreaterThanOrEqualTo(1);
        assertThat(run.failed()).as("the broken source").isGreaterThanOrEqualTo(1);
        assertThat(run.today()).isEqualTo(LocalDate.parse("2026-12-29"));
    }

    @Test
    void todayIsTheDayInBeijing_notOnTheServersUtcClock() {
        String key = key();
        source.deadlines.add(deadline(key, "2026-03-17"));
        // 01:30 on Thursday in Beijing is still Wednesday in UTC (four working days left there)
        at("2026-03-12T01:30");
        reminders.sendDue();
        assertThat(delivered(key)).extracting(Delivered::stage).containsExactly("D3", "D3");
    }

    /** One application node: its own lock provider (named) and its own reminder service, on the shared database. */
    class Node {
        final String name;
        final LockingTaskExecutor locks;
        final Reminders reminders;

        Node(String name) {
            this.name = name;
            this.locks = new DefaultLockingTaskExecutor(
                    new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                            .withJdbcTemplate(new JdbcTemplate(dataSource))
                            .usingDbTime()
                            .withLockedByValue(name)
                            .build()));
            this.reminders = new Reminders(sources, calendar, inbox, jdbc, transactions, messages, clock);
        }

        /** What the scheduler does on this node (as {@code @SchedulerLock} on {@link ReminderJob#run}). */
        boolean scheduledRun() throws Throwable {
            // lockAtLeastFor zero here, so that every round really runs and the nodes race on each key
            LockingTaskExecutor.TaskWithResult<Reminders.Run> task = reminders::sendDue;
            return locks.executeWithLock(
                            task,
                            new LockConfiguration(
                                    Instant.now(), ReminderJob.LOCK, Duration.ofMinutes(30), Duration.ZERO))
                    .wasExecuted();
        }
    }

    interface Step {
        Object run(Node node) throws Throwable;
    }

    /** Runs the step on both nodes at the same moment, {@code rounds} times, each round with fresh deadlines. */
    List<String> race(Node a, Node b, int rounds, int deadlinesPerRound, String due, Step step) throws Exception {
        List<String> keys = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < deadlinesPerRound; i++) {
                    String key = key();
                    keys.add(key);
                    source.deadlines.add(deadline(key, due));
                }
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Object>> both = new ArrayList<>();
                for (Node node : List.of(a, b)) {
                    both.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            return step.run(node);
                        } catch (Throwable t) {
                            throw new IllegalStateException(node.name, t);
                        }
                    }));
                }
                List<Object> results = new ArrayList<>();
                for (Future<Object> f : both) {
                    results.add(f.get(60, TimeUnit.SECONDS));
                }
                if (results.get(0) instanceof Boolean ranA && results.get(1) instanceof Boolean ranB) {
                    assertThat(ranA || ranB)
                            .as("round %d: one node at least took the lock", r)
                            .isTrue();
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return keys;
    }

    /** Each key: one reminder row, and each of its two recipients exactly one notification. */
    void assertEachDeliveredExactlyOnce(List<String> keys, String stage) {
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            List<Delivered> d = delivered(key);
            List<String> who = d.stream().map(Delivered::username).toList();
            if (!who.equals(List.of("pds-inspector", "pds-leader"))
                    || d.stream().anyMatch(x -> !x.stage().equals(stage))) {
                problems.add(key + " → " + d);
            }
            long rows = jdbc.sql("select count(*) from notification_reminder where object_key = ?")
                    .param(key)
                    .query(Long.class)
                    .single();
            if (rows != 1) {
                problems.add(key + ": " + rows + " reminder rows");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void twoNodesSharingOneDatabase_deliverEachReminderExactlyOnce() throws Exception {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        at("2026-03-12T10:00");

        // as scheduled: both nodes fire at the same moment, each through its own ShedLock provider
        List<String> locked = race(a, b, 15, 8, "2026-03-17", Node::scheduledRun);
        assertEachDeliveredExactlyOnce(locked, "D3");
        assertThat(jdbc.sql("select locked_by from shedlock where name = ?")
                        .param(ReminderJob.LOCK)
                        .query(String.class)
                        .single())
                .isIn("node-a", "node-b");

        // and if the lock fails them (a node paused past lockAtMostFor): the unique key alone holds
        at("2026-03-16T10:00");
        List<String> unlocked = race(a, b, 15, 8, "2026-03-17", node -> node.reminders.sendDue());
        assertEachDeliveredExactlyOnce(unlocked, "D1");
        // the first rounds' deadlines got their D1 too, once
        assertThat(Stream.of(locked.get(0), locked.get(locked.size() - 1))
                        .flatMap(k -> delivered(k).stream())
                        .filter(d -> d.stage().equals("D1"))
                        .count())
                .isEqualTo(4);
    }

    @Test
    void theScheduledJobHoldsTheClusterLock() {
        at("2026-03-12T10:00");
        String first = key();
        source.deadlines.add(deadline(first, "2026-03-17"));
        job.run();
        assertThat(delivered(first)).hasSize(2);
        Map<String, Object> lock = jdbc.sql(
                        "select locked_by, lock_until > timezone('utc', now()) + interval '4 minutes'"
                                + " as held from shedlock where name = ?")
                .param(ReminderJob.LOCK)
                .query()
                .singleRow();
        assertThat(lock.get("held")).as("held at least five minutes").isEqualTo(true);

        // another run within those minutes (another node a few seconds late) is skipped
        String second = key();
        source.deadlines.add(deadline(second, "2026-03-17"));
        job.run();
        assertThat(delivered(second)).isEmpty();
    }

    @Test
    void theDemoCampaignsSubmissionsAndEvaluations_areDeadlineSources() {
        long campaign = jdbc.sql("select id from campaign order by id limit 1")
                .query(Long.class)
                .single();
        List<Long> countyTasks = jdbc.sql(
                        "select k.id from campaign_task k join campaign_category c on c.id = k.category_id"
                                + " where k.campaign_id = ? and c.name = '县区政府' and k.needs_material order by k.position limit 2")
                .param(campaign)
                .query(Long.class)
                .list();
        long category = jdbc.sql("select id from campaign_category where campaign_id = ? and name = '县区政府'")
                .param(campaign)
                .query(Long.class)
                .single();
        List<Map<String, Object>> targets = jdbc.sql(
                        "select t.id, t.unit_id from campaign_target t where t.category_id = ? order by t.position")
                .param(category)
                .query()
                .listOfRows();
        // the first task is due Tue 17 March 2026 (24:00 Beijing time)
        jdbc.sql("update campaign_task set deadline = '2026-03-17', due_at = '2026-03-18 00:00:00+08' where id = ?")
                .param(countyTasks.get(0))
                .update();
        long handedIn = ((Number) targets.get(0).get("id")).longValue();
        long extended = ((Number) targets.get(1).get("id")).longValue();
        jdbc.sql("insert into evidence_submission (campaign_id, target_id, task_id, status, versions, submitted_at,"
                        + " submitted_by) values (?, ?, ?, 'SUBMITTED', 1, now(), 'test')")
                .params(campaign, handedIn, countyTasks.get(0))
                .update();
        jdbc.sql("insert into campaign_extension (campaign_id, target_id, task_id, until, reason, granted_by)"
                        + " values (?, ?, ?, '2026-03-21 00:00:00+08', '测试延期', 'test')")
                .params(campaign, extended, countyTasks.get(0))
                .update();

        List<Deadline> submissions = open(LocalDate.parse("2026-03-12"), "SUBMISSION");
        assertThat(submissions).hasSize(targets.size() - 1);
        Deadline ofExtended = submissions.stream()
                .filter(d -> d.objectKey().equals("evidence:" + campaign + ":" + extended))
                .findFirst()
                .orElseThrow();
        assertThat(ofExtended.due()).isEqualTo(LocalDate.parse("2026-03-20"));
        Deadline other = submissions.stream()
                .filter(d -> d.objectKey()
                        .equals("evidence:" + campaign + ":" + targets.get(2).get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(other.due()).isEqualTo(LocalDate.parse("2026-03-17"));
        assertThat(other.link()).isEqualTo("/campaigns/" + campaign + "/my/tasks/" + countyTasks.get(0));
        assertThat(other.unitIds()).containsExactly(((Number) targets.get(2).get("unit_id")).longValue());
        assertThat(other.roles()).containsExactly("TARGET");
        assertThat(submissions).noneMatch(d -> d.objectKey().equals("evidence:" + campaign + ":" + handedIn));

        // a second task due the same day: one reminder per target, to its checklist
        jdbc.sql("update campaign_task set deadline = '2026-03-17', due_at = '2026-03-18 00:00:00+08' where id = ?")
                .param(countyTasks.get(1))
                .update();
        Deadline two = open(LocalDate.parse("2026-03-12"), "SUBMISSION").stream()
                .filter(d -> d.objectKey()
                        .equals("evidence:" + campaign + ":" + targets.get(2).get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(two.title()).endsWith("：2 项报送材料");
        assertThat(two.link()).isEqualTo("/campaigns/" + campaign + "/my");

        // the job reminds the target unit's TARGET accounts
        List<String> targetAccounts = jdbc.sql("select a.username from identity_account a"
                        + " join identity_account_role r on r.account_id = a.id and r.role = 'TARGET'"
                        + " where a.unit_id = ? order by a.username")
                .param(targets.get(2).get("unit_id"))
                .query(String.class)
                .list();
        assertThat(targetAccounts).isNotEmpty();
        at("2026-03-12T09:00");
        reminders.sendDue();
        assertThat(delivered("evidence:" + campaign + ":" + targets.get(2).get("id")))
                .extracting(Delivered::username)
                .containsExactlyElementsOf(targetAccounts);
        assertThat(delivered("evidence:" + campaign + ":" + targets.get(2).get("id")))
                .allSatisfy(
                        d -> assertThat(d.title()).isEqualTo("【提醒】" + two.title() + " 将于 2026-03-17 截止（还剩 3 个工作日）"));

        // evaluation: the phase from 1 to 17 March; every assessor unit with unrated pairs, due its last day
        jdbc.sql("update campaign_phase set starts_on = '2026-03-01', ends_on = '2026-03-17'"
                        + " where campaign_id = ? and code = 'EVALUATION'")
                .param(campaign)
                .update();
        List<Deadline> evaluations = open(LocalDate.parse("2026-03-12"), "EVALUATION");
        List<Long> assessors = jdbc.sql("select distinct assessor_unit_id from campaign_task where campaign_id = ?"
                        + " and assessor_unit_id is not null order by 1")
                .param(campaign)
                .query(Long.class)
                .list();
        assertThat(evaluations)
                .extracting(d -> d.unitIds().iterator().next())
                .containsExactlyInAnyOrderElementsOf(assessors);
        assertThat(evaluations).allSatisfy(d -> {
            assertThat(d.due()).isEqualTo(LocalDate.parse("2026-03-17"));
            assertThat(d.roles()).containsExactly("ASSESSOR");
            assertThat(d.link()).isEqualTo("/campaigns/" + campaign + "/evaluate");
            assertThat(d.title()).containsPattern("：\\d+ 项评价未完成$");
        });
        // before the phase begins there is nothing to rate yet; once locked, nothing either
        assertThat(open(LocalDate.parse("2026-02-27"), "EVALUATION")).isEmpty();
        jdbc.sql("insert into evaluation_lock (campaign_id, locked_at, locked_by) values (?, now(), 'test')")
                .param(campaign)
                .update();
        assertThat(open(LocalDate.parse("2026-03-12"), "EVALUATION")).isEmpty();
    }

    List<Deadline> open(LocalDate today, String kind) {
        return sources.orderedStream()
                .flatMap(s -> s.openDeadlines(today).stream())
                .filter(d -> d.kind().equals(kind))
                .toList();
    }
}
