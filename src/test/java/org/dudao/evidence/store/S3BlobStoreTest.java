package org.dudao.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 store against a few lines of fake S3 served in this JVM (no S3 server needed): proves that the MinIO client
 * and its HTTP stack work on this class path and that keys, verification, scrub and sweep are wired as in the local
 * store.
 */
@Timeout(60)
class S3BlobStoreTest {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter XML_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    Path staging;

    HttpServer server;
    final Map<String, FakeObject> objects = new ConcurrentSkipListMap<>();
    final List<String> requests = new ArrayList<>();
    S3BlobStore store;

    record FakeObject(byte[] bytes, Instant lastModified) {}

    @BeforeEach
    void startFakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        store = new S3BlobStore(
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "us-east-1",
                "evidence",
                "access",
                "secret-secret",
                staging);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        server.stop(0);
    }

    @Test
    void commitUploadsUnderTheShardedKey_andOpenVerifies() throws Exception {
        byte[] bytes = randomBytes(100_000, 1);
        StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), 1_000_000);

        store.commit(staged);

        String key = Sha256.key(staged.sha256());
        assertThat(objects).containsOnlyKeys(key);
        assertThat(objects.get(key).bytes()).isEqualTo(bytes);
        assertThat(staged.tempFile()).doesNotExist();
        assertThat(store.exists(staged.sha256())).isTrue();
        assertThat(store.size(staged.sha256())).isEqualTo(bytes.length);
        try (InputStream in = store.open(staged.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void bytesAlreadyStored_areNotUploadedAgain_butMadeYoung() throws Exception {
        byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);
        StagedBlob first = store.stage(new ByteArrayInputStream(bytes), 100);
        store.commit(first);
        String key = Sha256.key(first.sha256());
        objects.put(key, new FakeObject(bytes, Instant.now().minus(Duration.ofDays(30))));
        requests.clear();

        StagedBlob second = store.stage(new ByteArrayInputStream(bytes), 100);
        store.commit(second);

        assertThat(requests).noneMatch(r -> r.startsWith("PUT") && !r.contains("copy"));
        assertThat(objects.get(key).lastModified()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(second.tempFile()).doesNotExist();
    }

    @Test
    void missingAndCorruptObjects_areReported() throws Exception {
        String absent = Sha256.of(new byte[] {1});
        assertThat(store.exists(absent)).isFalse();
        assertThatThrownBy(() -> store.open(absent)).isInstanceOf(MissingBlobException.class);
        assertThatThrownBy(() -> store.size(absent)).isInstanceOf(MissingBlobException.class);

        byte[] bytes = randomBytes(5_000, 2);
        StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), 100_000);
        store.commit(staged);
        byte[] damaged = bytes.clone();
        damaged[10] ^= 1;
        objects.put(Sha256.key(staged.sha256()), new FakeObject(damaged, Instant.now()));
        objects.put("stray/object.txt", new FakeObject(new byte[] {1}, Instant.now()));

        assertThatThrownBy(() -> {
                    try (InputStream in = store.open(staged.sha256())) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(CorruptBlobException.class);
        ScrubReport report = store.scrub(List.of(staged.sha256(), absent));
        assertThat(report.checked()).isEqualTo(1);
        assertThat(report.corrupt()).containsExactly(staged.sha256());
        assertThat(report.missing()).containsExactly(absent);
    }

    @Test
    void sweepDeletesOldUnreferencedObjects_only() throws Exception {
        Instant now = Instant.now();
        String orphan = put(new byte[] {1}, now.minus(Duration.ofDays(2)));
        String referenced = put(new byte[] {2}, now.minus(Duration.ofDays(2)));
        String young = put(new byte[] {3}, now.minus(Duration.ofHours(1)));

        SweepReport report = store.sweep(Set.of(referenced)::contains, Duration.ofDays(1), now);

        assertThat(report.examined()).isEqualTo(3);
        assertThat(report.deleted()).isEqualTo(1);
        List<String> left = new ArrayList<>();
        store.forEachBlob(left::add);
        assertThat(left).containsExactlyInAnyOrder(referenced, young);
        assertThat(left).doesNotContain(orphan);
    }

    @Test
    void invalidHashes_neverReachTheServer() {
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThat(requests).isEmpty();
    }

    @Test
    void anUnreachableServer_isAnIOException() throws Exception {
        server.stop(0);
        assertThatThrownBy(() -> store.exists(Sha256.of(new byte[] {1}))).isInstanceOf(IOException.class);
    }

    private String put(byte[] bytes, Instant lastModified) {
        String sha256 = Sha256.of(bytes);
        objects.put(Sha256.key(sha256), new FakeObject(bytes, lastModified));
        return sha256;
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    // --- the fake: path-style requests /evidence/<key> and /evidence?list-type=2 -----------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String copySource = exchange.getRequestHeaders().getFirst("x-amz-copy-source");
            synchronized (requests) {
                requests.add(method + " " + path + (copySource != null ? " copy" : ""));
            }
            String key = path.startsWith("/evidence/") ? path.substring("/evidence/".length()) : "";
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("GET") && key.isEmpty()) {
                list(exchange);
            } else if (method.equals("HEAD") || method.equals("GET")) {
                FakeObject object = objects.get(key);
                if (object == null) {
                    notFound(exchange, method.equals("HEAD"));
                    return;
                }
                exchange.getResponseHeaders().add("Last-Modified", HTTP_DATE.format(object.lastModified()));
                exchange.getResponseHeaders()
                        .add("ETag", "\"" + Sha256.of(object.bytes()).substring(0, 32) + "\"");
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                if (method.equals("HEAD")) {
                    exchange.getResponseHeaders().add("Content-Length", String.valueOf(object.bytes().length));
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    exchange.sendResponseHeaders(200, object.bytes().length);
                    exchange.getResponseBody().write(object.bytes());
                }
            } else if (method.equals("PUT") && copySource != null) {
                FakeObject source = objects.get(copySource.substring(copySource.indexOf('/', 1) + 1));
                if (source == null) {
                    notFound(exchange, false);
                    return;
                }
                Instant now = Instant.now();
                objects.put(key, new FakeObject(source.bytes(), now));
                xml(
                        exchange,
                        200,
                        "<CopyObjectResult><LastModified>" + XML_DATE.format(now) + "</LastModified><ETag>\"0\"</ETag>"
                                + "</CopyObjectResult>");
            } else if (method.equals("PUT")) {
                objects.put(key, new FakeObject(body, Instant.now()));
                exchange.getResponseHeaders().add("ETag", "\"1\"");
                exchange.sendResponseHeaders(200, -1);
            } else if (method.equals("DELETE")) {
                objects.remove(key);
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(400, -1);
            }
            assertThat(query == null || !query.contains("..")).isTrue();
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        StringBuilder xml = new StringBuilder("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>evidence</Name><Prefix></Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        objects.forEach((key, object) -> xml.append("<Contents><Key>")
                .append(key)
                .append("</Key><LastModified>")
                .append(XML_DATE.format(object.lastModified()))
                .append("</LastModified><ETag>\"0\"</ETag><Size>")
                .append(object.bytes().length)
                .append("</Size><StorageClass>STANDARD</StorageClass></Contents>"));
        xml.append("<KeyCount>").append(objects.size()).append("</KeyCount></ListBucketResult>");
        xml(exchange, 200, xml.toString());
    }

    private static void notFound(HttpExchange exchange, boolean head) throws IOException {
        if (head) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        xml(
                exchange,
                404,
                "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                        + "<RequestId>1</RequestId><HostId>1</HostId></Error>");
    }

    private static void xml(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
