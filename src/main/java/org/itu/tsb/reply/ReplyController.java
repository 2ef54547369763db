package org.itu.tsb.reply;

import java.net.URI;
import java.util.Map;
import org.itu.tsb.tally.Position;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/consultations/{consultationId}/replies")
public class ReplyController {

    private final ReplyIntake intake;

    public ReplyController(ReplyIntake intake) {
        this.intake = intake;
    }

    /** Positions absent or null for a Question mean no position on it. */
    public record ReplyRequest(String memberState, Map<String, Position> positions, String comments, String reasons) {
    }

    @PostMapping
    public ResponseEntity<ReplyReceipt> submit(@PathVariable long consultationId, @RequestBody ReplyRequest request) {
        var positions = new java.util.HashMap<String, Position>();
        if (request.positions() != null) {
            request.positions().forEach((question, position) -> {
                if (position != null) {
                    positions.put(question, position);
                }
            });
        }
        ReplyReceipt receipt = intake.submit(consultationId,
                new ReplySubmission(request.memberState(), positions, request.comments(), request.reasons()),
                Channel.API, "api");
        return ResponseEntity.created(URI.create("/api/consultations/" + consultationId + "/replies/" + receipt.id())).body(receipt);
    }
}
