package org.dudao.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dudao.DudaoApplication;
import org.dudao.report.DocumentFixtures;
import org.dudao.report.documents.LibreOffice;
import org.dudao.shared.DudaoProperties;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The official documents of a city-size campaign, through the product's REST API: the application is booted
 * in-process on a fresh data directory with the demo data (embedded PostgreSQL), a PDS-2020 campaign of 60
 * targets is created, rated (levels and ranks differ), computed, approved and published as the tests do
 * ({@link DocumentFixtures}), then the results notice and the annual report are downloaded as docx and as
 * PDF, W warm-up + R measured times each. Prints median (min – max) in ms per document and format, the
 * sizes, PASS/MISS against the goal (under 5 s each on 2 cores), the PDF engine, the heap used after GC.
 * Reports, does not gate: exit status 0 (1 only when the benchmark itself breaks). Run with
 * bench/documents.sh; not a test.
 *
 * <p>Arguments: [warm-up=1] [runs=5]; or the environment WARMUP, RUNS. DATA_DIR picks the data directory
 * (default a fresh temporary one, deleted at the end unless KEEP=1).
 */
public final class DocumentBenchmark {

    static final double GOAL_MS = 5000;

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : Integer.parseInt(env("WARMUP", "1"));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : Integer.parseInt(env("RUNS", "5"));
        Locale.setDefault(Locale.ROOT);
        int code = 0;
        Path dataDir = null;
        ConfigurableApplicationContext context = null;
        try {
            String given = System.getenv("DATA_DIR");
            dataDir = given == null || given.isBlank()
                    ? Files.createTempDirectory("dudao-bench-documents-")
                    : Files.createDirectories(Path.of(given));
            long t0 = System.nanoTime();
            context = SpringApplication.run(DudaoApplication.class, new String[] {
                "--dudao.demo=true",
                "--dudao.data-dir=" + dataDir.toAbsolutePath(),
                "--server.port=0",
                "--logging.level.root=" + env("LOG_LEVEL", "WARN")
            });
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            DemoAccounts demo = new DemoAccounts(context.getBean(DudaoProperties.class));
            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    "documents benchmark: JVM %d processors, max heap %d MB, %s %s; application up in %.1f s%n",
                    rt.availableProcessors(),
                    rt.maxMemory() / (1024 * 1024),
                    System.getProperty("java.vm.name"),
                    System.getProperty("java.version"),
                    (System.nanoTime() - t0) / 1e9);
            LibreOffice lo = context.getBean(LibreOffice.class);
            System.out.println(
                    "PDF: " + lo.binary().map(p -> "LibreOffice " + p).orElse("OpenPDF (no LibreOffice)"));

            long t1 = System.nanoTime();
            DocumentFixtures.Campaign c = DocumentFixtures.create(port, demo, "公文基准", true);
            DocumentFixtures.publish(port, demo, c);
            System.out.printf(
                    "campaign #%d: %d targets rated, computed and published in %.1f s%n",
                    c.id(), c.targets().size(), (System.nanoTime() - t1) / 1e9);
            System.out.printf("runs: %d warm-up + %d measured; ms: median (min – max)%n%n", warmUp, runs);

            ApiClient office = ApiClient.as(port, demo, "pds-office");
            String base = c.base() + "/documents/";
            boolean allPass = true;
            for (String doc :
                    List.of("results-notice.docx", "annual-report.docx", "results-notice.pdf", "annual-report.pdf")) {
                long[] ms = new long[runs];
                int size = 0;
                String engine = "";
                for (int i = 0; i < warmUp + runs; i++) {
                    long s = System.nanoTime();
                    HttpResponse<byte[]> r = office.getBytes(base + doc);
                    long took = (System.nanoTime() - s) / 1_000_000;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(doc + ": HTTP " + r.statusCode());
                    }
                    size = r.body().length;
                    engine = r.headers()
                            .firstValue("X-PDF-Engine")
                            .map(e -> " (" + e + ")")
                            .orElse("");
                    if (i >= warmUp) {
                        ms[i - warmUp] = took;
                    }
                }
                long[] sorted = ms.clone();
                java.util.Arrays.sort(sorted);
                long median = sorted[sorted.length / 2];
                boolean pass = median < GOAL_MS;
                allPass &= pass;
                System.out.printf(
                        "%-22s %6d (%d – %d) ms  %,9d bytes%s  goal < 5 s: %s%n",
                        doc, median, sorted[0], sorted[sorted.length - 1], size, engine, pass ? "PASS" : "MISS");
            }
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("%nheap used after GC: %d MB; all under 5 s: %s%n", heap.getUsed() >> 20, allPass);
        } catch (Throwable e) {
            System.err.println("the benchmark failed: " + e);
            e.printStackTrace();
            code = 1;
        } finally {
            if (context != null) {
                context.close();
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

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all =
                    new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
