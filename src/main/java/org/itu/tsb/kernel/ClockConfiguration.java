package org.itu.tsb.kernel;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The one clock of the application: replies are timed by it, never by scattered {@code Instant.now()}. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
