package org.itu.tsb.web.error;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart request over {@code spring.servlet.multipart.max-request-size} / {@code max-file-size} is refused while
 * the dispatcher parses it, before any controller is chosen; an advice limited to the page controllers
 * ({@link PageErrors}) is then never asked. This one answers only that case, and only for the pages' forms; any other
 * request keeps Spring's default answer (413).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadTooLargeAdvice {

    private final ErrorPages pages;

    UploadTooLargeAdvice(ErrorPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        boolean noControllerYet = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) == null;
        String path = request.getRequestURI();
        if (noControllerYet && (path.startsWith("/officer/") || path.startsWith("/consultations/"))) {
            return pages.tooLarge(request);
        }
        throw e; // not a page: Spring's default handling
    }
}
