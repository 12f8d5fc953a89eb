package org.dudao.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A bearer-token client of the JSON API, signed in as one demo account. */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebClient web;
    private final String token;

    private ApiClient(WebClient web, String token) {
        this.web = web;
        this.token = token;
    }

    public static ApiClient as(int port, DemoAccounts demo, String username) {
        WebClient web = new WebClient(port);
        HttpResponse<String> r = web.postRaw(
                "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + demo.password(username) + "\"}",
                "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ApiClient(web, json(r).get("token").asText());
    }

    public HttpResponse<String> get(String path) {
        return web.send(request(path).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return web.sendBytes(request(path).GET().build());
    }

    public HttpResponse<String> post(String path, String jsonBody) {
        return web.send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody == null ? "" : jsonBody))
                .build());
    }

    public HttpResponse<String> put(String path, String jsonBody) {
        return web.send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    /** A multipart upload of one part {@code file}, and {@code sha256} when given. */
    public HttpResponse<String> upload(String path, String fileName, byte[] content, String sha256) {
        String boundary = "----dudao" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (sha256 != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"sha256\"\r\n\r\n" + sha256
                                + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return web.send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder builder) {
        return web.sendBytes(builder.build());
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        return web.send(builder.header("Authorization", "Bearer " + token).build());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(web.base() + path)).header("Authorization", "Bearer " + token);
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.body(), e);
        }
    }

    /** The JSON body of a response that must be 200. */
    public static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }
}
