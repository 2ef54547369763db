package org.itu.tsb.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itu.tsb.kernel.Attachment;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.kernel.FileCheck;
import org.itu.tsb.kernel.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents with the Questions' agreed texts (Annex 1 of the circular), as TSB attaches them: a PDF per Question at
 * most, judged by its content. A Question is named by its position in the consultation, 1 for the first.
 */
@Service
public class QuestionDocuments {

    private final ConsultationRepository consultations;
    private final QuestionDocumentRepository documents;
    private final FileCheck check;
    private final Clock clock;

    public QuestionDocuments(ConsultationRepository consultations, QuestionDocumentRepository documents, ConsultationProperties properties,
                             Clock clock) {
        this.consultations = consultations;
        this.documents = documents;
        this.check = new FileCheck("document", Set.of("application/pdf"), "a PDF", properties.questions().maxDocumentBytes(), "question");
        this.clock = clock;
    }

    /**
     * Attaches the document with the text of the Question at position {@code seq}, in place of the one it had: while the
     * consultation is adopted or open. Once it is decided, its texts are those the Member States were consulted on.
     *
     * @param filename the file's name as the officer gave it; none: the Question's number, e.g. {@code Q7-17.pdf}
     */
    @Transactional
    public QuestionDocument attach(long consultationId, int seq, String filename, byte[] content, String officer) {
        ConsultationService.officer(officer);
        if (!consultations.lock(consultationId)) { // a tally deciding the consultation meanwhile waits, or is waited for
            throw new ConsultationNotFoundException(consultationId);
        }
        Consultation consultation = get(consultationId);
        Question question = consultation.question(seq);
        if (consultation.tallied()) { // the deadline passed: provisional or announced, the consultation took place
            throw new ConsultationStateException("consultation " + consultationId + " is tallied: the texts of its Questions are those "
                    + "the Member States were consulted on, and no document can be attached any more");
        }
        boolean named = filename != null && !filename.isBlank();
        Attachment file = check.check(named ? filename : question.number().replace('/', '-') + ".pdf", content);
        Instant now = clock.instant();
        documents.replace(consultationId, question.number(), file, now, officer);
        return new QuestionDocument(question.number(), file.filename(), file.contentType(), file.size(), now, officer);
    }

    /** Checks a document before it is attached, as {@link #attach} will; a refusal names {@code field}. */
    void check(String field, String filename, byte[] content) {
        try {
            check.check(filename, content);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.reason());
        }
    }

    /** The document of the Question at position {@code seq}, if TSB attached one. */
    public Optional<Attachment> content(long consultationId, int seq) {
        return documents.content(consultationId, get(consultationId).question(seq).number());
    }

    /** The consultation's documents, without their content, by Question number. */
    public Map<String, QuestionDocument> of(long consultationId) {
        return documents.of(consultationId);
    }

    public long maxBytes() {
        return check.maxBytes();
    }

    private Consultation get(long id) {
        return consultations.find(id).orElseThrow(() -> new ConsultationNotFoundException(id));
    }
}
