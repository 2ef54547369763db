package org.itu.tsb.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.kernel.ConsultationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a Member State representative, a reader or an anonymous client may send, per account and per client address
 * (token buckets refilled every minute, generous for a person): beyond it, {@code 429} with {@code Retry-After}.
 * TSB officers and administrators, who may record a stack of faxes at once, are not limited.
 */
@Component
class RateLimits extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final ConsultationProperties.RateLimit limits;
    private final ObjectMapper json;

    RateLimits(ConsultationProperties properties, ObjectMapper json) {
        this.limits = properties.security().rateLimit();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String address = request.getRemoteAddr();
        ConsumptionProbe refused = null;
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            refused = take("anonymous@" + address, limits.anonymousPerAddress());
        } else if (authentication.getPrincipal() instanceof ConsultationUser user && !user.isTsb()
                && WRITES.contains(request.getMethod())) {
            refused = take("account:" + user.id(), limits.writesPerAccount());
            if (refused == null) {
                refused = take("address:" + address, limits.writesPerAddress());
            }
        }
        if (refused != null) {
            long seconds = Math.max(1, Duration.ofNanos(refused.getNanosToWaitForRefill()).toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            if (request.getRequestURI().startsWith("/api/")) {
                ApiSecurityAnswers.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "Too many requests from this account or address: try again in " + seconds + " seconds.", json);
            } else {
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** Null if the request may go on; otherwise the refused probe, which says how long to wait. */
    private ConsumptionProbe take(String key, int perMinute) {
        Bucket bucket = buckets.get(key + "/" + perMinute, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? null : probe;
    }
}
