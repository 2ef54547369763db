package org.itu.tsb.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request about one consultation ({@code /api/consultations/{id}/…}, {@code /officer/consultations/{id}/…},
 * {@code /consultations/{id}/…}) logs with its id in the MDC as {@code consultationId} (shown by
 * {@code logging.pattern.level}), from the first filter on: the security's and the rate limits' lines carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsultationInLogs extends OncePerRequestFilter {

    public static final String MDC_KEY = "consultationId";

    private static final Pattern CONSULTATION = Pattern.compile("^/(?:api/|officer/)?consultations/(\\d{1,18})(?:/.*)?$");

    /** The consultation a path is about, or null. */
    static String consultationOf(String path) {
        Matcher matcher = CONSULTATION.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an error page is about the request that failed: its path is kept in an attribute
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String path ? path : request.getRequestURI();
        String id = consultationOf(uri.substring(Math.min(request.getContextPath().length(), uri.length())));
        if (id == null) {
            chain.doFilter(request, response);
            return;
        }
        try (var ignored = MDC.putCloseable(MDC_KEY, id)) {
            chain.doFilter(request, response);
        }
    }

    /** The error page of a failed request is about the same consultation. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
