package org.itu.tsb.web.page;

import org.itu.tsb.consultation.ConsultationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the officers' pages, Tasklist, the API, and the reply form of each open consultation. */
@Controller
class HomeController {

    private final ConsultationService consultations;

    HomeController(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("consultations", consultations.all());
        return "home";
    }
}
