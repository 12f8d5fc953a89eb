package org.dudao.bench;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.dudao.DudaoApplication;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TargetView;
import org.dudao.report.tables.ResultSummaryTable;
import org.dudao.scoring.ScoringApi;
import org.dudao.scoring.domain.ResultService;
import org.dudao.shared.security.CurrentUser;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The result summary (汇总表) of a province-size campaign, through the product's code: the application is booted
 * in-process on a fresh data directory and {@link ScoringBenchmark}'s seeding writes the same synthetic campaign (3,000
 * targets in 20 categories, 150 tasks each, 450,000 evaluations, 15,000 events); {@code ResultService.compute} stores
 * its results and breakdowns (not timed); then {@link ResultSummaryTable#write} — what {@code GET
 * /api/v1/campaigns/{id}/documents/result-summary.xlsx} and the {@code RESULT_SUMMARY} job run — writes the xlsx to a
 * file, W warm-up + R timed runs.
 *
 * <p>Prints the time of each run and the median (min – max), split into the rows (database reads, JSON, SXSSF rows)
 * and the zip at the end; the GC time; the heap: the sum of the heap pools' peaks during a run, and the live heap
 * (used right after a forced GC, sampled every 150 targets in one extra, untimed run) against the idle baseline — the
 * figure that shows memory is bounded; the file's size, and a check of it read back as a stream (sheets, rows, cells).
 * PASS/MISS against the goal (< 10 s). Exit status 0 whatever the figures; 1 only when the benchmark itself breaks.
 * Run with bench/report-tables.sh; not a test.
 *
 * <p>Arguments: [warm-up=1] [runs=3] [seed=20261231]; or WARMUP, RUNS, SEED. TARGETS (default 3000, a multiple of 20)
 * shrinks the campaign; DATA_DIR, KEEP=1 and LOG_LEVEL as for {@link ScoringBenchmark}.
 */
public final class ResultSummaryBenchmark {

    static final double GOAL_MS = 10_000;
    static final int PROBE_EVERY = 150;

    final int warmUp;
    final int runs;
    final long seed;
    final int targets;
    ConfigurableApplicationContext context;

    ResultSummaryBenchmark(int warmUp, int runs, long seed, int targets) {
        this.warmUp = warmUp;
        this.runs = runs;
        this.seed = seed;
        this.targets = targets;
    }

    public static void main(String[] args) {
        int warmUp = ScoringBenchmark.intArg(args, 0, "WARMUP", 1);
        int runs = ScoringBenchmark.intArg(args, 1, "RUNS", 3);
        long seed =
                args.length > 2 ? Long.parseLong(args[2]) : Long.parseLong(ScoringBenchmark.env("SEED", "20261231"));
        int targets = Integer.parseInt(ScoringBenchmark.env("TARGETS", "3000"));
        if (runs < 1
                || warmUp < 0
                || targets < ScoringBenchmark.CATEGORIES
                || targets % ScoringBenchmark.CATEGORIES != 0) {
            System.err.println("need runs >= 1, warm-up >= 0, TARGETS a positive multiple of 20");
            System.exit(64);
        }
        Locale.setDefault(Locale.ROOT);
        int code = 0;
        Path dataDir = null;
        ResultSummaryBenchmark bench = new ResultSummaryBenchmark(warmUp, runs, seed, targets);
        try {
            String given = System.getenv("DATA_DIR");
            dataDir = given == null || given.isBlank()
                    ? Files.createTempDirectory("dudao-bench-summary-")
                    : Files.createDirectories(Path.of(given));
            bench.run(dataDir);
        } catch (Throwable e) {
            System.err.println("the benchmark failed: " + e);
            e.printStackTrace();
            code = 1;
        } finally {
            if (bench.context != null) {
                bench.context.close();
            }
            if (dataDir != null) {
                if ("1".equals(System.getenv("KEEP"))) {
                    System.out.println("data directory kept: " + dataDir);
                } else {
                    ScoringBenchmark.deleteTree(dataDir);
                }
            }
        }
        System.exit(code);
    }

    void run(Path dataDir) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "result summary benchmark: %,d targets × %d tasks (%d categories); seed %d%n",
                targets, ScoringBenchmark.TASKS, ScoringBenchmark.CATEGORIES, seed);
        System.out.printf(
                "JVM: %d available processors, max heap %d MB, %s, GC %s%n",
                rt.availableProcessors(),
                rt.maxMemory() >> 20,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(" + ")));

        // ---------------------------------------------------------------- boot, seed, compute (not measured)
        long t0 = System.nanoTime();
        context = SpringApplication.run(DudaoApplication.class, new String[] {
            "--dudao.demo=false",
            "--dudao.data-dir=" + dataDir.toAbsolutePath(),
            "--server.port=0",
            "--logging.level.root=" + ScoringBenchmark.env("LOG_LEVEL", "WARN"),
            "--logging.level.org.dudao.identity.domain.SetupService=ERROR"
        });
        System.out.printf("application up in %.1f s (data directory %s)%n", (System.nanoTime() - t0) / 1e9, dataDir);
        // the scoring benchmark's seeding, on this application
        ScoringBenchmark seeder = new ScoringBenchmark(0, 1, 1, seed, targets);
        seeder.context = context;
        seeder.jdbc = context.getBean(JdbcClient.class);
        seeder.template = context.getBean(JdbcTemplate.class);
        seeder.seed();
        long campaignId = seeder.campaignId;
        CurrentUser office = new CurrentUser(
                0,
                ScoringBenchmark.OFFICE,
                "基准考核办",
                seeder.cityId,
                "基准市",
                seeder.cityId,
                Set.of("OFFICE_ADMIN"),
                Set.of(),
                false);
        long c0 = System.nanoTime();
        context.getBean(ResultService.class).compute(campaignId, office);
        System.out.printf(
                "results computed and stored in %.1f s (ResultService.compute; breakdowns are computed when read)%n",
                (System.nanoTime() - c0) / 1e9);

        ResultSummaryTable table = context.getBean(ResultSummaryTable.class);
        CampaignApi campaigns = context.getBean(CampaignApi.class);
        CampaignView campaign = campaigns.campaign(campaignId);
        Path out = dataDir.resolve("summary.xlsx");
        System.out.printf("runs: %d warm-up + %d measured; ms: median (min – max)%n%n", warmUp, runs);

        // ---------------------------------------------------------------- the summary
        long[] total = new long[runs];
        long[] rows = new long[runs];
        long[] zip = new long[runs];
        long[] gcMs = new long[runs];
        long[] peak = new long[runs];
        long baseline = ScoringBenchmark.heapUsedAfterGc();
        for (int i = -warmUp; i < runs; i++) {
            resetPeaks();
            long[] gc = ScoringBenchmark.gc();
            long[] packing = {0};
            long a = System.nanoTime();
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                table.write(
                        campaign,
                        file,
                        (percent, key, args) -> {
                            if (packing[0] == 0 && "report.job.step.packing".equals(key)) {
                                packing[0] = System.nanoTime();
                            }
                        },
                        Instant.now());
            }
            long b = System.nanoTime();
            long[] gcAfter = ScoringBenchmark.gc();
            if (i >= 0) {
                total[i] = b - a;
                rows[i] = packing[0] - a;
                zip[i] = b - packing[0];
                gcMs[i] = (gcAfter[1] - gc[1]) * 1_000_000;
                peak[i] = peakHeap();
            }
            System.out.printf(
                    "  %s %d: %,.0f ms (rows %,.0f, zip %,.0f), GC %d ms in %d collections%n",
                    i < 0 ? "warm-up" : "run",
                    i < 0 ? i + warmUp + 1 : i + 1,
                    (b - a) / 1e6,
                    (packing[0] - a) / 1e6,
                    (b - packing[0]) / 1e6,
                    gcAfter[1] - gc[1],
                    gcAfter[0] - gc[0]);
        }
        System.out.println();
        ScoringBenchmark.Timings totalT = new ScoringBenchmark.Timings(total);
        ScoringBenchmark.print("ResultSummaryTable.write → file (all)", totalT);
        ScoringBenchmark.print("  rows: reads + JSON + SXSSF rows", new ScoringBenchmark.Timings(rows));
        ScoringBenchmark.print("  zip: SXSSF temp files → xlsx", new ScoringBenchmark.Timings(zip));
        ScoringBenchmark.print("  GC time during the run", new ScoringBenchmark.Timings(gcMs));

        // the reads alone: every target's breakdown through the facade, as the table reads them
        ScoringApi scoring = context.getBean(ScoringApi.class);
        List<TargetView> all = campaigns.targets(campaignId);
        long r0 = System.nanoTime();
        long lines = 0;
        for (TargetView t : all) {
            Map<String, Object> b = scoring.breakdown(campaignId, t.id()).orElseThrow();
            lines += ((List<?>) b.get("tasks")).size();
        }
        System.out.printf(
                "%-62s %8.1f  (one run, %,d task lines, one transaction per call)%n",
                "  for comparison: every ScoringApi.breakdown alone", (System.nanoTime() - r0) / 1e6, lines);

        // the task scores alone, as the table reads them (one read-only transaction; computed per category from the
        // category's evaluations and events)
        TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        List<CategoryView> categories = campaigns.categories(campaignId);
        long[] streamed = new long[runs];
        for (int i = -warmUp; i < runs; i++) {
            long[] n = {0};
            long s0 = System.nanoTime();
            readOnly.executeWithoutResult(st -> {
                for (CategoryView k : categories) {
                    scoring.taskScores(campaignId, k.id(), line -> n[0]++);
                }
            });
            if (i >= 0) {
                streamed[i] = System.nanoTime() - s0;
            }
            ScoringBenchmark.check(n[0] == lines, "streamed " + n[0] + " task lines");
        }
        ScoringBenchmark.print(
                "  for comparison: ScoringApi.taskScores alone (20 categories)",
                new ScoringBenchmark.Timings(streamed));
        // the live heap during a write: forced GC every PROBE_EVERY targets (untimed)
        long[] live = {0};
        int[] seen = {0};
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            table.write(
                    campaign,
                    file,
                    (percent, key, args) -> {
                        if ("report.job.step.rows".equals(key) && ++seen[0] % PROBE_EVERY == 0) {
                            live[0] = Math.max(live[0], ScoringBenchmark.heapUsedAfterGc());
                        }
                    },
                    Instant.now());
        }
        long size = Files.size(out);
        Check check = check(out);

        System.out.println();
        System.out.printf(
                "heap: idle baseline %d MB after GC; live during the write (after forced GCs, every %d targets)"
                        + " at most %d MB, i.e. %+d MB over the baseline; sum of the heap pools' peaks in a run"
                        + " %d–%d MB (what G1 let grow before collecting, not what the write needs); -Xmx %d MB%n",
                baseline >> 20,
                PROBE_EVERY,
                live[0] >> 20,
                (live[0] - baseline) >> 20,
                Arrays.stream(peak).min().orElse(0) >> 20,
                Arrays.stream(peak).max().orElse(0) >> 20,
                rt.maxMemory() >> 20);
        System.out.printf(
                "file: %.1f MB; read back as a stream: %d sheets, %,d rows, %,d cells (%,d numeric), %d formulas%n",
                size / (1024.0 * 1024), check.sheets, check.rows, check.cells, check.numbers, check.formulas);
        long expectedRows = (long) targets + ScoringBenchmark.CATEGORIES * 6L; // + title, note, 3 header rows, legend
        ScoringBenchmark.check(check.sheets == ScoringBenchmark.CATEGORIES, check.sheets + " sheets");
        ScoringBenchmark.check(check.rows == expectedRows, check.rows + " rows, expected " + expectedRows);
        ScoringBenchmark.check(check.formulas == 0, check.formulas + " formulas");
        ScoringBenchmark.check(
                check.numbers >= (long) targets * (ScoringBenchmark.TASKS + 6) * 9 / 10,
                check.numbers + " numeric cells");
        System.out.println();
        System.out.printf(
                "goal: the summary of %,d targets in %.0f ms (median)      (goal < %.0f ms) %s%n",
                targets, totalT.median(), GOAL_MS, ScoringBenchmark.verdict(totalT.median() < GOAL_MS));
        System.out.printf(
                "processors: %d available to the JVM (the embedded PostgreSQL runs on the same ones)%n",
                rt.availableProcessors());
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static final class Check {
        int sheets;
        long rows;
        long cells;
        long numbers;
        long formulas;
    }

    /** Reads the file back as XML streams (never whole into memory): sheets, rows, cells, numbers, formulas. */
    static Check check(Path file) throws Exception {
        Check c = new Check();
        XMLInputFactory xml = XMLInputFactory.newFactory();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            while (sheets.hasNext()) {
                c.sheets++;
                try (InputStream in = sheets.next()) {
                    XMLStreamReader r = xml.createXMLStreamReader(in);
                    while (r.hasNext()) {
                        if (r.next() != XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        switch (r.getLocalName()) {
                            case "row" -> c.rows++;
                            case "c" -> {
                                c.cells++;
                                String t = r.getAttributeValue(null, "t");
                                if (t == null || "n".equals(t)) {
                                    c.numbers++;
                                }
                            }
                            case "f" -> c.formulas++;
                            default -> {}
                        }
                    }
                    r.close();
                }
            }
        }
        return c;
    }
}
