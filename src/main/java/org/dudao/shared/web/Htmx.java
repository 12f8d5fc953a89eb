package org.dudao.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Small helpers for requests sent by htmx. */
public final class Htmx {
    private Htmx() {}

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equalsIgnoreCase(request.getHeader("HX-Request"));
    }

    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (uri.startsWith("/api/")) {
            return true;
        }
        // a page's script asking for JSON (fetch) gets problem+json too, not an error page
        String accept = request.getHeader("Accept");
        return accept != null && accept.startsWith("application/json") && !isHtmx(request);
    }

    /**
     * After a successful form post: the page at {@code url} with a one-time message. An htmx form gets
     * {@code HX-Redirect} (a full page load; errors stay in the form's page instead), a plain form a 302.
     */
    public static void redirect(HttpServletRequest request, HttpServletResponse response, String url, String flash)
            throws IOException {
        String target = request.getContextPath() + url;
        if (flash != null) {
            RequestContextUtils.getOutputFlashMap(request).put("flash", flash);
            RequestContextUtils.saveOutputFlashMap(target, request, response);
        }
        if (isHtmx(request)) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
    }

    /**
     * The answer to an {@code hx-prompt}, or null. htmx sends non-ASCII answers (any Chinese text)
     * URI-encoded and says so in {@code HX-Prompt-URI-AutoEncoded}; this decodes them.
     */
    public static String prompt(HttpServletRequest request) {
        String value = request.getHeader("HX-Prompt");
        if (value != null && "true".equals(request.getHeader("HX-Prompt-URI-AutoEncoded"))) {
            return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value;
    }
}
