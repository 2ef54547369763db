package org.itu.tsb.web.page;

import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.tally.ConsultationResult;
import org.itu.tsb.tally.TallyService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The result of a decided consultation, for everyone with an account; the comments for TSB and the study group. */
@Controller
class ResultController {

    private final TallyService tallies;

    ResultController(TallyService tallies) {
        this.tallies = tallies;
    }

    @GetMapping("/consultations/{id}/result")
    ModelAndView result(@PathVariable long id, @AuthenticationPrincipal ConsultationUser user) {
        ConsultationResult result = tallies.announcedResult(id);
        ModelAndView page = new ModelAndView("result");
        page.addObject("result", user.readsComments() ? result : result.withoutComments());
        page.addObject("showComments", user.readsComments());
        return page;
    }
}
