package org.itu.tsb.web.error;

import jakarta.servlet.http.HttpServletRequest;
import org.itu.tsb.reply.AttachmentCheck;
import org.itu.tsb.web.view.PageWords;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The error page ({@code error.html}) with a title and a message from {@code messages.properties}. */
@Component
class ErrorPages {

    private final MessageSource messages;
    private final AttachmentCheck attachments;
    private final PageWords words;

    ErrorPages(MessageSource messages, AttachmentCheck attachments, PageWords words) {
        this.messages = messages;
        this.attachments = attachments;
        this.words = words;
    }

    ModelAndView page(HttpStatusCode status, String titleKey, String message) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status.value());
        page.addObject("title", text(titleKey));
        page.addObject("message", message);
        page.setStatus(status);
        return page;
    }

    /** The multipart request was refused before it was read: nothing of the form can be kept. */
    ModelAndView tooLarge(HttpServletRequest request) {
        ModelAndView page = page(HttpStatus.PAYLOAD_TOO_LARGE, "error.413.title",
                text("error.uploadTooLarge.message", words.size(attachments.maxBytes())));
        page.addObject("back", request.getRequestURI());
        return page;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
