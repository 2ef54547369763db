package org.itu.tsb.web;

import jakarta.servlet.http.HttpServletRequest;
import org.itu.tsb.consultation.ConsultationNotFoundException;
import org.itu.tsb.reply.AttachmentCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
@ControllerAdvice(assignableTypes = {HomePage.class, OfficerPages.class, OfficerReplyForm.class, MemberStateReplyPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final AttachmentCheck attachments;
    private final PageWords words;

    PageErrors(AttachmentCheck attachments, PageWords words) {
        this.attachments = attachments;
        this.words = words;
    }

    @ExceptionHandler(ConsultationNotFoundException.class)
    ModelAndView consultationNotFound(ConsultationNotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Consultation not found",
                capitalized(e.getMessage()) + ". The link may be out of date or mistyped.");
    }

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** /officer/consultations/abc/replies: no consultation has that number. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badPathOrParameter(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", "'" + e.getValue() + "' is not a valid " + e.getName()
                + ": the link may be out of date or mistyped.");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return tooLarge(request, attachments, words);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (e instanceof ErrorResponse response) { // the web layer's own refusals: wrong method, missing parameter, ...
            HttpStatusCode status = response.getStatusCode();
            return page(status, "The request could not be served", response.getBody().getDetail());
        }
        log.error("Unexpected error on a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The request could not be completed and nothing was changed. Please try again; if it happens again, tell the "
                        + "application's administrators the time it happened.");
    }

    /** The multipart request was refused before it was read: nothing of the form can be kept. */
    static ModelAndView tooLarge(HttpServletRequest request, AttachmentCheck attachments, PageWords words) {
        ModelAndView page = page(HttpStatus.PAYLOAD_TOO_LARGE, "The file is too large",
                "The scanned reply form may be at most " + words.size(attachments.maxBytes())
                        + ". Nothing was recorded. Go back to the form, choose a smaller file (for example scanned in black "
                        + "and white, or at a lower resolution) and send the form again.");
        page.addObject("back", request.getRequestURI());
        return page;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static ModelAndView page(HttpStatusCode status, String title, String message) {
        ModelAndView page = new ModelAndView("error-page");
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("message", message);
        page.setStatus(status);
        return page;
    }
}
