package org.itu.tsb.web.page;

import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.QuestionDocuments;
import org.itu.tsb.web.error.PageNotFoundException;
import org.itu.tsb.web.view.AttachmentDownload;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Annex 1 of the circular: the agreed texts of the Questions, and the documents TSB attached. A circular is a public
 * document, linked from the e-mail that carries it: once TSB issued it, anyone may read this page, logged in or not.
 * Before, there is no such page, for a consultation that exists as for one that does not.
 */
@Controller
@RequestMapping("/consultations/{id}/questions")
class QuestionTextsController {

    private final ConsultationService consultations;
    private final QuestionDocuments documents;
    private final MessageSource messages;

    QuestionTextsController(ConsultationService consultations, QuestionDocuments documents, MessageSource messages) {
        this.consultations = consultations;
        this.documents = documents;
        this.messages = messages;
    }

    @GetMapping
    ModelAndView texts(@PathVariable long id) {
        ModelAndView page = new ModelAndView("questions");
        page.addObject("consultation", published(id));
        page.addObject("documents", documents.of(id));
        return page;
    }

    /** The document of the Question at position {@code seq}, 1 for the first. */
    @GetMapping("/{seq}/document")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable int seq) {
        published(id);
        return documents.content(id, seq).map(AttachmentDownload::of)
                .orElseThrow(() -> new PageNotFoundException(text("annex.noDocument", Integer.toString(seq), Long.toString(id))));
    }

    private Consultation published(long id) {
        return consultations.find(id).filter(Consultation::isOpened)
                .orElseThrow(() -> new PageNotFoundException(text("annex.notPublished", Long.toString(id))));
    }

    /** Ids are given as text, so that no message says "consultation 1,234". */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
