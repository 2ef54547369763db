package org.itu.tsb.web.api;

import java.util.List;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.tally.ConsultationResult;
import org.itu.tsb.tally.TallyService;
import org.itu.tsb.web.export.ConsultationExports;
import org.itu.tsb.web.export.CsvFile;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public result of a decided consultation (the comments for TSB and the study group's readers only), and its
 * tally per Question (provisional, for TSB only, while it is reviewed).
 */
@RestController
class ResultApiController {

    private final TallyService tallies;
    private final ConsultationExports exports;

    ResultApiController(TallyService tallies, ConsultationExports exports) {
        this.tallies = tallies;
        this.exports = exports;
    }

    @GetMapping("/api/consultations/{id}/result")
    ConsultationResult result(@PathVariable long id, @AuthenticationPrincipal ConsultationUser user) {
        ConsultationResult result = tallies.announcedResult(id);
        return user.readsComments() ? result : result.withoutComments();
    }

    @GetMapping("/api/consultations/{id}/tally")
    List<ConsultationExports.TallyRow> tally(@PathVariable long id, @AuthenticationPrincipal ConsultationUser user) {
        return exports.tally(id, user);
    }

    /** The same tally as CSV ({@code Accept: text/csv}). */
    @GetMapping(path = "/api/consultations/{id}/tally", produces = CsvFile.TEXT_CSV_VALUE)
    ResponseEntity<byte[]> tallyAsCsv(@PathVariable long id, @AuthenticationPrincipal ConsultationUser user) {
        return CsvFile.download(exports.tallyCsv(exports.tally(id, user)), exports.filename(id, "tally.csv"));
    }
}
