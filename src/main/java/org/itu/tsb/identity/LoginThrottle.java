package org.itu.tsb.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.itu.tsb.kernel.ConsultationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows repeated failed logins without ever locking an account for good (Camunda's own lock after ten failures is
 * switched off: anyone could have locked out the administrator). After {@code free-failures} failures for one user
 * from one client address, each further try waits 2, 4, 8 … seconds, at most {@code max-delay}; the same for one
 * address whatever the user (guessing many accounts), and, ten times more leniently, for one user whatever the
 * address (a guess spread over many addresses). A success clears the user's count from that address. Nothing is
 * kept beyond the longest delay, so a restart or a wait always lets the administrator back in.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant last) {}

    private final Cache<String, Failures> failures;
    private final int freeFailures;
    private final Duration maxDelay;
    private final Clock clock;

    public LoginThrottle(ConsultationProperties properties, Clock clock) {
        this.freeFailures = properties.security().login().freeFailures();
        this.maxDelay = properties.security().login().maxDelay();
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(maxDelay.multipliedBy(2)).build();
    }

    /** How long this user at this address must still wait before trying again, if at all. */
    public Optional<Duration> waitBefore(String user, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Key key : keys(user, address)) {
            Failures f = failures.getIfPresent(key.name());
            if (f != null) {
                Instant allowed = f.last().plus(delay(f.count(), key.free()));
                if (allowed.isAfter(now)) {
                    wait = max(wait, Duration.between(now, allowed));
                }
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        for (Key key : keys(user, address)) {
            failures.asMap().compute(key.name(), (k, f) -> new Failures(f == null ? 1 : f.count() + 1, now));
        }
    }

    public void succeeded(String user, String address) {
        failures.invalidate(keys(user, address)[0].name());
    }

    private record Key(String name, int free) {}

    private Key[] keys(String user, String address) {
        String u = user == null ? "" : user.toLowerCase(java.util.Locale.ROOT);
        return new Key[] {
                new Key("user-address:" + u + "@" + address, freeFailures),
                new Key("address:" + address, freeFailures * 4),
                new Key("user:" + u, freeFailures * 10)};
    }

    private Duration delay(int count, int free) {
        if (count <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - free, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
