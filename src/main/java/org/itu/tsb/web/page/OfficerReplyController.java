package org.itu.tsb.web.page;

import java.io.IOException;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplyReceipt;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.web.form.FormErrors;
import org.itu.tsb.web.form.ReplyForm;
import org.itu.tsb.web.view.PageTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Record a reply received by e-mail, fax or letter": an officer enters a reply that reached TSB outside the online form. */
@Controller
@RequestMapping("/officer/consultations/{id}/replies/new")
class OfficerReplyController {

    static final String VIEW = "officer/record-reply";

    private final ConsultationService consultations;
    private final ReplyIntake intake;
    private final ReplyHistory history;
    private final ReplyUpload upload;
    private final MemberStateRegistry memberStates;
    private final ReplyFormView page;
    private final PageTime time;
    private final MessageSource messages;

    OfficerReplyController(ConsultationService consultations, ReplyIntake intake, ReplyHistory history, ReplyUpload upload,
                           MemberStateRegistry memberStates, ReplyFormView page, PageTime time, MessageSource messages) {
        this.messages = messages;
        this.consultations = consultations;
        this.intake = intake;
        this.history = history;
        this.upload = upload;
        this.memberStates = memberStates;
        this.page = page;
        this.time = time;
    }

    @GetMapping
    ModelAndView form(@PathVariable long id) {
        Consultation consultation = consultations.get(id);
        return page.render(VIEW, consultation, ReplyForm.blank(consultation.questions()), FormErrors.none(), HttpStatus.OK);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ModelAndView record(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                        @RequestParam(name = "attachment", required = false) MultipartFile file,
                        RedirectAttributes redirect, @AuthenticationPrincipal ConsultationUser officer) throws IOException {
        Consultation consultation = consultations.get(id);
        ReplyForm form = ReplyForm.posted(params, consultation.questions());
        if (consultation.decided()) { // the API keeps such a reply, not counted; the page does not invite it
            return page.render(VIEW, consultation, form, FormErrors.general(text("decided.noReplies.officer",
                    time.format(consultation.announcedAt()))), HttpStatus.CONFLICT);
        }
        upload.noteName(file, form);
        try {
            ReplySubmission submission = form.submission();
            ReplySource source = new ReplySource(form.officerChannel(), officer.id(), form.receivedAtUtc(), upload.check(file));
            ReplyReceipt receipt = intake.submit(id, submission, source);
            redirect.addFlashAttribute("notice", recorded(id, submission.memberState(), receipt));
            return new ModelAndView("redirect:/officer/consultations/" + id + "/replies");
        } catch (InvalidInputException e) {
            return page.render(VIEW, consultation, form, FormErrors.of(e).naming(form.getAttachmentName()), HttpStatus.BAD_REQUEST);
        } catch (ConsultationStateException e) {
            return page.render(VIEW, consultation, form, FormErrors.of(e), HttpStatus.CONFLICT);
        }
    }

    /** "Version 2 of Switzerland's reply recorded, received 3 April 2026, 10:15:00 UTC, counted". */
    private String recorded(long id, String code, ReplyReceipt receipt) {
        String name = memberStates.nameOf(code);
        String received = time.format(receipt.receivedAt());
        if (!receipt.created()) {
            return text("reply.identical.officer", name, receipt.version(), received);
        }
        if (receipt.late()) {
            return text("reply.recorded.officer.late", receipt.version(), name, received);
        }
        if (receipt.afterAnnouncement()) {
            return text("reply.recorded.officer.after-announcement", receipt.version(), name, received,
                    time.format(consultations.get(id).announcedAt()));
        }
        // On time, but a version received later (say online) may be the one that counts: say which, as the replies page does.
        var current = history.of(id, code).map(ReplyHistory.MemberStateReplies::current).orElseThrow();
        if (current.id() == receipt.id()) {
            return text("reply.recorded.officer.counted", receipt.version(), name, received);
        }
        return text("reply.recorded.officer.superseded", receipt.version(), name, received, current.version(),
                time.format(current.receivedAt()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
