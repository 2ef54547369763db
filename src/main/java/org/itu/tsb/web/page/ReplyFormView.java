package org.itu.tsb.web.page;

import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.web.form.FormErrors;
import org.itu.tsb.web.form.ReplyForm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The model both reply forms (officers' and Member States') are rendered from. */
@Component
class ReplyFormView {

    private final MemberStateRegistry memberStates;

    ReplyFormView(MemberStateRegistry memberStates) {
        this.memberStates = memberStates;
    }

    ModelAndView render(String view, Consultation consultation, ReplyForm form, FormErrors errors, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("consultation", consultation);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("memberStates", memberStates.byName());
        page.addObject("channels", ReplyForm.OFFICER_CHANNELS);
        page.setStatus(status);
        return page;
    }
}
