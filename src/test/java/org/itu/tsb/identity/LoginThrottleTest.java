package org.itu.tsb.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.itu.tsb.TestClock;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.kernel.TestProperties;
import org.junit.jupiter.api.Test;

/** Failed logins are slowed with a growing delay, per user and address, then per address and per user; never for good. */
class LoginThrottleTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-02-02T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(properties(5, Duration.ofMinutes(5)), clock);

    @Test
    void theFirstFailuresCostNothingThenEachWaitDoubles() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitBefore("demo", "10.0.0.1")).isEmpty();
            throttle.failed("demo", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("demo", "10.0.0.1")).isEmpty();
        throttle.failed("demo", "10.0.0.1");
        assertThat(throttle.waitBefore("demo", "10.0.0.1")).hasValue(Duration.ofSeconds(2));
        throttle.failed("demo", "10.0.0.1");
        assertThat(throttle.waitBefore("demo", "10.0.0.1")).hasValue(Duration.ofSeconds(4));
    }

    @Test
    void theDelayNeverExceedsTheMaximumAndEndsByItself() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("demo", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("demo", "10.0.0.1")).hasValue(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.waitBefore("demo", "10.0.0.1")).as("never locked for good").isEmpty();
    }

    @Test
    void anAttackerElsewhereDoesNotSlowTheAdministratorsOwnAddress() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("demo", "203.0.113.9");
        }
        assertThat(throttle.waitBefore("demo", "203.0.113.9")).isPresent();
        assertThat(throttle.waitBefore("demo", "10.0.0.1")).isEmpty();
    }

    @Test
    void guessingManyAccountsFromOneAddressIsSlowedToo() {
        for (int i = 0; i < 21; i++) {
            throttle.failed("user" + i, "203.0.113.9");
        }
        assertThat(throttle.waitBefore("someone-else", "203.0.113.9")).isPresent();
    }

    @Test
    void aSuccessClearsTheUsersCountFromThatAddress() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("demo", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(2));
        throttle.succeeded("demo", "10.0.0.1");
        throttle.failed("demo", "10.0.0.1");
        assertThat(throttle.waitBefore("demo", "10.0.0.1")).isEmpty();
    }

    private static ConsultationProperties properties(int freeFailures, Duration maxDelay) {
        return TestProperties.with(new ConsultationProperties.Login(freeFailures, maxDelay), new ConsultationProperties.RateLimit(30, 120, 120));
    }
}
