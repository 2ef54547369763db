package org.itu.tsb.web.page;

import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.web.error.PageNotFoundException;
import org.itu.tsb.web.form.FormErrors;
import org.itu.tsb.web.form.ReplyForm;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplyReceipt;
import org.itu.tsb.reply.ReplyRepository;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.reply.ReplyVersion;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The online reply form (the circular's Annex 2) and the confirmation of what was recorded. Until security binds a
 * user to one Member State, the Member State is chosen on the form.
 */
@Controller
@RequestMapping("/consultations/{id}/reply")
class MemberStateReplyController {

    static final String VIEW = "member/reply-form";

    private final ConsultationService consultations;
    private final ReplyIntake intake;
    private final ReplyRepository replies;
    private final MemberStateRegistry memberStates;
    private final ReplyFormView page;
    private final MessageSource messages;

    MemberStateReplyController(ConsultationService consultations, ReplyIntake intake, ReplyRepository replies,
                               MemberStateRegistry memberStates, ReplyFormView page, MessageSource messages) {
        this.messages = messages;
        this.consultations = consultations;
        this.intake = intake;
        this.replies = replies;
        this.memberStates = memberStates;
        this.page = page;
    }

    /** The blank form, or with {@code ?revise={versionId}} the form pre-filled with that version. */
    @GetMapping
    ModelAndView form(@PathVariable long id, @RequestParam(required = false) Long revise) {
        Consultation consultation = consultations.get(id);
        ReplyForm form = revise == null ? ReplyForm.blank(consultation.questions())
                : ReplyForm.of(version(id, revise), consultation.questions());
        return page.render(VIEW, consultation, form, FormErrors.none(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView submit(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        Consultation consultation = consultations.get(id);
        ReplyForm form = ReplyForm.posted(params, consultation.questions());
        try {
            ReplySubmission submission = form.submission();
            String code = memberStates.find(submission.memberState()).map(MemberState::code).orElse(submission.memberState());
            ReplyReceipt receipt = intake.submit(id, submission, ReplySource.now(Channel.ONLINE, "member-state:" + code));
            redirect.addFlashAttribute("notice", messages.getMessage(receipt.created() ? "reply.recorded.online" : "reply.identical.online",
                    new Object[] {receipt.version()}, LocaleContextHolder.getLocale()));
            return new ModelAndView("redirect:/consultations/" + id + "/reply/" + receipt.id());
        } catch (InvalidInputException e) {
            return page.render(VIEW, consultation, form, FormErrors.of(e), HttpStatus.BAD_REQUEST);
        } catch (ConsultationStateException e) {
            return page.render(VIEW, consultation, form, FormErrors.of(e), HttpStatus.CONFLICT);
        }
    }

    /** What was recorded, read back from storage. */
    @GetMapping("/{versionId}")
    ModelAndView confirmation(@PathVariable long id, @PathVariable long versionId) {
        Consultation consultation = consultations.get(id);
        ReplyVersion version = version(id, versionId);
        ModelAndView confirmation = new ModelAndView("member/reply-confirmation");
        confirmation.addObject("consultation", consultation);
        confirmation.addObject("reply", version);
        confirmation.addObject("memberStateName", memberStates.nameOf(version.memberState()));
        return confirmation;
    }

    private ReplyVersion version(long id, long versionId) {
        return replies.find(id, versionId).orElseThrow(() -> new PageNotFoundException(
                "There is no reply " + versionId + " to consultation " + id + "."));
    }
}
