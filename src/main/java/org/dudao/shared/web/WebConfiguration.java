package org.dudao.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.dudao.shared.error.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** zh-CN first; {@code ?lang=en} switches to English and is remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("DUDAO_LANG");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns(STREAMED_BODIES);
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        request.getParameterMap(); // make the container parse the parameters now
                        if (request.getAttribute(PARSE_FAILED) != null) {
                            // Tomcat drops a parameter it cannot decode; refuse the whole request instead
                            throw new InvalidInputException(null, "validation.invalidEncoding");
                        }
                        return true;
                    }
                })
                .excludePathPatterns(STREAMED_BODIES);
    }

    /**
     * Requests whose handler reads the multipart body as a stream (evidence uploads): nothing may ask
     * for a parameter first, or the container would parse the whole body before the handler sees it.
     */
    static final String[] STREAMED_BODIES = {"/api/v1/campaigns/*/tasks/*/files", "/app/campaigns/*/tasks/*/files"};

    /** Set by Tomcat when request parameters could not be decoded (e.g. invalid UTF-8). */
    static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";
}
