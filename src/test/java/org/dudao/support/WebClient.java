package org.dudao.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for integration tests: keeps cookies, does not follow redirects, and
 * sends the CSRF token of the last page it loaded with every form post.
 */
public class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        HttpResponse<String> r = send(b.build());
        remember(r.body());
        return r;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (csrf != null && !all.containsKey("_csrf")) {
            all.put("_csrf", csrf);
        }
        return postRaw(path, encode(all), "application/x-www-form-urlencoded; charset=UTF-8");
    }

    /** Posts a body exactly as given (for malformed input and CSRF-less tests). */
    public HttpResponse<String> postRaw(String path, String body, String contentType) {
        return postBytes(path, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public HttpResponse<String> postBytes(String path, byte[] body, String contentType) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        remember(r.body());
        return r;
    }

    /** Logs in through the form; returns the response to the login POST. */
    public HttpResponse<String> login(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    public String csrf() {
        return csrf;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String body) {
        if (body == null) {
            return;
        }
        Matcher m = CSRF_META.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
            return;
        }
        m = CSRF.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("");
    }
}
