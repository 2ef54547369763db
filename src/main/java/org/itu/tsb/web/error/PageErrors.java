package org.itu.tsb.web.error;

import jakarta.servlet.http.HttpServletRequest;
import org.itu.tsb.consultation.ConsultationNotFoundException;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.consultation.QuestionNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages are pages, never a JSON problem or a white-label error. Limited to the page controllers, and
 * ahead of {@code ApiProblems}, which answers for the API.
 */
@ControllerAdvice(basePackages = "org.itu.tsb.web.page")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final ErrorPages pages;

    PageErrors(ErrorPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(ConsultationNotFoundException.class)
    ModelAndView consultationNotFound(ConsultationNotFoundException e) {
        return pages.page(HttpStatus.NOT_FOUND, "error.consultationNotFound.title",
                pages.text("error.consultationNotFound.message", capitalized(e.getMessage())));
    }

    /** E.g. the result of a consultation not decided yet. */
    @ExceptionHandler(ConsultationStateException.class)
    ModelAndView conflict(ConsultationStateException e) {
        return pages.page(HttpStatus.CONFLICT, "error.conflict.title", capitalized(e.getMessage()) + ".");
    }

    /** /consultations/7/questions/9/document: the consultation has three Questions. */
    @ExceptionHandler(QuestionNotFoundException.class)
    ModelAndView questionNotFound(QuestionNotFoundException e) {
        return pages.page(HttpStatus.NOT_FOUND, "error.notFound.title", capitalized(e.getMessage()) + ".");
    }

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e) {
        return pages.page(HttpStatus.NOT_FOUND, "error.notFound.title", e.getMessage());
    }

    /** /officer/consultations/abc/replies: no consultation has that number. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badPathOrParameter(MethodArgumentTypeMismatchException e) {
        return pages.page(HttpStatus.NOT_FOUND, "error.notFound.title", pages.text("error.badPath.message", e.getValue(), e.getName()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return pages.tooLarge(request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (e instanceof ErrorResponse response) { // the web layer's own refusals: wrong method, missing parameter, ...
            return pages.page(response.getStatusCode(), "error.refused.title", response.getBody().getDetail());
        }
        log.error("Unexpected error on a page", e);
        return pages.page(HttpStatus.INTERNAL_SERVER_ERROR, "error.other.title", pages.text("error.other.message"));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
