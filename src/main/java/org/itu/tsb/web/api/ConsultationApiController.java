package org.itu.tsb.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.consultation.NewConsultation;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.consultation.QuestionDocument;
import org.itu.tsb.consultation.QuestionDocuments;
import org.itu.tsb.consultation.QuestionKind;
import org.itu.tsb.consultation.QuestionLimits;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyProgress;
import org.itu.tsb.tally.Decision;
import org.itu.tsb.tally.QuestionDecision;
import org.itu.tsb.tally.TallyService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/consultations")
public class ConsultationApiController {

    private final ConsultationService consultations;
    private final TallyService tallies;
    private final ReplyHistory replies;
    private final QuestionDocuments documents;

    public ConsultationApiController(ConsultationService consultations, TallyService tallies, ReplyHistory replies,
                                     QuestionDocuments documents) {
        this.consultations = consultations;
        this.tallies = tallies;
        this.replies = replies;
        this.documents = documents;
    }

    /** {@code text}: the Question's agreed text (Annex 1 of the circular), optional; its checks are the adoption's. */
    public record QuestionRequest(
            @NotBlank @Pattern(regexp = Question.NUMBER_PATTERN, message = "must be a Question number such as Q7/17") String number,
            @NotBlank @Size(max = QuestionLimits.MAX_TITLE_LENGTH) String title,
            @NotNull QuestionKind kind,
            String text) {
    }

    public record AdoptRequest(
            @NotBlank @Size(max = QuestionLimits.MAX_CIRCULAR_LENGTH) String circular,
            @NotBlank @Size(max = QuestionLimits.MAX_STUDY_GROUP_LENGTH) String studyGroup,
            @NotBlank @Size(max = QuestionLimits.MAX_ADOPTED_BY_LENGTH) String adoptedBy,
            @NotBlank @Size(max = QuestionLimits.MAX_MEETING_LENGTH) String meeting,
            @NotEmpty @Size(max = QuestionLimits.MAX_QUESTIONS) List<@Valid @NotNull QuestionRequest> questions) {
    }

    public record OpenRequest(@NotBlank @Size(max = 50) String circularNumber, @NotNull Instant deadline) {
    }

    /** The checks (in the future, not absurdly far, a reason of at most 2 000 characters) are the service's. */
    public record DeadlineRequest(Instant deadline, String reason) {
    }

    public record TallyView(int support, int notSupport, int counted, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal percent) {
    }

    /** {@code text} is always there, {@code ""} when TSB gave none; {@code document} only when TSB attached one. */
    public record QuestionView(String number, String title, QuestionKind kind, String text, boolean hasDocument,
                               QuestionDocumentApiController.DocumentView document, TallyView tally, Decision decision) {
    }

    /**
     * {@code createdBy} recorded the adoption, {@code openedBy} issued the circular and {@code announcedBy} confirmed the
     * tally: officers' user ids. While the status is {@code TALLIED} the decisions are {@code provisional}, and only TSB
     * sees them.
     */
    public record ConsultationView(long id, String circular, String circularNumber, String studyGroup, String adoptedBy,
                                   String meeting, ConsultationStatus status, Instant deadline, Instant decidedAt,
                                   boolean provisional, List<QuestionView> questions, ReplyProgress replies,
                                   String createdBy, String openedBy, Instant announcedAt, String announcedBy) {
    }

    @PostMapping
    public ResponseEntity<ConsultationView> adopt(@Valid @RequestBody AdoptRequest request, @AuthenticationPrincipal ConsultationUser officer) {
        Consultation consultation = consultations.adopt(new NewConsultation(request.circular().strip(), request.studyGroup().strip(),
                request.adoptedBy().strip(), request.meeting().strip(),
                request.questions().stream().map(q -> new Question(q.number(), q.title().strip(), q.kind(),
                        q.text() == null ? "" : q.text().strip())).toList()), officer.id());
        return ResponseEntity.created(URI.create("/api/consultations/" + consultation.id())).body(view(consultation, officer));
    }

    @PostMapping("/{id}/open")
    public ConsultationView open(@PathVariable long id, @Valid @RequestBody OpenRequest request,
                                 @AuthenticationPrincipal ConsultationUser officer) {
        return view(consultations.open(id, request.circularNumber().strip(), request.deadline(), officer.id()), officer);
    }

    /** Changes the deadline of an open consultation, with a reason: the timer moves and the Member States are told. */
    @PutMapping("/{id}/deadline")
    public ConsultationView changeDeadline(@PathVariable long id, @RequestBody DeadlineRequest request,
                                           @AuthenticationPrincipal ConsultationUser officer) {
        return view(consultations.changeDeadline(id, request.deadline(), request.reason(), officer.id()), officer);
    }

    /** Completes "Review tally and announce", as Tasklist does: the decisions become final and the result goes out. */
    @PostMapping("/{id}/announce")
    public ConsultationView announce(@PathVariable long id, @AuthenticationPrincipal ConsultationUser officer) {
        return view(consultations.announce(id, officer.id()), officer);
    }

    @GetMapping("/{id}")
    public ConsultationView get(@PathVariable long id, @AuthenticationPrincipal ConsultationUser user) {
        return view(consultations.get(id), user);
    }

    @GetMapping
    public List<ConsultationView> list(@AuthenticationPrincipal ConsultationUser user) {
        return consultations.all().stream().map(c -> view(c, user)).toList();
    }

    private ConsultationView view(Consultation c, ConsultationUser user) {
        // a provisional tally is TSB's working material until it is announced
        boolean shown = c.decided() || (c.status() == ConsultationStatus.TALLIED && user.isTsb());
        Map<String, QuestionDecision> decisions = shown ? tallies.decisionsOf(c.id()) : Map.of();
        Map<String, QuestionDocument> documents = this.documents.of(c.id());
        List<QuestionView> questions = IntStream.rangeClosed(1, c.questions().size()).mapToObj(seq -> {
            Question q = c.question(seq);
            QuestionDecision d = decisions.get(q.number());
            TallyView tally = d == null ? null
                    : new TallyView(d.tally().support(), d.tally().notSupport(), d.tally().counted(), d.tally().percent());
            QuestionDocument document = documents.get(q.number());
            return new QuestionView(q.number(), q.title(), q.kind(), q.text(), document != null,
                    document == null ? null : QuestionDocumentApiController.DocumentView.of(c.id(), seq, document),
                    tally, d == null ? null : d.decision());
        }).toList();
        return new ConsultationView(c.id(), c.circular(), c.circularNumber(), c.studyGroup(), c.adoptedBy(), c.meeting(),
                c.status(), c.deadline(), decisions.values().stream().map(QuestionDecision::decidedAt).findFirst().orElse(null),
                c.status() == ConsultationStatus.TALLIED, questions, replies.progress(c), c.createdBy(), c.openedBy(),
                c.announcedAt(), c.announcedBy());
    }
}
