package org.itu.tsb.identity;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Camunda webapps and {@code /engine-rest} take the user Spring Security authenticated (no second sign-in, no
 * second password check): these filters run after Spring Security's and hand the engine the request's user and its
 * groups, so the engine's authorizations apply to what that user does there.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebSecurity {

    /** After Spring Security's filter chain (order -100). */
    private static final int AFTER_SPRING_SECURITY = 101;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        registration.setOrder(AFTER_SPRING_SECURITY);
        registration.setName("camunda-webapp-authentication");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        registration.setOrder(AFTER_SPRING_SECURITY);
        registration.setName("engine-rest-authentication");
        return registration;
    }
}
