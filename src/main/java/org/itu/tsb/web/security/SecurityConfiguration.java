package org.itu.tsb.web.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.itu.tsb.identity.IdentityAuthenticationProvider;
import org.itu.tsb.identity.Role;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Who may do what, in one place. Four filter chains share one identity store ({@link IdentityAuthenticationProvider}):
 * the API and {@code /engine-rest} (HTTP Basic, stateless, no CSRF: no cookie authenticates them), the Camunda webapps
 * (the pages' login session; Camunda keeps its own CSRF protection and Content-Security-Policy), and the pages (form
 * login, CSRF tokens, a strict Content-Security-Policy: the pages have no script); and Spring Boot Actuator's
 * {@code /actuator} (HTTP Basic, stateless).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String OFFICER = Role.OFFICER.name();
    static final String ADMIN = Role.ADMIN.name();
    static final String REPRESENTATIVE = Role.REPRESENTATIVE.name();
    static final String READER = Role.READER.name();

    /** No script, no plug-in, no framing, forms only to this application. */
    static final String PAGES_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The HTML version of a notice, as sent: it carries Member States' comments, so it is never inlined into a page but
     * shown in a sandboxed frame of its notice page. Sandboxed here too (no script, no form, an origin of its own),
     * nothing loaded but its inline styles, and framed by this application only.
     */
    static final String NOTICE_HTML_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

    /** The one response of the pages that a page of this application may frame. */
    private static final RequestMatcher NOTICE_HTML = path(GET, "/officer/consultations/*/notices/*/html");

    /** The rate limits need the authenticated user: they run inside the filter chains only, not a second time before them. */
    @Bean
    FilterRegistrationBean<RateLimits> rateLimitsOnlyInsideTheChains(RateLimits rateLimits) {
        var registration = new FilterRegistrationBean<>(rateLimits);
        registration.setEnabled(false);
        return registration;
    }

    /** Paths as the request has them, whichever servlet serves them (the engine's REST API is not Spring MVC). */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static HeaderWriter onlyFor(RequestMatcher requests, HeaderWriter... writers) {
        return new DelegatingRequestMatcherHeaderWriter(requests, new CompositeHeaderWriter(List.of(writers)));
    }

    @Bean
    AuthenticationManager authenticationManager(IdentityAuthenticationProvider identity) {
        return new ProviderManager(identity);
    }

    /** HTTP Basic, no session, no CSRF (no cookie authenticates), answers as RFC 9457 problems, nothing to frame or load. */
    private static HttpSecurity statelessBasic(HttpSecurity http, AuthenticationManager authentication, ApiSecurityAnswers answers)
            throws Exception {
        return http.authenticationManager(authentication)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.realmName("consultation").authenticationEntryPoint(answers))
                .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }

    /**
     * Spring Boot Actuator: health for anyone (a load balancer's probe; only UP or DOWN unless an administrator asks),
     * metrics only for administrators (HTTP Basic, as a Prometheus scraper sends it). Not rate-limited: a probe every
     * second must not be refused; failed logins are slowed by the identity provider as everywhere.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager authentication, ApiSecurityAnswers answers) throws Exception {
        return statelessBasic(http.securityMatcher(path("/actuator/**")), authentication, answers)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(path(GET, "/actuator/health"), path(GET, "/actuator/health/**")).permitAll()
                        .anyRequest().hasRole(ADMIN))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, RateLimits rateLimits, ApiSecurityAnswers answers)
            throws Exception {
        return statelessBasic(http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"))), authentication, answers)
                .addFilterBefore(rateLimits, AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(path("/engine-rest/**")).hasAnyRole(OFFICER, ADMIN)
                        .requestMatchers(path(POST, "/api/consultations"), path(POST, "/api/consultations/*/open"),
                                path(POST, "/api/consultations/*/announce"), path(PUT, "/api/consultations/*/deadline")).hasRole(OFFICER)
                        .requestMatchers(path(POST, "/api/consultations/*/replies")).hasAnyRole(OFFICER, REPRESENTATIVE)
                        .requestMatchers(path(GET, "/api/consultations/*/replies"), path(GET, "/api/consultations/*/replies/**"))
                        .hasAnyRole(OFFICER, ADMIN, REPRESENTATIVE)
                        // once announced; the provisional tally only to TSB (ConsultationExports.tally)
                        .requestMatchers(path(GET, "/api/consultations/*/result"), path(GET, "/api/consultations/*/tally"))
                        .hasAnyRole(OFFICER, ADMIN, READER, REPRESENTATIVE)
                        .requestMatchers(path(PUT, "/api/consultations/*/questions/*/document")).hasRole(OFFICER)
                        .requestMatchers(path(GET, "/api/consultations/*/questions/*/document")).hasAnyRole(OFFICER, ADMIN, READER, REPRESENTATIVE)
                        .requestMatchers(path(GET, "/api/consultations"), path(GET, "/api/consultations/*")).hasAnyRole(OFFICER, ADMIN, READER, REPRESENTATIVE)
                        .anyRequest().hasAnyRole(OFFICER, ADMIN))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, AuthenticationManager authentication, RateLimits rateLimits) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                .authenticationManager(authentication)
                // the webapps send Camunda's own CSRF token (X-XSRF-TOKEN), checked by Camunda's filter
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .exceptionHandling(e -> e.accessDeniedPage("/access-denied"))
                .formLogin(login -> login.loginPage("/login"))
                .addFilterBefore(rateLimits, AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .anyRequest().hasAnyRole(OFFICER, ADMIN))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, RateLimits rateLimits) throws Exception {
        return http
                .authenticationManager(authentication)
                .formLogin(login -> login.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e.accessDeniedPage("/access-denied"))
                // every page: PAGES_CSP and X-Frame-Options DENY; the HTML version of a notice: its own CSP and SAMEORIGIN
                .headers(h -> h.frameOptions(f -> f.disable())
                        .addHeaderWriter(onlyFor(new NegatedRequestMatcher(NOTICE_HTML),
                                new ContentSecurityPolicyHeaderWriter(PAGES_CSP), new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
                        .addHeaderWriter(onlyFor(NOTICE_HTML,
                                new ContentSecurityPolicyHeaderWriter(NOTICE_HTML_CSP), new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()")))
                .addFilterBefore(rateLimits, AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(path("/login"), path("/css/**"), path("/favicon.ico"), path("/access-denied")).permitAll()
                        // Annex 1 of the circular, linked from the circular's e-mail: public (the page says nothing before it is issued)
                        .requestMatchers(path(GET, "/consultations/*/questions"), path(GET, "/consultations/*/questions/*/document")).permitAll()
                        .requestMatchers(path("/officer/**")).hasRole(OFFICER)
                        .requestMatchers(path("/consultations/*/reply"), path("/consultations/*/reply/**")).hasRole(REPRESENTATIVE)
                        .requestMatchers(path(GET, "/consultations/*/result")).hasAnyRole(OFFICER, ADMIN, READER, REPRESENTATIVE)
                        .anyRequest().authenticated())
                .build();
    }
}
