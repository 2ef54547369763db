package org.itu.tsb.web.page;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.consultation.OfficerTasks;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyProgress;
import org.itu.tsb.reply.ReplyRepository;
import org.itu.tsb.web.error.PageNotFoundException;
import org.itu.tsb.web.view.AttachmentDownload;
import org.springframework.http.ResponseEntity;
import org.itu.tsb.tally.QuestionDecision;
import org.itu.tsb.tally.TallyService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The officers' read-only pages: the consultations, and the audit trail of one consultation's replies. */
@Controller
@RequestMapping("/officer/consultations")
class OfficerConsultationController {

    private final ConsultationService consultations;
    private final ReplyHistory replies;
    private final TallyService tallies;

    private final ReplyRepository versions;
    private final NoticeOutbox outbox;
    private final OfficerTasks tasks;
    /** During a mail outage every notice waits: the page shows the first ones and how many more. */
    private static final int UNDELIVERED_SHOWN = 20;

    OfficerConsultationController(ConsultationService consultations, ReplyHistory replies, TallyService tallies,
                                  ReplyRepository versions, NoticeOutbox outbox, OfficerTasks tasks) {
        this.versions = versions;
        this.tasks = tasks;
        this.outbox = outbox;
        this.consultations = consultations;
        this.replies = replies;
        this.tallies = tallies;
    }

    /**
     * One consultation in the list: its replies count, its decisions in the order of its Questions once tallied
     * (provisional until announced), and the Tasklist task that waits for an officer, if one does.
     */
    public record Row(Consultation consultation, ReplyProgress progress, List<QuestionDecision> decisions, String taskId) {}

    @GetMapping
    String list(Model model) {
        Map<Long, String> waiting = tasks.waitingTasks();
        model.addAttribute("rows", consultations.all().stream().map(c -> new Row(c, replies.progress(c), decisionsOf(c),
                waiting.get(c.id()))).toList());
        return "officer/consultations";
    }

    private List<QuestionDecision> decisionsOf(Consultation c) {
        if (c.status() != ConsultationStatus.TALLIED && c.status() != ConsultationStatus.DECIDED) {
            return List.of();
        }
        Map<String, QuestionDecision> decided = tallies.decisionsOf(c.id());
        return c.questionNumbers().stream().map(decided::get).filter(Objects::nonNull).toList();
    }

    @GetMapping("/{id}/replies")
    String replies(@PathVariable long id, Model model) {
        Consultation consultation = consultations.get(id);
        List<ReplyHistory.MemberStateReplies> byMemberState = replies.of(id).stream()
                .sorted(Comparator.comparing(ReplyHistory.MemberStateReplies::name, MemberStateRegistry.NAME_ORDER)).toList();
        model.addAttribute("consultation", consultation);
        model.addAttribute("decisions", consultation.tallied() ? tallies.decisionsOf(id) : Map.of());
        model.addAttribute("replies", byMemberState);
        model.addAttribute("progress", replies.progress(consultation));
        // what the procedure owes and has not delivered yet: officers see a mail outage here, not in a log; the outbox
        // page has them all
        model.addAttribute("notices", outbox.countByStatus(id));
        model.addAttribute("undelivered", outbox.find(id, null, NoticeOutbox.UNDELIVERED, 0, UNDELIVERED_SHOWN));
        return "officer/replies";
    }

    /** The scanned reply form of one version, as received. */
    @GetMapping("/{id}/replies/{versionId}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long versionId) {
        return versions.attachment(id, versionId).map(AttachmentDownload::of)
                .orElseThrow(() -> new PageNotFoundException("Reply " + versionId + " of consultation " + id + " has no scanned form."));
    }
}
