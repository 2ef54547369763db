package org.itu.tsb.web.page;

import java.io.IOException;
import org.itu.tsb.web.view.AttachmentDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.kernel.UtcTime;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    private final ReplyUpload upload;
    private final MessageSource messages;

    MemberStateReplyController(ConsultationService consultations, ReplyIntake intake, ReplyRepository replies,
                               MemberStateRegistry memberStates, ReplyFormView page, ReplyUpload upload, MessageSource messages) {
        this.upload = upload;
        this.messages = messages;
        this.consultations = consultations;
        this.intake = intake;
        this.replies = replies;
        this.memberStates = memberStates;
        this.page = page;
    }

    /** The blank form, or with {@code ?revise={versionId}} the form pre-filled with that version. */
    @GetMapping
    ModelAndView form(@PathVariable long id, @RequestParam(required = false) Long revise,
                      @AuthenticationPrincipal ConsultationUser user) {
        Consultation consultation = consultations.get(id);
        ReplyForm form = revise == null ? ReplyForm.blank(consultation.questions())
                : ReplyForm.of(version(id, revise, user), consultation.questions());
        return render(consultation, form, FormErrors.none(), HttpStatus.OK, user);
    }

    /** The form, with or without a document of reasons (multipart when the browser sends the file field). */
    @PostMapping
    ModelAndView submit(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                        @RequestParam(name = "attachment", required = false) MultipartFile file, RedirectAttributes redirect,
                        @AuthenticationPrincipal ConsultationUser user) throws IOException {
        Consultation consultation = consultations.get(id);
        // the representative's own State, whatever the request says: the form does not ask for it
        ReplyForm form = ReplyForm.posted(params, consultation.questions()).forMemberState(ownState(user));
        if (consultation.decided()) { // closed: the result is announced and final
            return render(consultation, form, FormErrors.general(messages.getMessage("decided.noReplies.member",
                    new Object[] {UtcTime.format(consultation.announcedAt())}, LocaleContextHolder.getLocale())), HttpStatus.CONFLICT, user);
        }
        upload.noteName(file, form);
        try {
            ReplySubmission submission = form.submission();
            ReplyReceipt receipt = intake.submit(id, submission, new ReplySource(Channel.ONLINE, user.id(), null, upload.check(file)));
            redirect.addFlashAttribute("notice", messages.getMessage(receipt.created() ? "reply.recorded.online" : "reply.identical.online",
                    new Object[] {receipt.version()}, LocaleContextHolder.getLocale()));
            return new ModelAndView("redirect:/consultations/" + id + "/reply/" + receipt.id());
        } catch (InvalidInputException e) {
            return render(consultation, form, FormErrors.of(e).naming(form.getAttachmentName()), HttpStatus.BAD_REQUEST, user);
        } catch (ConsultationStateException e) {
            return render(consultation, form, FormErrors.of(e), HttpStatus.CONFLICT, user);
        }
    }

    /** What was recorded, read back from storage. */
    @GetMapping("/{versionId}")
    ModelAndView confirmation(@PathVariable long id, @PathVariable long versionId, @AuthenticationPrincipal ConsultationUser user) {
        Consultation consultation = consultations.get(id);
        ReplyVersion version = version(id, versionId, user);
        ModelAndView confirmation = new ModelAndView("member/reply-confirmation");
        confirmation.addObject("consultation", consultation);
        confirmation.addObject("reply", version);
        confirmation.addObject("memberStateName", memberStates.nameOf(version.memberState()));
        return confirmation;
    }

    /** The document the representative attached to one of its State's versions, as received. */
    @GetMapping("/{versionId}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long versionId, @AuthenticationPrincipal ConsultationUser user) {
        version(id, versionId, user);
        return replies.attachment(id, versionId).map(AttachmentDownload::of)
                .orElseThrow(() -> new PageNotFoundException("Your reply " + versionId + " to consultation " + id + " has no document."));
    }

    /** Another State's reply is, for a representative, as if it did not exist. */
    private ReplyVersion version(long id, long versionId, ConsultationUser user) {
        return replies.find(id, versionId).filter(v -> v.memberState().equals(ownState(user)))
                .orElseThrow(() -> new PageNotFoundException("There is no reply " + versionId + " of yours to consultation " + id + "."));
    }

    private ModelAndView render(Consultation consultation, ReplyForm form, FormErrors errors, HttpStatus status, ConsultationUser user) {
        ModelAndView view = page.render(VIEW, consultation, form, errors, status);
        view.addObject("memberStateName", memberStates.nameOf(ownState(user)));
        view.addObject("memberStateCode", ownState(user));
        return view;
    }

    private static String ownState(ConsultationUser user) {
        return user.representedState().orElseThrow(() -> new AccessDeniedException("not a Member State representative"));
    }
}
