package org.itu.tsb.web.api;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplyReceipt;
import org.itu.tsb.reply.ReplyRepository;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.reply.ReplyVersion;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    public ReplyApiController(ReplyIntake intake, ReplyHistory history, ReplyRepository replies) {
        this.intake = intake;
        this.history = history;
        this.replies = replies;
    }

    /** Positions absent or null for a Question mean no position on it. */
    public record ReplyRequest(String memberState, Map<String, Position> positions, String comments, String reasons) {
    }

    @PostMapping
    public ResponseEntity<ReplyReceipt> submit(@PathVariable long consultationId, @RequestBody ReplyRequest request) {
        var positions = new HashMap<String, Position>();
        if (request.positions() != null) {
            request.positions().forEach((question, position) -> {
                if (position != null) {
                    positions.put(question, position);
                }
            });
        }
        ReplyReceipt receipt = intake.submit(consultationId,
                new ReplySubmission(request.memberState(), positions, request.comments(), request.reasons()),
                ReplySource.now(Channel.API, "api"));
        if (!receipt.created()) {
            return ResponseEntity.ok(receipt); // identical to the previous version: nothing new stored
        }
        return ResponseEntity.created(URI.create("/api/consultations/" + consultationId + "/replies/" + receipt.id())).body(receipt);
    }

    /** The current reply of each Member State that replied, with its whole version history. */
    @GetMapping
    public List<ReplyHistory.MemberStateReplies> list(@PathVariable long consultationId) {
        return history.of(consultationId);
    }

    @GetMapping("/{versionId}")
    public ResponseEntity<ReplyVersion> version(@PathVariable long consultationId, @PathVariable long versionId) {
        return ResponseEntity.of(replies.find(consultationId, versionId));
    }

    /** Plain ASCII names as they are; others also RFC 5987-encoded, which every current browser reads. */
    private static String disposition(String filename) {
        boolean ascii = java.nio.charset.StandardCharsets.US_ASCII.newEncoder().canEncode(filename);
        ContentDisposition.Builder builder = ContentDisposition.attachment();
        return (ascii ? builder.filename(filename) : builder.filename(filename, java.nio.charset.StandardCharsets.UTF_8))
                .build().toString();
    }

    /** The scanned reply form, as received. */
    @GetMapping("/{versionId}/attachment")
    public ResponseEntity<byte[]> attachment(@PathVariable long consultationId, @PathVariable long versionId) {
        return replies.attachment(consultationId, versionId)
                .map(a -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(a.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(a.filename()))
                        .header("X-Content-Type-Options", "nosniff")
                        .body(a.content()))
                .orElse(ResponseEntity.notFound().build());
    }
}
