package org.itu.tsb.web.page;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.NewConsultation;
import org.itu.tsb.consultation.ConsultationTasks;
import org.itu.tsb.consultation.QuestionDocuments;
import org.itu.tsb.consultation.QuestionLimits;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.web.form.FormErrors;
import org.itu.tsb.web.form.NewConsultationForm;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * "New consultation": an officer records what TSAG adopted, as {@code POST /api/consultations} does, optionally with
 * the document of each Question's text. The procedure starts and waits in Tasklist for the circular.
 */
@Controller
@RequestMapping("/officer/consultations/new")
class OfficerNewConsultationController {

    static final String VIEW = "officer/new-consultation";
    /** The fields' {@code maxlength}, as the adoption checks them. */
    private static final Map<String, Integer> LIMITS = Map.of("circular", QuestionLimits.MAX_CIRCULAR_LENGTH,
            "studyGroup", QuestionLimits.MAX_STUDY_GROUP_LENGTH, "adoptedBy", QuestionLimits.MAX_ADOPTED_BY_LENGTH,
            "meeting", QuestionLimits.MAX_MEETING_LENGTH, "title", QuestionLimits.MAX_TITLE_LENGTH, "text", QuestionLimits.MAX_TEXT_LENGTH);

    private final ConsultationService consultations;
    private final QuestionDocuments documents;
    private final ConsultationTasks tasks;

    OfficerNewConsultationController(ConsultationService consultations, QuestionDocuments documents, ConsultationTasks tasks) {
        this.consultations = consultations;
        this.documents = documents;
        this.tasks = tasks;
    }

    /** What the list says after the adoption: which consultation, and the task that issues its circular. */
    public record Created(String description, String taskId) {}

    @GetMapping
    ModelAndView form() {
        return render(NewConsultationForm.blank(), FormErrors.none(), HttpStatus.OK);
    }

    /** Without JavaScript, "Add another Question" is a submit button: the form comes back with one more row, nothing stored. */
    @PostMapping(params = "add")
    ModelAndView addRow(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        NewConsultationForm form = NewConsultationForm.posted(params);
        chosenFiles(form, request);
        return render(form.withAnotherRow(), FormErrors.none(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView adopt(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request, RedirectAttributes redirect,
                       @AuthenticationPrincipal ConsultationUser officer) throws IOException {
        NewConsultationForm form = NewConsultationForm.posted(params);
        List<MultipartFile> files = chosenFiles(form, request);
        NewConsultation adoption;
        try {
            adoption = form.adoption();
        } catch (InvalidInputException e) { // named by its row already
            return render(form, FormErrors.of(e), HttpStatus.BAD_REQUEST);
        }
        try {
            List<ConsultationService.AdoptedDocument> attached = new ArrayList<>();
            List<Integer> filled = form.filledRows();
            for (int index = 0; index < filled.size(); index++) {
                MultipartFile file = files.get(filled.get(index));
                if (file != null) {
                    attached.add(new ConsultationService.AdoptedDocument(index, file.getOriginalFilename(), file.getBytes()));
                }
            }
            Consultation c = consultations.adopt(adoption, attached, officer.id());
            redirect.addFlashAttribute("created", new Created(c.id() + " (" + c.studyGroup() + ", " + c.questions().size()
                    + (c.questions().size() == 1 ? " Question" : " Questions") + ")", tasks.openTaskId(c.id()).orElse(null)));
            return new ModelAndView("redirect:/officer/consultations");
        } catch (InvalidInputException e) {
            return render(form, FormErrors.of(form.onTheForm(e)), HttpStatus.BAD_REQUEST);
        }
    }

    /** The file chosen on each row, or null; the form names the chosen ones. */
    private static List<MultipartFile> chosenFiles(NewConsultationForm form, HttpServletRequest request) {
        MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
        List<MultipartFile> files = new ArrayList<>();
        for (int i = 0; i < form.getRows().size(); i++) {
            MultipartFile file = multipart == null ? null : multipart.getFile("questions[" + i + "].document");
            boolean chosen = file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
            if (chosen) {
                form.setDocumentName(i, file.getOriginalFilename());
            }
            files.add(chosen ? file : null);
        }
        return files;
    }

    private ModelAndView render(NewConsultationForm form, FormErrors errors, HttpStatus status) {
        ModelAndView page = new ModelAndView(VIEW);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("maxDocumentBytes", documents.maxBytes());
        page.addObject("limits", LIMITS);
        page.setStatus(status);
        return page;
    }
}
