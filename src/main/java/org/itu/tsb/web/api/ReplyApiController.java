package org.itu.tsb.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplyReceipt;
import org.itu.tsb.reply.ReplyRepository;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.reply.ReplyVersion;
import org.itu.tsb.web.export.ConsultationExports;
import org.itu.tsb.web.export.CsvFile;
import org.itu.tsb.web.view.AttachmentDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/consultations/{consultationId}/replies")
public class ReplyApiController {

    private final ReplyIntake intake;
    private final ReplyHistory history;
    private final ReplyRepository replies;
    private final ConsultationExports exports;

    public ReplyApiController(ReplyIntake intake, ReplyHistory history, ReplyRepository replies, ConsultationExports exports) {
        this.exports = exports;
        this.intake = intake;
        this.history = history;
        this.replies = replies;
    }

    /**
     * Positions absent or null for a Question mean no position on it. {@code channel} and {@code receivedAt} are for
     * TSB officers only, recording a reply that reached TSB by e-mail, fax or letter; without them the reply is
     * received now, by the API.
     */
    public record ReplyRequest(String memberState, Map<String, Position> positions, String comments, String reasons,
                               Channel channel, Instant receivedAt) {
    }

    /**
     * A TSB officer replies for any Member State (a reply TSB received through an integration); a Member State
     * representative only for its own State, which it need not name.
     */
    @PostMapping
    public ResponseEntity<ReplyReceipt> submit(@PathVariable long consultationId, @RequestBody ReplyRequest request,
                                               @AuthenticationPrincipal ConsultationUser user) {
        var positions = new HashMap<String, Position>();
        if (request.positions() != null) {
            request.positions().forEach((question, position) -> {
                if (position != null) {
                    positions.put(question, position);
                }
            });
        }
        String memberState = user.isTsb() ? request.memberState() : ownState(user, request.memberState());
        ReplyReceipt receipt = intake.submit(consultationId,
                new ReplySubmission(memberState, positions, request.comments(), request.reasons()),
                source(request, user));
        if (!receipt.created()) {
            return ResponseEntity.ok(receipt); // identical to the previous version: nothing new stored
        }
        return ResponseEntity.created(URI.create("/api/consultations/" + consultationId + "/replies/" + receipt.id())).body(receipt);
    }

    /**
     * The current reply of each Member State that replied, with its whole version history: every State's for TSB,
     * only its own State's for a representative (positions are confidential).
     */
    @GetMapping
    public List<ReplyHistory.MemberStateReplies> list(@PathVariable long consultationId, @AuthenticationPrincipal ConsultationUser user) {
        List<ReplyHistory.MemberStateReplies> all = history.of(consultationId);
        if (user.isTsb()) {
            return all;
        }
        return all.stream().filter(r -> user.representedState().map(r.memberState()::equals).orElse(false)).toList();
    }

    /**
     * The same replies as CSV ({@code Accept: text/csv}): one row per Member State, version and Question (see
     * {@link ConsultationExports#repliesCsv}).
     */
    @GetMapping(produces = CsvFile.TEXT_CSV_VALUE)
    public ResponseEntity<byte[]> listAsCsv(@PathVariable long consultationId, @AuthenticationPrincipal ConsultationUser user) {
        return CsvFile.download(exports.repliesCsv(consultationId, list(consultationId, user)),
                exports.filename(consultationId, "replies.csv"));
    }

    @GetMapping("/{versionId}")
    public ResponseEntity<ReplyVersion> version(@PathVariable long consultationId, @PathVariable long versionId,
                                                @AuthenticationPrincipal ConsultationUser user) {
        return ResponseEntity.of(replies.find(consultationId, versionId).filter(v -> mayRead(user, v.memberState())));
    }

    /** The scanned reply form, as received. */
    @GetMapping("/{versionId}/attachment")
    public ResponseEntity<byte[]> attachment(@PathVariable long consultationId, @PathVariable long versionId,
                                             @AuthenticationPrincipal ConsultationUser user) {
        boolean readable = replies.find(consultationId, versionId).map(v -> mayRead(user, v.memberState())).orElse(false);
        return replies.attachment(consultationId, versionId).filter(a -> readable)
                .map(AttachmentDownload::of)
                .orElse(ResponseEntity.notFound().build());
    }

    /** Another State's reply is, for a representative, as if it did not exist: 404, not 403, so nothing is learnt. */
    private static boolean mayRead(ConsultationUser user, String memberState) {
        return user.isTsb() || user.representedState().map(memberState::equals).orElse(false);
    }

    /** Now, by the API; or, for an officer, as TSB received it by e-mail, fax or letter (the intake refuses a future time). */
    private static ReplySource source(ReplyRequest request, ConsultationUser user) {
        if (request.channel() == null && request.receivedAt() == null) {
            return ReplySource.now(Channel.API, user.id());
        }
        if (!user.isTsb()) {
            throw new AccessDeniedException("only TSB records how and when a reply reached it; a Member State's reply is "
                    + "received when it is sent: leave out channel and receivedAt");
        }
        if (request.channel() == null || !Channel.RECORDED_BY_OFFICERS.contains(request.channel())) { // List.of refuses null
            throw new InvalidInputException("channel", request.channel() == null
                    ? "name how the reply reached TSB: EMAIL, FAX or LETTER"
                    : request.channel() + " is not one of EMAIL, FAX or LETTER");
        }
        return new ReplySource(request.channel(), user.id(), request.receivedAt(), null);
    }

    /** The representative's own State; naming another one is refused. */
    private static String ownState(ConsultationUser user, String named) {
        String own = user.representedState().orElseThrow(() -> new AccessDeniedException("not a Member State representative"));
        if (named != null && !named.isBlank() && !named.strip().equalsIgnoreCase(own)) {
            throw new AccessDeniedException("you reply for " + own + " only");
        }
        return own;
    }
}
