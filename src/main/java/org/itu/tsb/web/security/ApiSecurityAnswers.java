package org.itu.tsb.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.itu.tsb.identity.IdentityAuthenticationProvider.LoginThrottledException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * The API's answers to a missing or wrong login (401 with a Basic challenge, or 429 while failed logins are slowed)
 * and to a user whose role does not allow the request (403): RFC 9457 problems, like every other API error.
 */
@Component
class ApiSecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ApiSecurityAnswers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", e.getMessage());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"consultation\", charset=\"UTF-8\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "Login required",
                "Send the user name and password of your account (HTTP Basic).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this request.");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail,
                      ObjectMapper json) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(java.net.URI.create(request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "")));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        write(request, response, status, title, detail, json);
    }
}
