package org.dudao.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dudao.DudaoApplication;
import org.dudao.campaign.CampaignApi;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.scoring.ScoringApi;
import org.dudao.scoring.domain.PolicyService;
import org.dudao.scoring.domain.ResultService;
import org.dudao.scoring.domain.ScoringBenchAccess;
import org.dudao.scoring.domain.ScoringInputs;
import org.dudao.scoring.engine.Adjustment;
import org.dudao.scoring.engine.Computation;
import org.dudao.scoring.engine.Grade;
import org.dudao.scoring.engine.Inputs;
import org.dudao.scoring.engine.ScoringEngine;
import org.dudao.scoring.engine.Target;
import org.dudao.shared.security.CurrentUser;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scoring at province/nation size, through the product's database: the real application (embedded PostgreSQL,
 * Flyway schema) is booted in-process on a fresh data directory and a synthetic campaign is seeded with plain SQL —
 * 3,000 targets in 20 categories of 150, 150 tasks per category (100 points each), 450,000 evaluations (grades,
 * points with reasons, ~2 % not applicable) and 15,000 approved bonus/penalty events (5 per target: same matters
 * across kinds, same matter within a kind written with a full-width space, penalties zeroing related tasks, a few
 * serious ones). Deterministic from the seed.
 *
 * <p>Prints, each as median (min–max) of R runs after W warm-up runs: the SQL floor (one aggregate summing the raw
 * points per target, read into a map; measured in a loop of its own and again right before each full compute), the
 * full compute (ScoringInputs.summed + ScoringEngine.compute, with the parts of the load) and its ratio to the floor
 * of the same run, a check that the summed computation equals the task-by-task one, persisting the 3,000 results
 * (ResultStore.saveComputation), the product's own compute (ResultService.compute), one breakdown computed on read;
 * then the product's path after one changed grade (the evaluation updated, ResultUpdates.changed in the same
 * transaction, 1,000 changes) with a check that the stored results then equal a full compute from scratch, and
 * PASS/MISS against the goals (full compute ≤ 3 × floor and < 2 s; a single change < 20 ms at p99). Exit status 0
 * whatever the figures (it reports, it does not gate); 1 only when the benchmark itself fails. Run with
 * bench/scoring.sh; not a test.
 *
 * <p>Arguments: [warm-up=2] [runs=5] [changes=1000] [seed=20261231]; or the environment WARMUP, RUNS, CHANGES, SEED.
 * TARGETS (default 3000, a multiple of 20) shrinks the campaign for a quick try; DATA_DIR picks the data directory
 * (default a fresh temporary one, deleted at the end unless KEEP=1).
 */
public final class ScoringBenchmark {

    static final int CATEGORIES = 20;
    static final int INDICATORS = 10;
    static final int TASKS_PER_INDICATOR = 15;
    static final int TASKS = INDICATORS * TASKS_PER_INDICATOR; // per category
    static final int EVENTS_PER_TARGET = 5;
    static final int YEAR = 2026;
    static final int CHANGE_WARM_UP = 100;
    static final String OFFICE = "bench-office";

    // goals from the issue
    static final double GOAL_FLOOR_RATIO = 3.0;
    static final double GOAL_FULL_MS = 2000;
    static final double GOAL_CHANGE_MS = 20;

    final int warmUp;
    final int runs;
    final int changes;
    final long seed;
    final int targets;

    ConfigurableApplicationContext context;
    JdbcClient jdbc;
    JdbcTemplate template;
    long campaignId;
    long cityId;

    ScoringBenchmark(int warmUp, int runs, int changes, long seed, int targets) {
        this.warmUp = warmUp;
        this.runs = runs;
        this.changes = changes;
        this.seed = seed;
        this.targets = targets;
    }

    public static void main(String[] args) {
        int warmUp = intArg(args, 0, "WARMUP", 2);
        int runs = intArg(args, 1, "RUNS", 5);
        int changes = intArg(args, 2, "CHANGES", 1000);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : Long.parseLong(env("SEED", "20261231"));
        int targets = Integer.parseInt(env("TARGETS", "3000"));
        if (runs < 1 || warmUp < 0 || changes < 1 || targets < CATEGORIES || targets % CATEGORIES != 0) {
            System.err.println("need runs >= 1, warm-up >= 0, changes >= 1, TARGETS a positive multiple of 20");
            System.exit(64);
        }
        Locale.setDefault(Locale.ROOT);
        int code = 0;
        Path dataDir = null;
        ScoringBenchmark bench = new ScoringBenchmark(warmUp, runs, changes, seed, targets);
        try {
            String given = System.getenv("DATA_DIR");
            dataDir = given == null || given.isBlank()
                    ? Files.createTempDirectory("dudao-bench-scoring-")
                    : Files.createDirectories(Path.of(given));
            bench.run(dataDir);
        } catch (Throwable e) {
            System.err.println("the benchmark failed: " + e);
            e.printStackTrace();
            code = 1;
        } finally {
            if (bench.context != null) {
                bench.context.close(); // stops the embedded PostgreSQL
            }
            if (dataDir != null) {
                if ("1".equals(System.getenv("KEEP"))) {
                    System.out.println("data directory kept: " + dataDir);
                } else {
                    deleteTree(dataDir);
                }
            }
        }
        System.exit(code);
    }

    void run(Path dataDir) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "scoring benchmark: %,d targets × %d tasks (%d categories), %,d evaluations, %,d events; seed %d%n",
                targets, TASKS, CATEGORIES, (long) targets * TASKS, targets * EVENTS_PER_TARGET, seed);
        System.out.printf(
                "JVM: %d available processors, max heap %d MB, %s, GC %s%n",
                rt.availableProcessors(),
                rt.maxMemory() / (1024 * 1024),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(" + ")));

        // ---------------------------------------------------------------- boot and seed (not measured)
        long t0 = System.nanoTime();
        context = SpringApplication.run(DudaoApplication.class, new String[] {
            "--dudao.demo=false",
            "--dudao.data-dir=" + dataDir.toAbsolutePath(),
            "--server.port=0",
            "--logging.level.root=" + env("LOG_LEVEL", "WARN"),
            // the first-start set-up link (no account exists on a fresh data directory) is of no use here
            "--logging.level.org.dudao.identity.domain.SetupService=ERROR"
        });
        jdbc = context.getBean(JdbcClient.class);
        template = context.getBean(JdbcTemplate.class);
        System.out.printf(
                "application up in %.1f s (embedded %s, data directory %s)%n",
                (System.nanoTime() - t0) / 1e9,
                jdbc.sql("select split_part(version(), ' ', 1) || ' ' || split_part(version(), ' ', 2)")
                        .query(String.class)
                        .single(),
                dataDir);
        seed();

        ResultService results = context.getBean(ResultService.class);
        ScoringInputs scoringInputs = context.getBean(ScoringInputs.class);
        ScoringBenchAccess access = new ScoringBenchAccess(context);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        System.out.printf("runs: %d warm-up + %d measured; figures in ms: median (min – max)%n%n", warmUp, runs);

        // a. the SQL floor
        Timings floor = measure(this::floorQuery);
        print("a  SQL floor: sum of raw points per target → map", floor);

        // b. full compute: load + engine
        long[] load = new long[runs];
        long[] engine = new long[runs];
        long[] full = new long[runs];
        Inputs inputs = null;
        Computation computation = null;
        long[] gcTime = new long[runs];
        long[] gcCount = new long[runs];
        long[] pairedFloor = new long[runs];
        for (int i = -warmUp; i < runs; i++) {
            inputs = null;
            computation = null;
            // the floor again right before each full compute: both meet the same machine (a noisy VM drifts)
            long f0 = System.nanoTime();
            floorQuery();
            long f1 = System.nanoTime();
            if (i >= 0) {
                pairedFloor[i] = f1 - f0;
            }
            long[] gc = gc();
            long a = System.nanoTime();
            inputs = scoringInputs.summed(campaignId);
            long b = System.nanoTime();
            computation = ScoringEngine.compute(inputs);
            long c = System.nanoTime();
            long[] gcAfter = gc();
            if (i >= 0) {
                load[i] = b - a;
                engine[i] = c - b;
                full[i] = c - a;
                gcCount[i] = gcAfter[0] - gc[0];
                gcTime[i] = (gcAfter[1] - gc[1]) * 1_000_000;
            }
        }
        check(
                computation.results().size() == targets,
                "computed " + computation.results().size() + " results");
        check(inputs.tallies().size() == targets, "summed " + inputs.tallies().size() + " targets");
        Timings fullT = new Timings(full);
        Timings pairedT = new Timings(pairedFloor);
        double[] ratios = new double[runs];
        for (int i = 0; i < runs; i++) {
            ratios[i] = (double) full[i] / pairedFloor[i];
        }
        Arrays.sort(ratios);
        print("b  full compute: load + engine (compute and rank)", fullT);
        print("     the SQL floor again, measured right before each of these runs", pairedT);
        System.out.printf(
                "     full compute / floor of the same run: median %.2f × (%.2f – %.2f)%n",
                ratios[runs / 2], ratios[0], ratios[runs - 1]);
        print("     load   ScoringInputs.summed", new Timings(load));
        print("     engine ScoringEngine.compute", new Timings(engine));
        Timings gcT = new Timings(gcTime);
        System.out.printf(
                "     (GC during load + engine, as the collectors' MXBeans count it: %.0f ms (%.0f – %.0f),"
                        + " %d–%d collections a run)%n",
                gcT.median(),
                gcT.min(),
                gcT.max(),
                Arrays.stream(gcCount).min().orElse(0),
                Arrays.stream(gcCount).max().orElse(0));

        // heap held by the inputs and by the computation
        computation = null;
        inputs = null;
        long heapNone = heapUsedAfterGc();
        inputs = scoringInputs.summed(campaignId);
        long heapInputs = heapUsedAfterGc();
        computation = ScoringEngine.compute(inputs);
        long heapBoth = heapUsedAfterGc();

        // c. the engine alone on loaded inputs
        Inputs loaded = inputs;
        Timings engineOnly = measure(() -> ScoringEngine.compute(loaded));
        print("c  engine only, on inputs already loaded", engineOnly);

        // the parts of the load
        CampaignApi campaigns = context.getBean(CampaignApi.class);
        EvaluationApi evaluations = context.getBean(EvaluationApi.class);
        PolicyService policies = context.getBean(PolicyService.class);
        System.out.println();
        System.out.println("   parts of the load (each call on its own, as ScoringInputs.summed makes it):");
        Timings setUp = measure(() -> {
            policies.policy(campaignId);
            campaigns.targets(campaignId);
            return campaigns.taskPoints(campaignId);
        });
        print("     policy + targets + task points (CampaignApi, PolicyService)", setUp);
        Map<Long, java.math.BigDecimal> taskPoints = new HashMap<>();
        loaded.tasks().forEach(t -> taskPoints.put(t.id(), t.maxPoints()));
        Timings tallies = measure(() -> evaluations.tallies(campaignId, taskPoints, null));
        print(String.format("     evaluations summed per target: EvaluationApi.tallies (%,d rows)", targets), tallies);
        Timings events = measure(() -> access.approvedAdjustments(campaignId));
        print("     approved events (lean)", events);
        int details = loaded.evaluations().size();
        Timings detailT = measure(() -> {
            Map<Long, Set<Long>> zeroed = new HashMap<>();
            for (Adjustment x : loaded.adjustments()) {
                if (!x.relatedTaskIds().isEmpty() && x.kind() == org.dudao.scoring.engine.AdjustmentKind.PENALTY) {
                    zeroed.computeIfAbsent(x.targetId(), k -> new java.util.HashSet<>())
                            .addAll(x.relatedTaskIds());
                }
            }
            return evaluations.forScoring(campaignId, zeroed);
        });
        print(String.format("     evaluations of the zeroed tasks, in detail (%,d rows)", details), detailT);
        Timings previousT = measure(() -> access.previous(campaignId));
        print("     last year's results", previousT);
        System.out.printf(
                "     the rest (mapping to engine records, GC): ≈ %.0f ms (load − the parts above)%n",
                new Timings(load).median()
                        - setUp.median()
                        - tallies.median()
                        - events.median()
                        - detailT.median()
                        - previousT.median());
        print(
                String.format(
                        "     for comparison: every evaluation row fetched (EvaluationApi.forScoring, %,d rows)",
                        (long) targets * TASKS),
                measure(() -> evaluations.forScoring(campaignId)));
        // the summed computation equals the task-by-task one on the same data
        // every evaluation one by one, as breakdowns read them
        Inputs detailed = scoringInputs.detailed(campaignId, campaigns.targets(campaignId));
        System.out.printf(
                "     check: the summed computation equals the task-by-task computation of every evaluation: %s%n",
                sameScores(computation, ScoringEngine.compute(detailed)));

        // d. persisting the results, and the product's own compute
        System.out.println();
        Computation toSave = computation;
        Timings persist = measure(() -> tx.execute(s -> {
            access.save(campaignId, toSave, OFFICE, Instant.now());
            return null;
        }));
        print(String.format("d  persist %,d results: ResultStore.saveComputation (1 tx)", targets), persist);
        CurrentUser office =
                new CurrentUser(0, OFFICE, "基准考核办", cityId, "基准市", cityId, Set.of("OFFICE_ADMIN"), Set.of(), false);
        Timings product = measure(() -> results.compute(campaignId, office));
        print("   product compute: ResultService.compute (load+engine+persist)", product);

        // breakdowns are computed when read
        ScoringApi scoring = context.getBean(ScoringApi.class);
        List<Target> all = loaded.targets();
        Random pick = new Random(seed + 1);
        long[] reads = new long[Math.min(changes, 500)];
        for (int k = -20; k < reads.length; k++) {
            long id = all.get(pick.nextInt(all.size())).id();
            long a = System.nanoTime();
            check(scoring.breakdown(campaignId, id).isPresent(), "breakdown of " + id);
            if (k >= 0) {
                reads[k] = System.nanoTime() - a;
            }
        }
        Arrays.sort(reads);
        System.out.printf(
                "   one breakdown read (ScoringApi.breakdown, computed on read, %d reads)   median %.2f   p99 %.2f"
                        + "   max %.2f%n",
                reads.length, pct(reads, 0.5) / 1e6, pct(reads, 0.99) / 1e6, reads[reads.length - 1] / 1e6);

        // e. a single change
        System.out.println();
        changes(loaded, access, tx, scoringInputs);

        // goals
        double floorMs = pairedT.median();
        double fullMs = fullT.median();
        System.out.println();
        System.out.println(
                "goals (on medians, the floor as measured beside the full computes; the single change on p99):");
        System.out.printf(
                "  full compute / SQL floor = %.0f / %.0f ms = %.2f ×   (goal ≤ %.0f ×)  %s%n",
                fullMs, floorMs, fullMs / floorMs, GOAL_FLOOR_RATIO, verdict(fullMs <= GOAL_FLOOR_RATIO * floorMs));
        System.out.printf(
                "  full compute %.0f ms                        (goal < %.0f ms) %s%n",
                fullMs, GOAL_FULL_MS, verdict(fullMs < GOAL_FULL_MS));
        System.out.printf(
                "  single change p99 %.2f ms, max %.2f ms    (goal < %.0f ms)  %s%n",
                changeP99, changeMax, GOAL_CHANGE_MS, verdict(changeP99 < GOAL_CHANGE_MS));
        System.out.printf(
                "heap used after GC: %d MB before loading, %d MB holding the inputs, %d MB holding inputs and"
                        + " computation (inputs %+d MB, computation %+d MB); -Xmx %d MB%n",
                heapNone >> 20,
                heapInputs >> 20,
                heapBoth >> 20,
                (heapInputs - heapNone) >> 20,
                (heapBoth - heapInputs) >> 20,
                rt.maxMemory() >> 20);
        System.out.printf(
                "processors: %d available to the JVM (the embedded PostgreSQL runs on the same ones)%n",
                rt.availableProcessors());
    }

    double changeP99;
    double changeMax;

    /** The floor: one aggregate summing the raw points per target, read into a map. */
    Map<Long, java.math.BigDecimal> floorQuery() {
        Map<Long, java.math.BigDecimal> sums = new HashMap<>(targets * 2);
        template.query(
                "select target_id, sum(coalesce(points, 0)) from evaluation where campaign_id = ? group by target_id",
                (RowCallbackHandler) rs -> sums.put(rs.getLong(1), rs.getBigDecimal(2)),
                campaignId);
        check(sums.size() == targets, "floor read " + sums.size() + " targets");
        return sums;
    }

    /**
     * The product's path after one changed grade: the evaluation row updated, then {@link ScoringBenchAccess#changed}
     * (ResultUpdates.changed, what follows every changed evaluation in its transaction: re-score the target, re-stand
     * its category from the stored scores, write what moved), committed; 1,000 changes on random targets.
     */
    void changes(Inputs inputs, ScoringBenchAccess access, TransactionTemplate tx, ScoringInputs scoringInputs)
            throws Exception {
        Map<Long, List<Long>> tasksOfCategory = new HashMap<>();
        inputs.tasks()
                .forEach(t -> tasksOfCategory
                        .computeIfAbsent(t.categoryId(), k -> new ArrayList<>())
                        .add(t.id()));
        List<Target> all = inputs.targets();
        Random random = new Random(seed);
        long[] update = new long[changes];
        long[] total = new long[changes];
        for (int k = -CHANGE_WARM_UP; k < changes; k++) {
            Target t = all.get(random.nextInt(all.size()));
            List<Long> own = tasksOfCategory.get(t.categoryId());
            long taskId = own.get(random.nextInt(own.size()));
            long[] span = new long[3];
            tx.executeWithoutResult(s -> {
                span[0] = System.nanoTime();
                String current = jdbc.sql("select grade from evaluation where target_id = ? and task_id = ?")
                        .params(t.id(), taskId)
                        .query(String.class)
                        .optional()
                        .orElse(null);
                Grade g = otherGrade(current == null ? null : Grade.valueOf(current), random);
                jdbc.sql("update evaluation set grade = ?, points = null, not_applicable = false, reason = ?,"
                                + " evaluated_at = now(), revision = revision + 1, row_version = row_version + 1"
                                + " where target_id = ? and task_id = ?")
                        .params(g.name(), "复评：调整等次", t.id(), taskId)
                        .update();
                span[1] = System.nanoTime();
                check(access.changed(campaignId, List.of(t.id())), "results updated after a change of " + t.id());
                span[2] = System.nanoTime();
            });
            long committed = System.nanoTime();
            if (k >= 0) {
                update[k] = span[2] - span[1];
                total[k] = committed - span[0];
            }
        }
        Arrays.sort(update);
        Arrays.sort(total);
        changeP99 = pct(update, 0.99) / 1e6;
        changeMax = update[update.length - 1] / 1e6;
        System.out.printf(
                "e  single change: one target's grade changed, the product's update in its transaction (%,d changes"
                        + " after %d warm-up)%n",
                changes, CHANGE_WARM_UP);
        System.out.printf(
                "     ResultUpdates.changed (read target, re-score, re-stand category, write)"
                        + "   median %.2f   p99 %.2f   max %.2f%n",
                pct(update, 0.5) / 1e6, changeP99, changeMax);
        System.out.printf(
                "     with the evaluation written and the commit"
                        + "                                median %.2f   p99 %.2f   max %.2f%n",
                pct(total, 0.5) / 1e6, pct(total, 0.99) / 1e6, total[total.length - 1] / 1e6);
        // the stored results, kept current change by change, against a full compute from scratch
        Computation fresh = ScoringEngine.compute(scoringInputs.summed(campaignId));
        ScoringApi scoring = context.getBean(ScoringApi.class);
        Map<Long, org.dudao.scoring.ResultView> stored = new HashMap<>();
        scoring.results(campaignId).forEach(r -> stored.put(r.targetId(), r));
        long differ = 0;
        for (org.dudao.scoring.engine.TargetResult r : fresh.results()) {
            org.dudao.scoring.ResultView s = stored.get(r.targetId());
            boolean same = s != null
                    && s.rawScore().compareTo(r.rawScore()) == 0
                    && s.convertedScore().compareTo(r.convertedScore()) == 0
                    && s.finalScore().compareTo(r.finalScore()) == 0
                    && java.util.Objects.equals(s.level(), r.level())
                    && java.util.Objects.equals(s.rank(), r.rank());
            if (!same) {
                differ++;
            }
        }
        com.fasterxml.jackson.databind.ObjectMapper json =
                context.getBean(com.fasterxml.jackson.databind.ObjectMapper.class);
        boolean listsSame = json.writeValueAsString(fresh.lists())
                .equals(json.writeValueAsString(
                        scoring.workflow(campaignId).orElseThrow().lists()));
        System.out.printf(
                "     check: after %,d changes the stored results equal a full compute from scratch: %s%n",
                changes + CHANGE_WARM_UP,
                differ == 0 && listsSame
                        ? "yes"
                        : "NO (" + differ + " results differ" + (listsSame ? "" : ", lists differ") + ")");
    }

    static Grade otherGrade(Grade old, Random random) {
        Grade g;
        do {
            g = Grade.values()[random.nextInt(Grade.values().length)];
        } while (g == old);
        return g;
    }

    /** The summed computation has no task or event lines: compare everything else. */
    static String sameScores(Computation summed, Computation detailed) {
        long differ = 0;
        for (int i = 0; i < summed.results().size(); i++) {
            org.dudao.scoring.engine.TargetResult a = summed.results().get(i);
            org.dudao.scoring.engine.TargetResult b = detailed.results().get(i);
            if (!(a.finalScore().equals(b.finalScore())
                    && a.rawScore().equals(b.rawScore())
                    && a.applicableMax().equals(b.applicableMax())
                    && a.convertedScore().equals(b.convertedScore())
                    && a.components().equals(b.components())
                    && java.util.Objects.equals(a.level(), b.level())
                    && java.util.Objects.equals(a.rank(), b.rank())
                    && a.missingEvaluations() == b.missingEvaluations())) {
                differ++;
            }
        }
        boolean lists = summed.lists().equals(detailed.lists());
        return differ == 0 && lists
                ? "yes"
                : "NO (" + differ + " results differ" + (lists ? "" : ", lists differ") + ")";
    }

    // ---------------------------------------------------------------- seeding

    void seed() {
        long t0 = System.nanoTime();
        int perCategory = targets / CATEGORIES;
        cityId = jdbc.sql("insert into organization_unit (tree_path, name, short_name, kind, source_ref, created_by)"
                        + " values ('/', '基准市', '基准市', 'CITY', 'bench', 'bench') returning id")
                .query(Long.class)
                .single();
        jdbc.sql("update organization_unit set tree_path = '/' || id || '/' where id = ?")
                .param(cityId)
                .update();
        // the target units, and the first twelve departments also assess
        jdbc.sql("insert into organization_unit (parent_id, tree_path, name, short_name, kind, sort_order,"
                        + " source_ref, created_by) select :city, '/' || :city || '/',"
                        + " '基准单位' || lpad(g::text, 4, '0'), '单位' || g,"
                        + " case when (g - 1) % :per < greatest(:per / 15, 1) then 'COUNTY' else 'DEPARTMENT' end, g, 'bench', 'bench'"
                        + " from generate_series(1, :n) g")
                .param("city", cityId)
                .param("per", perCategory)
                .param("n", targets)
                .update();
        jdbc.sql("update organization_unit set tree_path = tree_path || id || '/' where parent_id = ?")
                .param(cityId)
                .update();
        // one indicator system per category: 10 indicators of 15 tasks, 50 of 1 point and 100 of 0.5 (100 in all)
        jdbc.sql("insert into indicator_system (code, name, year, kind, source, categories, version, status,"
                        + " owner_unit_id, created_by, updated_by) select 'BENCH-' || lpad(c::text, 2, '0'),"
                        + " '基准指标体系（类别' || c || '）', :year, 'ASSESSMENT', 'bench',"
                        + " array['类别' || lpad(c::text, 2, '0')], 1, 'PUBLISHED', :city, 'bench', 'bench'"
                        + " from generate_series(1, :categories) c")
                .param("year", YEAR)
                .param("city", cityId)
                .param("categories", CATEGORIES)
                .update();
        jdbc.sql(
                        "insert into indicator_node (system_id, parent_id, position, depth, kind, label, name, points)"
                                + " select s.id, null, i, 0, 'INDICATOR', (i + 1) || '.',"
                                + " '一级指标' || (i + 1) || '：法治政府建设重点工作', 10"
                                + " from indicator_system s cross join generate_series(0, :n - 1) i where s.owner_unit_id = :city")
                .param("n", INDICATORS)
                .param("city", cityId)
                .update();
        jdbc.sql("insert into indicator_node (system_id, parent_id, position, depth, kind, label, name, points,"
                        + " methods, materials, requirement, assessor_lead) select p.system_id, p.id, k, 1, 'TASK',"
                        + " '(' || (k + 1) || ')', '工作任务' || (p.position * :per + k + 1)"
                        + " || '：按照年度要点落实并报送相关制度文件和工作台账',"
                        + " case when k % 3 = 0 then 1 else 0.5 end,"
                        + " case (p.position * :per + k) % 5 when 0 then array['实地考核'] when 1 then array['日常掌握']"
                        + " else array['报送资料'] end, array['制度文件', '工作台账'],"
                        + " '按时完成得满分，未完成或不到位的酌情扣分', '市司法局'"
                        + " from indicator_node p cross join generate_series(0, :per - 1) k"
                        + " where p.kind = 'INDICATOR' and p.system_id in"
                        + " (select id from indicator_system where owner_unit_id = :city)")
                .param("per", TASKS_PER_INDICATOR)
                .param("city", cityId)
                .update();
        campaignId = jdbc.sql("insert into campaign (kind, year, name, document_no, owner_unit_id, settings,"
                        + " created_by, updated_by) values ('ASSESSMENT', :year, :name, '基准〔2026〕1号', :city,"
                        + " cast('{\"preset\":\"PDS-2020\"}' as jsonb), 'bench', 'bench') returning id")
                .param("year", YEAR)
                .param("name", YEAR + "年度法治政府建设考核（基准，" + targets + " 个考核对象）")
                .param("city", cityId)
                .query(Long.class)
                .single();
        jdbc.sql("insert into campaign_category (campaign_id, name, indicator_system_id, position)"
                        + " select :c, s.categories[1], s.id, (row_number() over (order by s.code))::int"
                        + " from indicator_system s where s.owner_unit_id = :city")
                .param("c", campaignId)
                .param("city", cityId)
                .update();
        jdbc.sql("insert into campaign_target (campaign_id, category_id, unit_id, position)"
                        + " select :c, k.id, u.id, u.sort_order from organization_unit u join campaign_category k"
                        + " on k.campaign_id = :c and k.position = (u.sort_order - 1) / :per + 1"
                        + " where u.parent_id = :city")
                .param("c", campaignId)
                .param("per", perCategory)
                .param("city", cityId)
                .update();
        jdbc.sql("with assessor as (select (row_number() over (order by sort_order) - 1)::int as k, id, name"
                        + " from organization_unit where parent_id = :city"
                        + " order by sort_order limit 12)"
                        + " insert into campaign_task (campaign_id, category_id, node_id, position, path, label, name,"
                        + " points, methods, materials, requirement, assessor_name, assessor_unit_id, assessor_match,"
                        + " needs_material, deadline, due_at) select :c, k.id, n.id, p.position * :per + n.position,"
                        + " array[p.name], n.label, n.name, n.points, n.methods, n.materials, n.requirement, a.name,"
                        + " a.id, 'NAME', n.methods[1] = '报送资料', make_date(:year, 12, 20),"
                        + " make_timestamptz(:year, 12, 20, 16, 0, 0, 'UTC')"
                        + " from campaign_category k join indicator_node n on n.system_id = k.indicator_system_id"
                        + " and n.kind = 'TASK' join indicator_node p on p.id = n.parent_id"
                        + " join assessor a on a.k = (p.position * :per + n.position) % 12 where k.campaign_id = :c")
                .param("city", cityId)
                .param("c", campaignId)
                .param("per", TASKS_PER_INDICATOR)
                .param("year", YEAR)
                .update();
        long t1 = System.nanoTime();
        // The two bulk inserts run in one transaction with the row-by-row foreign-key triggers off
        // (session_replication_role = replica, for this transaction only): every id they write comes from a join
        // with its parent table, and one query checks afterwards that each has its target and task. With the
        // triggers on, the 1.8 million key look-ups make these inserts about four times slower (~90 µs a row
        // against ~20 µs on 2 cores).
        long[] t2 = new long[1];
        int[] seeded = new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(s -> {
            template.execute("set local session_replication_role = replica");
            return new int[] {seedEvaluations(), seedEvents(t2)};
        });
        int evaluations = seeded[0];
        int events = seeded[1];
        long t3 = System.nanoTime();
        template.execute("vacuum (analyze) organization_unit, indicator_system, indicator_node, campaign,"
                + " campaign_category, campaign_target, campaign_task, evaluation, scoring_adjustment");
        long t3b = System.nanoTime();
        long orphans = jdbc.sql(
                        "select (select count(*) from evaluation e left join campaign_target t"
                                + " on t.id = e.target_id and t.campaign_id = e.campaign_id left join campaign_task k"
                                + " on k.id = e.task_id and k.category_id = t.category_id where e.campaign_id = :c and k.id is null)"
                                + " + (select count(*) from scoring_adjustment a left join campaign_target t"
                                + " on t.id = a.target_id and t.campaign_id = a.campaign_id where a.campaign_id = :c and t.id is null)")
                .param("c", campaignId)
                .query(Long.class)
                .single();
        check(orphans == 0, orphans + " seeded rows without their target or task");
        long t4 = System.nanoTime();
        Map<String, Object> mix = jdbc.sql("select count(*) filter (where grade is not null) as graded,"
                        + " count(*) filter (where points is not null) as pointed,"
                        + " count(*) filter (where not_applicable) as na from evaluation where campaign_id = ?")
                .param(campaignId)
                .query()
                .singleRow();
        Map<String, Object> ev = jdbc.sql("select count(*) filter (where kind = 'BONUS') as bonus,"
                        + " count(*) filter (where kind = 'PENALTY') as penalty,"
                        + " count(*) filter (where cardinality(related_task_ids) > 0) as zeroing,"
                        + " count(*) filter (where blocks_excellent) as serious from scoring_adjustment"
                        + " where campaign_id = ?")
                .param(campaignId)
                .query()
                .singleRow();
        System.out.printf(
                "seeded campaign %d in %.1f s (set-up %.1f s, %,d evaluations %.1f s, %,d events %.1f s,"
                        + " vacuum analyze %.1f s, key check %.1f s)%n",
                campaignId,
                (t4 - t0) / 1e9,
                (t1 - t0) / 1e9,
                evaluations,
                (t2[0] - t1) / 1e9,
                events,
                (t3 - t2[0]) / 1e9,
                (t3b - t3) / 1e9,
                (t4 - t3b) / 1e9);
        System.out.printf(
                "  evaluations: %s graded, %s points, %s not applicable; events: %s bonus, %s penalty"
                        + " (%s zeroing tasks, %s serious)%n",
                mix.get("graded"),
                mix.get("pointed"),
                mix.get("na"),
                ev.get("bonus"),
                ev.get("penalty"),
                ev.get("zeroing"),
                ev.get("serious"));
        check(evaluations == (long) targets * TASKS, "seeded " + evaluations + " evaluations");
        check(events == targets * EVENTS_PER_TARGET, "seeded " + events + " events");
    }

    /** Every target × its category's tasks. */
    int seedEvaluations() {
        // every target × its category's tasks: 2 % not applicable, 68 % graded, 30 % points; each target has a
        // quality of its own (tq) that shifts its grades, so that scores and levels spread
        return jdbc.sql("insert into evaluation (campaign_id, target_id, task_id, grade, points,"
                        + " not_applicable, reason, method, detail, evaluator_unit_id, evaluated_by, evaluated_by_name,"
                        + " evaluated_at, created_by, updated_by)"
                        + " select :c, t.id, k.id,"
                        + " case when r.kind >= 20 and r.kind < 700 then case when r.g >= 55 then 'EXCELLENT'"
                        + " when r.g >= 25 then 'GOOD' when r.g >= 8 then 'FAIR' else 'POOR' end end,"
                        + " case when r.kind >= 700 then greatest(k.points - 0.5 * r.d, 0) end,"
                        + " r.kind < 20,"
                        + " case when r.kind < 20 then '本单位无此项职能，经核实不适用'"
                        + " when r.kind >= 700 and r.d > 0 then '台账资料不完整，扣' || least(0.5 * r.d, k.points) || '分'"
                        + " when r.kind >= 700 then '按要求完成，不扣分' else '按评分标准综合评定' end,"
                        + " k.methods[1],"
                        + " case when r.x % 50 = 0 then '{\"rater\": \"OFFICE\"}' when r.x % 50 = 1"
                        + " then '{\"rater\": \"TEAM\"}' else '{\"rater\": \"ASSESSOR\"}' end::jsonb,"
                        + " k.assessor_unit_id, 'assessor' || (k.position % 12 + 1), '评价员' || (k.position % 12 + 1),"
                        + " make_timestamptz(:year, 11, 1, 0, 0, 0, 'UTC') + (r.x % 2592000) * interval '1 second',"
                        + " 'bench', 'bench'"
                        + " from campaign_target t join campaign_task k on k.category_id = t.category_id"
                        + " cross join lateral (select h.x, h.x % 1000 as kind, (h.x / 1000) % 100 + (h.tq - 50) / 2 as g,"
                        + " (h.x / 100000) % 3 as d from (select"
                        + " hashtextextended(t.position || '/' || k.position, :seed) & 9223372036854775807 as x,"
                        + " (hashtextextended('q' || t.position, :seed) & 9223372036854775807) % 100 as tq) h) r"
                        + " where t.campaign_id = :c")
                .param("c", campaignId)
                .param("year", YEAR)
                .param("seed", seed)
                .update();
    }

    /** 5 approved events per target. */
    int seedEvents(long[] started) {
        started[0] = System.nanoTime();
        // 5 approved events per target: two bonuses; a penalty (a quarter on the matter of the first bonus, some
        // zeroing a task); a penalty zeroing two tasks for a third of the targets; a fifth that is, for every fifth
        // target, the same matter as the fourth written with a full-width space (one matter to the engine, two
        // matter keys to the table), else a third bonus. A penalty in 25 is serious (bars 优秀).
        return jdbc.sql("insert into scoring_adjustment (campaign_id, target_id, kind, matter, matter_key,"
                        + " points, related_task_ids, blocks_excellent, reason, status, proposed_by, proposed_by_name,"
                        + " proposed_unit_id, proposed_at, decided_by, decided_at)"
                        + " select :c, t.id, e.kind, e.matter, e.matter, case when e.kind = 'BONUS' then 1"
                        + " else 1 + e.h % 3 end,"
                        + " coalesce((select array_agg(x.id order by x.id) from campaign_task x where"
                        + " x.campaign_id = :c and x.category_id = t.category_id and ((e.n = 4 and e.h % 3 = 0 and x.position in"
                        + " ((e.h / 3) % 150, (e.h / 450) % 150)) or (e.n = 3 and e.h % 7 = 0 and x.position ="
                        + " (e.h / 7) % 150))), '{}'),"
                        + " e.kind = 'PENALTY' and e.h % 25 = 0, '经核实，事实清楚，依据充分', 'APPROVED', :by, '基准考核办',"
                        + " :city, make_timestamptz(:year, 6, 1, 0, 0, 0, 'UTC') + (e.h % 15552000) * interval '1 second',"
                        + " :by, make_timestamptz(:year, 6, 2, 0, 0, 0, 'UTC') + (e.h % 15552000) * interval '1 second'"
                        + " from campaign_target t cross join lateral (select"
                        + " hashtextextended(t.position || ':1', :seed) & 9223372036854775807 as h1,"
                        + " hashtextextended(t.position || ':4', :seed) & 9223372036854775807 as h4) f"
                        + " cross join lateral (select n, hashtextextended(t.position || ':' || n, :seed)"
                        + " & 9223372036854775807 as h from generate_series(1, 5) n) g"
                        + " cross join lateral (select g.n, g.h,"
                        + " case when g.n <= 2 or (g.n = 5 and t.position % 5 <> 0) then 'BONUS' else 'PENALTY' end as kind,"
                        + " case g.n when 1 then '法治建设经验被上级推广 A' || f.h1 % 40"
                        + " when 2 then '获评法治建设示范项目 B' || g.h % 40"
                        + " when 3 then case when g.h % 4 = 0 then '法治建设经验被上级推广 A' || f.h1 % 40"
                        + " else '行政诉讼败诉 C' || g.h % 40 end"
                        + " when 4 then '被上级通报批评 D' || f.h4 % 40"
                        + " else case when t.position % 5 = 0 then '被上级通报批评\u3000D' || f.h4 % 40"
                        + " else '法治宣传成效突出 E' || g.h % 40 end end as matter) e"
                        + " where t.campaign_id = :c")
                .param("c", campaignId)
                .param("by", OFFICE)
                .param("city", cityId)
                .param("year", YEAR)
                .param("seed", seed)
                .update();
    }

    // ---------------------------------------------------------------- measuring

    record Timings(long[] nanos) {
        Timings {
            nanos = nanos.clone();
            Arrays.sort(nanos);
        }

        double median() {
            int n = nanos.length;
            return (n % 2 == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + nanos[n / 2]) / 2.0) / 1e6;
        }

        double min() {
            return nanos[0] / 1e6;
        }

        double max() {
            return nanos[nanos.length - 1] / 1e6;
        }
    }

    Timings measure(Callable<?> work) throws Exception {
        long[] t = new long[runs];
        for (int i = -warmUp; i < runs; i++) {
            long a = System.nanoTime();
            Object kept = work.call();
            long b = System.nanoTime();
            Reference.reachabilityFence(kept);
            if (i >= 0) {
                t[i] = b - a;
            }
        }
        return new Timings(t);
    }

    static void print(String label, Timings t) {
        System.out.printf("%-62s %8.1f  (%.1f – %.1f)%n", label, t.median(), t.min(), t.max());
    }

    static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Collections so far and their accumulated time in ms, over every collector. */
    static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    static long heapUsedAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("unexpected: " + what);
        }
    }

    static int intArg(String[] args, int i, String env, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : Integer.parseInt(env(env, String.valueOf(fallback)));
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
