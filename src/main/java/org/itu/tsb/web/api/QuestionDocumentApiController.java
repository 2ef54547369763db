package org.itu.tsb.web.api;

import java.time.Instant;
import org.itu.tsb.consultation.QuestionDocument;
import org.itu.tsb.consultation.QuestionDocuments;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.web.view.AttachmentDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The document with the agreed text of one Question (a PDF, Annex 1 of the circular): attached by TSB until the
 * consultation is decided, downloaded by every role. {@code seq} is the Question's position, 1 for the first.
 */
@RestController
@RequestMapping(QuestionDocumentApiController.PATH)
class QuestionDocumentApiController {

    static final String PATH = "/api/consultations/{id}/questions/{seq}/document";

    private final QuestionDocuments documents;

    QuestionDocumentApiController(QuestionDocuments documents) {
        this.documents = documents;
    }

    /** A document as the API shows it: where to download it, and who attached it, when. */
    record DocumentView(String href, String filename, String contentType, long size, Instant attachedAt, String attachedBy) {

        static DocumentView of(long consultationId, int seq, QuestionDocument d) {
            return new DocumentView("/api/consultations/" + consultationId + "/questions/" + seq + "/document", d.filename(),
                    d.contentType(), d.size(), d.attachedAt(), d.attachedBy());
        }
    }

    /** The body is the PDF itself; {@code ?filename=} names it (the Question's number if not). */
    @PutMapping(consumes = MediaType.APPLICATION_PDF_VALUE)
    DocumentView attach(@PathVariable long id, @PathVariable int seq, @RequestParam(required = false) String filename,
                        @RequestBody(required = false) byte[] content, @AuthenticationPrincipal ConsultationUser officer) {
        return DocumentView.of(id, seq, documents.attach(id, seq, filename, content, officer.id()));
    }

    @GetMapping
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable int seq) {
        return documents.content(id, seq).map(AttachmentDownload::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Question " + seq + " of consultation " + id
                        + " has no document"));
    }
}
