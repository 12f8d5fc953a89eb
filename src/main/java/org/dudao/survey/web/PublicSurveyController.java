package org.dudao.survey.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.DudaoException;
import org.dudao.survey.domain.PageTokens;
import org.dudao.survey.domain.RateLimiter;
import org.dudao.survey.domain.ResponseService;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public questionnaire behind a link ({@code /s/<token>}): no account, no application chrome, nothing
 * but the questionnaire and the target's public name. A device cookie (HttpOnly, path /s) identifies the
 * respondent's browser; the form carries a signed one-time page token bound to it, which is also what
 * stands in for the CSRF token on this path. Every refusal answers a Chinese message with its status.
 */
@Controller
@RequestMapping("/s/{token}")
class PublicSurveyController {

    static final String DEVICE_COOKIE = "DUDAO_SURVEY_DEVICE";
    static final String HONEYPOT = "website";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ResponseService responses;
    private final PageTokens tokens;
    private final RateLimiter limiter;
    private final DudaoProperties properties;
    private final MessageSource messages;

    PublicSurveyController(
            ResponseService responses,
            PageTokens tokens,
            RateLimiter limiter,
            DudaoProperties properties,
            MessageSource messages) {
        this.responses = responses;
        this.tokens = tokens;
        this.limiter = limiter;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping
    String form(
            @PathVariable String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        noStore(response);
        String device = device(request, response);
        try {
            return show(token, device, null, null, model);
        } catch (DudaoException e) {
            return message(e, response, model, locale);
        }
    }

    @PostMapping
    String submit(
            @PathVariable String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        noStore(response);
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, List.of(v)));
        String device = cookie(request);
        try {
            limiter.hit(tokens.hash("ip|" + request.getRemoteAddr()));
            if (device == null) {
                // a post without the cookie set by the page: not from a browser that loaded the form
                throw new DudaoException(HttpStatus.FORBIDDEN, null, "survey.public.pageToken");
            }
            responses.submit(
                    token,
                    params,
                    tokens.hash(device),
                    tokens.hash("ip|" + request.getRemoteAddr()),
                    request.getParameter(HONEYPOT));
            model.addAttribute("done", true);
            model.addAttribute("message", messages.getMessage("survey.public.thanks", null, locale));
            return "survey/public-message";
        } catch (DudaoException e) {
            HttpStatus s = e.status();
            if ((s == HttpStatus.BAD_REQUEST && e.field() != null) || s == HttpStatus.FORBIDDEN) {
                // the form again, the answers kept, the message on top (a fresh token for an expired page)
                response.setStatus(s.value());
                try {
                    String d = device != null ? device : device(request, response);
                    return show(token, d, params, text(e, locale), model);
                } catch (DudaoException again) {
                    return message(again, response, model, locale);
                }
            }
            return message(e, response, model, locale);
        }
    }

    private String show(String token, String device, Map<String, List<String>> given, String error, Model model) {
        ResponseService.PublicForm form = responses.form(token, tokens.hash(device));
        model.addAttribute("form", form);
        model.addAttribute("given", given == null ? Map.of() : given);
        model.addAttribute("error", error);
        model.addAttribute("honeypot", HONEYPOT);
        return "survey/public";
    }

    private String message(DudaoException e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(e.status().value());
        model.addAttribute("done", e.status() == HttpStatus.CONFLICT && "survey.public.already".equals(e.messageKey()));
        model.addAttribute("message", text(e, locale));
        return "survey/public-message";
    }

    private String text(DudaoException e, Locale locale) {
        String key = e.status() == HttpStatus.NOT_FOUND ? "survey.public.notFound" : e.messageKey();
        return messages.getMessage(key, e.args(), key, locale);
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        // the link's token must not leak to other sites through the Referer header
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (DEVICE_COOKIE.equals(c.getName())
                    && c.getValue() != null
                    && c.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return c.getValue();
            }
        }
        return null;
    }

    /** The device cookie, set on the first visit (a year, HttpOnly, SameSite=Lax, path /s). */
    private String device(HttpServletRequest request, HttpServletResponse response) {
        String d = cookie(request);
        if (d == null) {
            byte[] b = new byte[32];
            RANDOM.nextBytes(b);
            d = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            ResponseCookie c = ResponseCookie.from(DEVICE_COOKIE, d)
                    .path("/s/")
                    .httpOnly(true)
                    .sameSite("Lax")
                    .secure(properties.secureCookies())
                    .maxAge(java.time.Duration.ofDays(365))
                    .build();
            response.addHeader("Set-Cookie", c.toString());
        }
        return d;
    }
}
