package org.itu.tsb.web.api;

import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.tally.ConsultationResult;
import org.itu.tsb.tally.TallyService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public result of a decided consultation; the comments for TSB and the study group's readers only. */
@RestController
class ResultApiController {

    private final TallyService tallies;

    ResultApiController(TallyService tallies) {
        this.tallies = tallies;
    }

    @GetMapping("/api/consultations/{id}/result")
    ConsultationResult result(@PathVariable long id, @AuthenticationPrincipal ConsultationUser user) {
        ConsultationResult result = tallies.result(id);
        return user.readsComments() ? result : result.withoutComments();
    }
}
