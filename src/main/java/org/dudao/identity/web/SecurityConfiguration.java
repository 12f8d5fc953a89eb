package org.dudao.identity.web;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.dudao.identity.domain.AccountRepository;
import org.dudao.identity.domain.DudaoUser;
import org.dudao.identity.domain.LoginService;
import org.dudao.identity.domain.PrincipalFactory;
import org.dudao.identity.domain.TokenStore;
import org.dudao.shared.DudaoProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Two filter chains: the stateless API ({@code /api/**}, bearer tokens, problem+json answers) and the
 * pages (form login, CSRF, idle timeout, forced password change, session in PostgreSQL).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    static final String[] PUBLIC_PAGES = {
        "/login",
        "/setup",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/img/**",
        "/favicon.ico",
        "/error",
        "/error/**",
        "/actuator/health",
        "/actuator/health/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html",
        // public questionnaires (survey): the page and its form post, nothing else of the survey module
        SecurityConfiguration.PUBLIC_SURVEY
    };

    /**
     * The public questionnaire links. Their form post carries no CSRF token: it carries a signed one-time
     * page token bound to the respondent's device cookie instead (see the survey module), which a
     * cross-site page can neither read nor forge.
     */
    static final String PUBLIC_SURVEY = "/s/*";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The only authentication manager: login through {@link LoginService} (lockout, audit). Declaring it
     * keeps Spring Boot from adding a default in-memory user, and having no parent manager means a
     * failed attempt is counted once.
     */
    @Bean
    AuthenticationManager authenticationManager(LoginService login) {
        AuthenticationProvider provider = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String username = authentication.getName() == null ? "" : authentication.getName();
                Object credentials = authentication.getCredentials();
                DudaoUser user = login.login(username, credentials == null ? "" : credentials.toString());
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
        return new ProviderManager(provider);
    }

    /** The session cookie: HttpOnly, SameSite=Lax, and Secure unless in demo mode (plain http on localhost). */
    @Bean
    CookieSerializer cookieSerializer(DudaoProperties properties) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("DUDAO_SESSION");
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(properties.secureCookies());
        return serializer;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            ProblemResponses problems,
            TokenStore tokens,
            AccountRepository accounts,
            PrincipalFactory principals,
            ApplicationEventPublisher events,
            Clock clock)
            throws Exception {
        // filters are created here, not as beans, so that the servlet container does not run them twice
        BearerTokenFilter bearer = new BearerTokenFilter(tokens, accounts, principals, clock);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        // the second dispatch of a streamed answer (packages): the request was authorised
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems)
                        .accessDeniedHandler(new AuditingAccessDeniedHandler(events, problems)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            Clock clock,
            DudaoProperties properties,
            ApplicationEventPublisher events,
            HtmxAwareEntryPoint entryPoint,
            AuditingLogoutHandler logoutAudit,
            SecurityContextRepository contexts)
            throws Exception {
        IdleTimeoutFilter idle = new IdleTimeoutFilter(clock, properties, events);
        PasswordChangeRequiredFilter passwordChange = new PasswordChangeRequiredFilter();
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(authenticationManager)
                .securityContext(c -> c.securityContextRepository(contexts))
                .formLogin(f -> f.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", true)
                        .failureUrl("/login?error")
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler(logoutAudit)
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("DUDAO_SESSION"))
                .csrf(c -> c.ignoringRequestMatchers(PUBLIC_SURVEY))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new AuditingAccessDeniedHandler(events)))
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none';"
                                + " frame-ancestors 'none'; form-action 'self'")))
                .addFilterAfter(idle, SecurityContextHolderFilter.class)
                .addFilterBefore(passwordChange, AuthorizationFilter.class);
        return http.build();
    }
}
