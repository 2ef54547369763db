package org.itu.tsb.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The model both reply forms (officers' and Member States') are rendered from. */
@Component
class ReplyFormPage {

    private final MemberStateRegistry memberStates;

    ReplyFormPage(MemberStateRegistry memberStates) {
        this.memberStates = memberStates;
    }

    ModelAndView render(String view, Consultation consultation, ReplyForm form, FormErrors errors, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("consultation", consultation);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("memberStates", byName(memberStates.all()));
        page.addObject("channels", ReplyForm.OFFICER_CHANNELS);
        page.setStatus(status);
        return page;
    }

    /** Sorted as a reader looks them up: by name, in English collation (Côte d'Ivoire among the Cs). */
    static List<MemberState> byName(java.util.Collection<MemberState> states) {
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        return states.stream().sorted(Comparator.comparing(MemberState::name, collator)).toList();
    }
}
