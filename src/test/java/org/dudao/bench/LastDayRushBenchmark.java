package org.dudao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last-day rush: many targets upload their evidence at once, over loopback against the running jar. Prints the
 * throughput next to the raw sequential disk-write throughput measured by the caller, upload latency percentiles, the
 * server's heap growth, and verifies every acknowledged file by downloading it and comparing SHA-256 and size (0 lost,
 * 0 corrupt, else the exit status is 1; 2 when some uploads were refused). Run with bench/last-day-rush.sh; not a
 * test.
 *
 * <p>Arguments: base-url data-dir disk-MB/s server-pid server-heap uploaders files-per-uploader min-MB max-MB [seed].
 * MB means MiB (2^20 bytes) throughout. Every uploader is one thread, a distinct (target account, task) pair, sending
 * its files one after the other; files are PDFs generated while they are sent, never held in memory.
 */
public final class LastDayRushBenchmark {

    static final long MIB = 1024L * 1024;
    static final int CHUNK = 64 * 1024;
    static final int VERIFIERS = 8;
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern USED = Pattern.compile("used (\\d+)K");

    record Account(String username, String password, String role, String unit) {}

    record Uploader(int index, Account account, long taskId, HttpClient client) {}

    record Ack(long fileId, String sha256, long size, String serverSha256, long serverSize) {}

    record Outcome(long lost, long corrupt, long unverified, long bytes, double seconds) {}

    private final URI base;
    private final Path dataDir;
    private final ObjectMapper json = JSON;
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failureDetails = new ConcurrentHashMap<>();
    private final AtomicLong ackedBytes = new AtomicLong();

    LastDayRushBenchmark(URI base, Path dataDir) {
        this.base = base;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 9) {
            System.err.println("usage: LastDayRushBenchmark base-url data-dir disk-MB/s server-pid server-heap"
                    + " uploaders files-per-uploader min-MB max-MB [seed]");
            System.exit(64);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        Path dataDir = Path.of(args[1]);
        double diskMbps = Double.parseDouble(args[2]);
        long serverPid = Long.parseLong(args[3]);
        String heap = args[4];
        int uploaders = Integer.parseInt(args[5]);
        int files = Integer.parseInt(args[6]);
        int minMb = Integer.parseInt(args[7]);
        int maxMb = Integer.parseInt(args[8]);
        long seed = args.length > 9 ? Long.parseLong(args[9]) : 20261231L;
        if (uploaders < 1 || files < 1 || minMb < 1 || maxMb < minMb) {
            throw new IllegalArgumentException("need uploaders >= 1, files >= 1, 1 <= min-MB <= max-MB");
        }
        int code = new LastDayRushBenchmark(base, dataDir)
                .run(diskMbps, serverPid, heap, uploaders, files, minMb, maxMb, seed);
        System.exit(code);
    }

    int run(double diskMbps, long serverPid, String heap, int uploaderCount, int files, int minMb, int maxMb, long seed)
            throws Exception {
        System.out.printf(
                "last-day rush: %d uploaders × %d files, %d–%d MB, server -Xmx%s, %d cores%n",
                uploaderCount, files, minMb, maxMb, heap, Runtime.getRuntime().availableProcessors());

        // ---------------------------------------------------------------- set-up (not timed)
        List<Account> accounts = accounts(dataDir.resolve("demo-accounts.csv"));
        Account office = accounts.stream()
                .filter(a -> a.username().equals("pds-office"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no pds-office in demo-accounts.csv"));
        HttpClient officeClient = client();
        String officeToken = login(officeClient, office);
        JsonNode campaign = first(
                get(officeClient, officeToken, "api/v1/campaigns"),
                c -> c.path("name").asText().contains("依法行政考核"));
        long campaignId = campaign.path("id").asLong();
        Map<String, String> categoryOfTarget = new LinkedHashMap<>();
        for (JsonNode t : get(officeClient, officeToken, "api/v1/campaigns/" + campaignId + "/targets")) {
            categoryOfTarget.put(t.path("name").asText(), t.path("category").asText());
        }
        Instant soon = Instant.now().plus(Duration.ofHours(1));
        Map<String, List<Long>> tasksByCategory = new LinkedHashMap<>();
        for (JsonNode t : get(officeClient, officeToken, "api/v1/campaigns/" + campaignId + "/tasks")) {
            String dueAt = t.path("dueAt").asText(null);
            boolean open = dueAt == null || Instant.parse(dueAt).isAfter(soon);
            if (t.path("needsMaterial").asBoolean() && open) {
                tasksByCategory
                        .computeIfAbsent(t.path("category").asText(), k -> new ArrayList<>())
                        .add(t.path("id").asLong());
            }
        }
        List<Account> targets = new ArrayList<>();
        Map<String, Integer> accountsPerCategory = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Account a : accounts) {
            if (!a.role().equals("TARGET")) {
                continue;
            }
            String category = categoryOfTarget.get(a.unit());
            if (category == null || !tasksByCategory.containsKey(category)) {
                skipped.add(a.username() + (category == null ? "" : " (" + category + ")"));
                continue;
            }
            targets.add(a);
            accountsPerCategory.merge(category, 1, Integer::sum);
        }
        if (targets.isEmpty()) {
            throw new IllegalStateException("no target account has an open task that needs material");
        }
        StringBuilder spread = new StringBuilder();
        accountsPerCategory.forEach((category, n) -> spread.append(String.format(
                "%s%s %d accounts / %d tasks",
                spread.length() == 0 ? "" : ", ",
                category,
                n,
                tasksByCategory.get(category).size())));
        System.out.printf(
                "campaign %d %s: uploaders on %d of %d target accounts (%s)%s%n",
                campaignId,
                campaign.path("name").asText(),
                Math.min(uploaderCount, targets.size()),
                targets.size(),
                spread,
                skipped.isEmpty()
                        ? ""
                        : "; skipped " + skipped.size() + " accounts without an open material task: "
                                + String.join(", ", skipped.subList(0, Math.min(3, skipped.size())))
                                + (skipped.size() > 3 ? ", …" : ""));

        // uploader u: account u mod n (round-robin), its k-th task of the category, k = u div n: distinct pairs
        Map<String, Integer> indexInCategory = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Account a : targets) {
            String category = categoryOfTarget.get(a.unit());
            indexInCategory.put(a.username(), seen.merge(category, 1, Integer::sum) - 1);
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, HttpClient> clients = new LinkedHashMap<>();
        List<Uploader> uploaders = new ArrayList<>();
        for (int u = 0; u < uploaderCount; u++) {
            Account a = targets.get(u % targets.size());
            int k = u / targets.size();
            List<Long> tasks = tasksByCategory.get(categoryOfTarget.get(a.unit()));
            if (k >= tasks.size()) {
                throw new IllegalStateException(String.format(
                        "%d uploaders need more distinct (account, task) pairs than the campaign has: %s has %d tasks",
                        uploaderCount, a.username(), tasks.size()));
            }
            long taskId = tasks.get((indexInCategory.get(a.username()) + k) % tasks.size());
            HttpClient c = clients.computeIfAbsent(a.username(), x -> client()); // one "browser" per account
            if (!tokens.containsKey(a.username())) {
                tokens.put(a.username(), login(c, a)); // each account logs in once; its uploaders share the token
            }
            uploaders.add(new Uploader(u, a, taskId, c));
        }

        // sizes uniform in [min, max] MB from a seeded Random, one per file in order
        Random sizes = new Random(seed);
        long[] sizeOf = new long[uploaderCount * files];
        long planned = 0;
        for (int i = 0; i < sizeOf.length; i++) {
            sizeOf[i] = sizes.nextLong(minMb * MIB, maxMb * MIB + 1);
            planned += sizeOf[i];
        }
        String run = Long.toHexString(seed) + "-" + Long.toHexString(System.currentTimeMillis());

        long heapBefore = heapUsedAfterGc(serverPid);
        Duration serverCpuBefore = cpu(serverPid);
        long clientCpuBefore = clientCpuNanos();

        // ---------------------------------------------------------------- the rush
        ExecutorService pool = Executors.newFixedThreadPool(uploaderCount);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (Uploader up : uploaders) {
            String token = tokens.get(up.account().username());
            done.add(pool.submit(() -> {
                start.await();
                for (int j = 0; j < files; j++) {
                    int n = up.index() * files + j;
                    upload(up, token, campaignId, n, sizeOf[n], seed, run);
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Duration serverCpu = cpu(serverPid).minus(serverCpuBefore);
        double clientCpu = (clientCpuNanos() - clientCpuBefore) / 1e9;
        long heapAfter = heapUsedAfterGc(serverPid);

        // ---------------------------------------------------------------- report of the rush
        int total = uploaderCount * files;
        long failed = failures.values().stream().mapToLong(LongAdder::sum).sum();
        double ackMb = ackedBytes.get() / (double) MIB;
        double mbps = ackMb / wall;
        System.out.printf(
                "uploads acknowledged: %d / %d (failed: %d)   data: %.1f GB of %.1f GB planned in %.1f s%n",
                acks.size(),
                total,
                failed,
                ackedBytes.get() / (double) (MIB * 1024),
                planned / (double) (MIB * 1024),
                wall);
        if (failed > 0) {
            failures.forEach((k, v) -> System.out.printf("  refused/failed: %-24s × %d%n", k, v.sum()));
            failureDetails.entrySet().stream()
                    .limit(6)
                    .forEach(e -> System.out.printf(
                            "    %s × %d%n", e.getKey(), e.getValue().sum()));
        }
        System.out.printf(
                "throughput: %.0f MB/s, %.1f files/s   | raw sequential disk write (dd, same disk): %.0f MB/s → %.0f %%%n",
                mbps, acks.size() / wall, diskMbps, diskMbps > 0 ? 100 * mbps / diskMbps : Double.NaN);
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (l.length > 0) {
            System.out.printf(
                    "latency per upload: p50 %.1f s, p90 %.1f s, p99 %.1f s, max %.1f s (min %.2f s)%n",
                    pct(l, 0.50), pct(l, 0.90), pct(l, 0.99), l[l.length - 1] / 1e9, l[0] / 1e9);
        }
        System.out.printf(
                "cpu during the rush: server JVM %.0f s, benchmark client %.0f s (of %.0f core-seconds; client generates"
                        + " and hashes on the same cores)%n",
                serverCpu.toMillis() / 1e3,
                clientCpu,
                wall * Runtime.getRuntime().availableProcessors());
        if (heapBefore >= 0 && heapAfter >= 0) {
            System.out.printf(
                    "server heap used after GC: before %d MB, after %d MB (growth %d MB)%n",
                    heapBefore / 1024, heapAfter / 1024, (heapAfter - heapBefore) / 1024);
        } else {
            System.out.println("server heap: not measured (jcmd unavailable)");
        }

        // ---------------------------------------------------------------- verification
        Outcome v = verify(officeClient, officeToken);
        System.out.printf(
                "verified by SHA-256: %d files, lost %d, corrupt %d%s   (read back %.1f GB in %.1f s, %.0f MB/s)%n",
                acks.size(),
                v.lost(),
                v.corrupt(),
                v.unverified() > 0 ? ", not verifiable " + v.unverified() : "",
                v.bytes() / (double) (MIB * 1024),
                v.seconds(),
                v.bytes() / (double) MIB / v.seconds());
        if (v.lost() > 0 || v.corrupt() > 0 || v.unverified() > 0) {
            return 1;
        }
        return failed > 0 ? 2 : 0;
    }

    // ---------------------------------------------------------------- one upload

    void upload(Uploader up, String token, long campaignId, int n, long size, long seed, String run) {
        String boundary = "----DudaoRush" + Long.toHexString(seed) + "x" + Integer.toHexString(n);
        String fileName = "材料-" + (n + 1) + ".pdf";
        byte[] head = ("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        long length = head.length + size + tail(boundary, "0".repeat(64)).length;
        AtomicReference<MultipartStream> sent = new AtomicReference<>();
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("api/v1/campaigns/" + campaignId + "/tasks/" + up.taskId() + "/files"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> {
                            MultipartStream s = new MultipartStream(
                                    head, new PdfStream(size, seed, n, run), sha -> tail(boundary, sha));
                            sent.set(s);
                            return s;
                        }),
                        length))
                .build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = up.client().send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                fail("HTTP " + r.statusCode(), "HTTP " + r.statusCode() + ": " + detail(r.body()));
                return;
            }
            JsonNode body = json.readTree(r.body());
            String sha = sent.get().pdf.sha256();
            acks.add(new Ack(
                    body.path("fileId").asLong(),
                    sha,
                    size,
                    body.path("sha256").asText(),
                    body.path("size").asLong()));
            ackedBytes.addAndGet(size);
            latencies.add(took);
        } catch (IOException e) {
            fail(e.getClass().getSimpleName(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted", "interrupted");
        }
    }

    static byte[] tail(String boundary, String sha) {
        return ("\r\n--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"sha256\"\r\n\r\n"
                        + sha
                        + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void fail(String kind, String detail) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (failureDetails.size() < 50 || failureDetails.containsKey(detail)) {
            failureDetails.computeIfAbsent(detail, k -> new LongAdder()).increment();
        }
    }

    private String detail(String body) {
        try {
            JsonNode p = json.readTree(body);
            return p.path("detail").asText(p.path("title").asText(body));
        } catch (IOException | RuntimeException e) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }

    // ---------------------------------------------------------------- verification

    Outcome verify(HttpClient client, String token) throws InterruptedException {
        LongAdder lost = new LongAdder();
        LongAdder corrupt = new LongAdder();
        LongAdder unverified = new LongAdder();
        LongAdder bytes = new LongAdder();
        Map<String, LongAdder> problems = new ConcurrentHashMap<>();
        Path blobs = dataDir.resolve("files");
        boolean local = Files.isDirectory(blobs);
        ExecutorService pool = Executors.newFixedThreadPool(VERIFIERS);
        long t0 = System.nanoTime();
        for (Ack ack : acks) {
            pool.execute(() -> {
                String problem = check(client, token, ack, local ? blobs : null, bytes);
                if (problem != null) {
                    problems.computeIfAbsent(problem, k -> new LongAdder()).increment();
                    if (problem.startsWith("lost")) {
                        lost.increment();
                    } else if (problem.startsWith("corrupt")) {
                        corrupt.increment();
                    } else {
                        unverified.increment();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(7, TimeUnit.DAYS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        problems.entrySet().stream()
                .limit(10)
                .forEach(e -> System.out.printf(
                        "  %s × %d%n", e.getKey(), e.getValue().sum()));
        return new Outcome(lost.sum(), corrupt.sum(), unverified.sum(), bytes.sum(), seconds);
    }

    /** null when the file reads back with the hash and size that were sent, else what is wrong with it. */
    private String check(HttpClient client, String token, Ack ack, Path blobs, LongAdder bytes) {
        if (!ack.serverSha256().equals(ack.sha256()) || ack.serverSize() != ack.size()) {
            return "corrupt: acknowledged with another hash or size";
        }
        if (blobs != null) {
            Path file = blobs.resolve(ack.sha256().substring(0, 2))
                    .resolve(ack.sha256().substring(2, 4))
                    .resolve(ack.sha256());
            try {
                if (!Files.isRegularFile(file)) {
                    return "lost: no blob file in the store";
                }
                if (Files.size(file) != ack.size()) {
                    return "corrupt: blob file of another size in the store";
                }
            } catch (IOException e) {
                return "lost: blob file unreadable: " + e.getMessage();
            }
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/files/" + ack.fileId()))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() == 404 || r.statusCode() == 410) {
                    in.skip(Long.MAX_VALUE);
                    return "lost: download answered " + r.statusCode();
                }
                if (r.statusCode() != 200) {
                    in.skip(Long.MAX_VALUE);
                    return "download answered " + r.statusCode();
                }
                MessageDigest digest = newSha256();
                byte[] buffer = new byte[CHUNK];
                long size = 0;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    digest.update(buffer, 0, n);
                    size += n;
                }
                bytes.add(size);
                if (size != ack.size()) {
                    return "corrupt: downloaded size differs";
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(ack.sha256())) {
                    return "corrupt: downloaded SHA-256 differs";
                }
                return null;
            }
        } catch (IOException e) {
            return "corrupt: download broke off (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    // ---------------------------------------------------------------- HTTP helpers

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    String login(HttpClient client, Account a) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("username", a.username(), "password", a.password()));
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(base.resolve("api/v1/auth/token"))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "login of " + a.username() + " answered " + r.statusCode() + ": " + detail(r.body()));
        }
        return json.readTree(r.body()).path("token").asText();
    }

    JsonNode get(HttpClient client, String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + detail(r.body()));
        }
        return json.readTree(r.body());
    }

    /** Rows of demo-accounts.csv (username,password,role,unit); passwords hold no comma. */
    static List<Account> accounts(Path csv) throws IOException {
        List<Account> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", 4);
            out.add(new Account(c[0], c[1], c[2], c[3]));
        }
        return out;
    }

    // ---------------------------------------------------------------- server figures

    /** The server's used heap in KB after a full GC, via jcmd; -1 when it cannot be taken. */
    static long heapUsedAfterGc(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            long used = 0;
            boolean found = false;
            for (String line : info.split("\n")) {
                if (line.contains("Metaspace") || line.contains("class space")) {
                    continue;
                }
                Matcher m = USED.matcher(line);
                if (m.find()) {
                    used += Long.parseLong(m.group(1));
                    found = true;
                }
            }
            return found ? used : -1;
        } catch (IOException e) {
            System.err.println("jcmd failed: " + e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(
                        Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("jcmd " + pid + " " + command + ": " + out.strip());
        }
        return out;
    }

    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e9;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first element of a JSON array that matches. */
    static JsonNode first(JsonNode array, Predicate<JsonNode> matches) {
        for (JsonNode n : array) {
            if (matches.test(n)) {
                return n;
            }
        }
        throw new IllegalStateException("none matches in " + array);
    }

    // ---------------------------------------------------------------- generated bodies

    /**
     * A PDF of exactly {@code size} bytes, generated while it is read: a header with a unique id, one stream object of
     * pseudo-random bytes, and a trailer ending in {@code %%EOF}. Its SHA-256 is computed as it goes.
     */
    static final class PdfStream extends InputStream {

        private static final VarHandle LONGS =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        private final byte[] head;
        private final byte[] tail;
        private final long size;
        private final long fillerEnd;
        private final SplittableRandom random;
        private final MessageDigest digest = newSha256();
        private final byte[] chunk = new byte[CHUNK];
        private int chunkPos;
        private int chunkLen;
        private long produced;
        private String sha256;

        PdfStream(long size, long seed, int n, String run) {
            this.size = size;
            this.tail = "\nendstream\nendobj\ntrailer\n<< /Size 2 >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            String top = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n% last-day rush file " + (n + 1) + " of run " + run
                    + "\n1 0 obj\n<< /Length ";
            String open = " >>\nstream\n";
            // /Length is exactly the filler's length, which depends on how many digits it has itself
            long filler = size - tail.length - top.length() - open.length();
            for (int round = 0; round < 3; round++) {
                filler = size
                        - tail.length
                        - top.length()
                        - open.length()
                        - String.valueOf(filler).length();
            }
            this.head = (top + filler + open).getBytes(StandardCharsets.ISO_8859_1);
            this.fillerEnd = size - tail.length;
            if (fillerEnd < head.length) {
                throw new IllegalArgumentException("file too small: " + size);
            }
            this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        }

        /** The hex SHA-256 of the whole content; only once it has all been read. */
        String sha256() {
            if (sha256 == null) {
                throw new IllegalStateException("not read to the end");
            }
            return sha256;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (chunkPos == chunkLen && !refill()) {
                return -1;
            }
            int n = Math.min(len, chunkLen - chunkPos);
            System.arraycopy(chunk, chunkPos, b, off, n);
            chunkPos += n;
            return n;
        }

        private boolean refill() {
            if (produced == size) {
                if (sha256 == null) {
                    sha256 = HexFormat.of().formatHex(digest.digest());
                }
                return false;
            }
            int n = 0;
            while (n < chunk.length && produced < size) {
                int count;
                if (produced < head.length) {
                    count = (int) Math.min(chunk.length - n, head.length - produced);
                    System.arraycopy(head, (int) produced, chunk, n, count);
                } else if (produced < fillerEnd) {
                    count = (int) Math.min(chunk.length - n, fillerEnd - produced);
                    int i = 0;
                    for (; i + 8 <= count; i += 8) {
                        LONGS.set(chunk, n + i, random.nextLong());
                    }
                    if (i < count) {
                        long r = random.nextLong();
                        for (; i < count; i++, r >>>= 8) {
                            chunk[n + i] = (byte) r;
                        }
                    }
                } else {
                    count = (int) Math.min(chunk.length - n, size - produced);
                    System.arraycopy(tail, (int) (produced - fillerEnd), chunk, n, count);
                }
                n += count;
                produced += count;
            }
            digest.update(chunk, 0, n);
            chunkPos = 0;
            chunkLen = n;
            return true;
        }
    }

    /** The multipart body: the file part's headers, the generated PDF, then the sha256 part made from its hash. */
    static final class MultipartStream extends InputStream {

        final PdfStream pdf;
        private final byte[] head;
        private final Function<String, byte[]> tailOf;
        private byte[] tail;
        private int headPos;
        private int tailPos;

        MultipartStream(byte[] head, PdfStream pdf, Function<String, byte[]> tailOf) {
            this.head = head;
            this.pdf = pdf;
            this.tailOf = tailOf;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (headPos < head.length) {
                int n = Math.min(len, head.length - headPos);
                System.arraycopy(head, headPos, b, off, n);
                headPos += n;
                return n;
            }
            if (tail == null) {
                int n = pdf.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                tail = tailOf.apply(pdf.sha256());
            }
            if (tailPos == tail.length) {
                return -1;
            }
            int n = Math.min(len, tail.length - tailPos);
            System.arraycopy(tail, tailPos, b, off, n);
            tailPos += n;
            return n;
        }
    }
}
