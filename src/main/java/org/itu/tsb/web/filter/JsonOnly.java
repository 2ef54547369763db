package org.itu.tsb.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API reads JSON only: a body sent as anything else ({@code text/plain}, a form, a wildcard such as
 * {@code application/*}, or a malformed type) is refused with 415 before any controller sees it. The one exception is
 * a Question's document ({@link DocumentUpload}): the PDF itself, sent as {@code application/pdf}, and nothing else.
 * A request with no body at all (an action such as re-sending a notice) needs no type.
 */
@Component
public class JsonOnly extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || !WITH_BODY.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean document = DocumentUpload.is(request);
        if (document ? isPdf(request.getContentType()) : isJson(request.getContentType()) || withoutBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        String send = document ? "the PDF itself, with Content-Type: application/pdf" : "JSON, with Content-Type: application/json";
        FilterProblem.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "body: send " + send, null);
    }

    static boolean isPdf(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_PDF.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** {@code curl -X POST …/resend} sends nothing, so it has no type to give: a bodiless request is not refused. */
    private static boolean withoutBody(HttpServletRequest request) {
        return request.getContentType() == null && request.getHeader("Transfer-Encoding") == null
                && request.getContentLengthLong() <= 0;
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype()
                    && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
