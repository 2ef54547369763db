package org.itu.tsb.web.page;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationHistory;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.consultation.DeadlineChange;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.kernel.UtcTime;
import org.itu.tsb.web.form.FormErrors;
import org.itu.tsb.web.view.PageTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Change the deadline": an officer moves the deadline of an open consultation to the end of another day (UTC), with a
 * reason; the page also shows the consultation's history.
 */
@Controller
@RequestMapping("/officer/consultations/{id}/deadline")
class OfficerDeadlineController {

    static final String VIEW = "officer/deadline";

    private final ConsultationService consultations;
    private final ConsultationHistory history;
    private final PageTime time;
    private final MessageSource messages;
    private final Clock clock;

    OfficerDeadlineController(ConsultationService consultations, ConsultationHistory history, PageTime time, MessageSource messages,
                              Clock clock) {
        this.consultations = consultations;
        this.history = history;
        this.time = time;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the officer typed, given back as typed when the change is refused. */
    public record Form(String deadlineDate, String reason) {}

    @GetMapping
    ModelAndView form(@PathVariable long id) {
        Consultation c = consultations.get(id);
        String current = c.deadline() == null ? "" : LocalDate.ofInstant(c.deadline(), ZoneOffset.UTC).toString();
        return page(c, new Form(current, ""), FormErrors.none(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView change(@PathVariable long id, @RequestParam(defaultValue = "") String deadlineDate,
                        @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect,
                        @AuthenticationPrincipal ConsultationUser officer) {
        Form form = new Form(deadlineDate, reason);
        Consultation before = consultations.get(id);
        try {
            Consultation after = consultations.changeDeadline(id, endOf(deadlineDate), reason, officer.id());
            redirect.addFlashAttribute("notice", messages.getMessage("deadline.changed", new Object[] {after.circularNumber(),
                    time.format(after.deadline()), time.format(before.deadline())}, LocaleContextHolder.getLocale()));
            return new ModelAndView("redirect:/officer/consultations/" + id + "/replies");
        } catch (InvalidInputException e) {
            // the service names the instant "deadline": on this page it is the date field
            String field = "deadline".equals(e.field()) ? "deadlineDate" : e.field();
            return page(consultations.get(id), form, FormErrors.of(new InvalidInputException(field, e.reason())), HttpStatus.BAD_REQUEST);
        } catch (ConsultationStateException e) {
            return page(consultations.get(id), form, FormErrors.of(e), HttpStatus.CONFLICT);
        }
    }

    /** The deadline is the end of the chosen day, UTC, as the circular states it ({@link UtcTime#endOfDeadlineDay}). */
    private static java.time.Instant endOf(String date) {
        if (date.isBlank()) {
            throw new InvalidInputException("deadlineDate", "choose the day of the new deadline");
        }
        return UtcTime.endOfDeadlineDay(UtcTime.date("deadlineDate", date));
    }

    private ModelAndView page(Consultation c, Form form, FormErrors errors, HttpStatus status) {
        ModelAndView page = new ModelAndView(VIEW, status);
        page.addObject("consultation", c);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("unchangeable", whyUnchangeable(c));
        page.addObject("earliest", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        page.addObject("maxReason", DeadlineChange.MAX_REASON_LENGTH);
        page.addObject("history", history.of(c.id()));
        return page;
    }

    /** Why the deadline cannot be changed now, in the service's words; null if it can. */
    private String whyUnchangeable(Consultation c) {
        try {
            c.checkDeadlineChangeable(clock.instant());
            return null;
        } catch (ConsultationStateException e) {
            return e.getMessage();
        }
    }
}
