package org.dudao.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One place that turns errors into answers: problem+json (RFC 9457) for {@code /api/**}, a Chinese
 * error page otherwise. Users never see a stack trace; unexpected errors are logged with the request
 * id, which the page shows so that support can find the log line.
 */
@ControllerAdvice
public class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    private final MessageSource messages;

    public ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DudaoException.class)
    Object business(DudaoException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Object[] args = e.args();
        if (e instanceof NotFoundException && args.length > 0) {
            args = args.clone();
            args[0] = messages.getMessage("object." + args[0], null, String.valueOf(args[0]), locale);
        }
        String message = messages.getMessage(e.messageKey(), args, e.messageKey(), locale);
        Map<String, String> fields = e.field() == null ? Map.of() : Map.of(e.field(), message);
        return answer(e.status(), message, fields, request, response);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object invalid(
            MethodArgumentNotValidException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(fe.getField(), messages.getMessage(fe, locale));
        }
        String message = messages.getMessage("error.validation", null, locale);
        return answer(HttpStatus.BAD_REQUEST, message, fields, request, response);
    }

    /** Framework errors about the request itself: a status and a fixed, translated message each. */
    private static final Map<Class<? extends Exception>, Map.Entry<HttpStatus, String>> REQUEST_ERRORS = Map.of(
            HttpMessageNotReadableException.class, Map.entry(HttpStatus.BAD_REQUEST, "error.unreadable"),
            MissingServletRequestParameterException.class, Map.entry(HttpStatus.BAD_REQUEST, "error.unreadable"),
            MethodArgumentTypeMismatchException.class, Map.entry(HttpStatus.BAD_REQUEST, "error.unreadable"),
            HttpMediaTypeNotSupportedException.class, Map.entry(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType"),
            HttpRequestMethodNotSupportedException.class, Map.entry(HttpStatus.METHOD_NOT_ALLOWED, "error.method"),
            MaxUploadSizeExceededException.class, Map.entry(HttpStatus.PAYLOAD_TOO_LARGE, "error.uploadTooLarge"),
            MultipartException.class, Map.entry(HttpStatus.PAYLOAD_TOO_LARGE, "error.uploadTooLarge"),
            NoResourceFoundException.class, Map.entry(HttpStatus.NOT_FOUND, "error.page404"));

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        HttpMediaTypeNotSupportedException.class,
        HttpRequestMethodNotSupportedException.class,
        MaxUploadSizeExceededException.class,
        MultipartException.class,
        NoResourceFoundException.class
    })
    Object badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        log.debug("request refused: {}", e.getMessage());
        Map.Entry<HttpStatus, String> answer = REQUEST_ERRORS.entrySet().stream()
                .filter(en -> en.getKey().isInstance(e))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(Map.entry(HttpStatus.BAD_REQUEST, "error.unreadable"));
        return answer(
                answer.getKey(), messages.getMessage(answer.getValue(), null, locale), Map.of(), request, response);
    }

    /**
     * A unique key hit by two requests at once (a double click, two tabs): the first one won; the second is told
     * to reload rather than shown an error page. Other integrity errors are programming errors and stay 500s.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    Object duplicate(DuplicateKeyException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        log.warn(
                "duplicate key on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return answer(
                HttpStatus.CONFLICT, messages.getMessage("error.duplicate", null, locale), Map.of(), request, response);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(Exception e) throws Exception {
        throw e; // handled by the security filter chain (403 page / login / problem+json)
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                messages.getMessage("error.page500", null, locale),
                Map.of(),
                request,
                response);
    }

    private Object answer(
            HttpStatus status,
            String message,
            Map<String, String> fields,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (Htmx.isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setTitle(status.getReasonPhrase());
            problem.setType(URI.create("about:blank"));
            problem.setProperty("requestId", RequestIdFilter.currentRequestId());
            if (!fields.isEmpty()) {
                problem.setProperty("errors", fields);
            }
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView mav = new ModelAndView(viewFor(status));
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("message", message);
        mav.addObject("requestId", RequestIdFilter.currentRequestId());
        if (Htmx.isHtmx(request)) {
            // show the message in the page's alert area instead of swapping an error page into a table
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
            mav.setViewName("fragments/flash :: error");
            mav.setStatus(HttpStatus.OK);
        }
        return mav;
    }

    private static String viewFor(HttpStatus status) {
        return switch (status.value()) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            case 500 -> "error/500";
            default -> "error/error";
        };
    }
}
