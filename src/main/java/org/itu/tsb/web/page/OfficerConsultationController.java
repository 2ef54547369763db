package org.itu.tsb.web.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationHistory;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.consultation.ConsultationTasks;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.notice.NoticeKind;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyProgress;
import org.itu.tsb.reply.ReplyRepository;
import org.itu.tsb.tally.ApprovalRule;
import org.itu.tsb.tally.Decision;
import org.itu.tsb.tally.Margin;
import org.itu.tsb.tally.QuestionDecision;
import org.itu.tsb.tally.Tally;
import org.itu.tsb.tally.TallyService;
import org.itu.tsb.web.error.PageNotFoundException;
import org.itu.tsb.web.view.AttachmentDownload;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The officers' read-only pages: the consultations; one consultation (where it stands per Question, its replies, its
 * notices, its links into Camunda); and one Member State's versions.
 */
@Controller
@RequestMapping("/officer/consultations")
class OfficerConsultationController {

    /** During a mail outage every notice waits: the page shows the first ones and how many more. */
    private static final int UNDELIVERED_SHOWN = 20;
    /** The notices that tell the result: the page says whether they went out. */
    private static final Set<NoticeKind> RESULT_NOTICES = Set.of(NoticeKind.RESULT_ANNOUNCEMENT, NoticeKind.TO_STUDY_GROUP,
            NoticeKind.TO_DIRECTOR);
    private static final NoticeOutbox.Counts NONE = new NoticeOutbox.Counts(0, 0, 0, 0);

    private final ConsultationService consultations;
    private final ReplyHistory replies;
    private final TallyService tallies;
    private final ReplyRepository versions;
    private final NoticeOutbox outbox;
    private final MemberStateRegistry memberStates;
    private final ConsultationTasks tasks;
    private final ConsultationHistory history;
    private final ApprovalRule rule;
    private final ConsultationProperties properties;
    private final MessageSource messages;

    OfficerConsultationController(ConsultationService consultations, ReplyHistory replies, TallyService tallies,
                                  ReplyRepository versions, NoticeOutbox outbox, MemberStateRegistry memberStates,
                                  ConsultationTasks tasks, ConsultationHistory history, ApprovalRule rule, ConsultationProperties properties,
                                  MessageSource messages) {
        this.consultations = consultations;
        this.replies = replies;
        this.tallies = tallies;
        this.versions = versions;
        this.outbox = outbox;
        this.memberStates = memberStates;
        this.tasks = tasks;
        this.history = history;
        this.rule = rule;
        this.properties = properties;
        this.messages = messages;
    }

    /**
     * One consultation in the list: its replies count, its decisions in the order of its Questions once tallied
     * (provisional until announced), and the Tasklist task that waits for an officer, if one does.
     */
    public record Row(Consultation consultation, ReplyProgress progress, List<QuestionDecision> decisions, String taskId) {}

    /**
     * A Question as the page shows it: its tally (running while open, provisional while reviewed, final once
     * decided; none before the circular), the decision it gives, the margin while it may still change, the chart.
     */
    public record QuestionLine(Question question, Tally tally, Decision decision, Margin margin, String marginWords) {}

    /** The notices of one kind and how far their delivery went. */
    public record KindCounts(NoticeKind kind, NoticeOutbox.Counts counts) {}

    @GetMapping
    String list(Model model) {
        // one read each of the replies' times, the decisions and the waiting tasks, whatever the number of consultations
        List<Consultation> all = consultations.all();
        Map<Long, ReplyProgress> progress = replies.progress(all);
        Map<Long, Map<String, QuestionDecision>> decisions = tallies.decisionsByConsultation();
        Map<Long, String> waiting = tasks.waitingTasks();
        model.addAttribute("rows", all.stream().map(c -> new Row(c, progress.get(c.id()),
                decisionsOf(c, decisions.getOrDefault(c.id(), Map.of())), waiting.get(c.id()))).toList());
        return "officer/consultations";
    }

    private static List<QuestionDecision> decisionsOf(Consultation c, Map<String, QuestionDecision> decided) {
        if (!c.tallied()) {
            return List.of();
        }
        return c.questionNumbers().stream().map(decided::get).filter(Objects::nonNull).toList();
    }

    /**
     * The consultation: the canonical address. {@code /replies} is the same page (the address the record-a-reply form
     * returns to, and the table's filters and pages use).
     */
    @GetMapping({"/{id}", "/{id}/replies"})
    String consultation(@PathVariable long id, @RequestParam(required = false) ReplyTable.Show show,
                        @RequestParam(required = false) Channel channel, @RequestParam(required = false) String search,
                        @RequestParam(defaultValue = "1") int page, Model model) {
        Consultation c = consultations.get(id);
        ReplyHistory.Overview replied = replies.overview(c);
        List<ReplyHistory.Summary> summaries = replied.summaries();
        ReplyTable.Filter filter = new ReplyTable.Filter(show, channel, search, page);
        List<MemberState> notReplied = ReplyTable.notReplied(memberStates.byName(), summaries);

        model.addAttribute("consultation", c);
        model.addAttribute("questions", questionLines(c, summaries));
        model.addAttribute("thresholdPercent", properties.approvalThresholdPercent());
        model.addAttribute("progress", replied.progress());
        model.addAttribute("notReplied", notReplied);
        model.addAttribute("filter", filter);
        model.addAttribute("shows", ReplyTable.Show.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("table", ReplyTable.of(id, memberStates.byName(), summaries, filter));
        model.addAttribute("taskId", tasks.openTaskId(id).orElse(null));
        model.addAttribute("processInstanceId", tasks.processInstanceId(id).orElse(null));
        model.addAttribute("history", history.of(id));
        // what the procedure owes and has not delivered yet: officers see a mail outage here, not in a log; the outbox
        // page has them all
        Map<NoticeKind, NoticeOutbox.Counts> byKind = outbox.countByKindAndStatus(id);
        model.addAttribute("notices", byKind.values().stream().reduce(NONE, NoticeOutbox.Counts::plus));
        model.addAttribute("undelivered", outbox.find(id, null, NoticeOutbox.UNDELIVERED, 0, UNDELIVERED_SHOWN));
        model.addAttribute("resultNotices", Arrays.stream(NoticeKind.values()).filter(RESULT_NOTICES::contains)
                .map(kind -> new KindCounts(kind, byKind.getOrDefault(kind, NONE))).toList());
        return "officer/consultation";
    }

    /** Every version of one Member State's reply, with its comments and reasons. */
    @GetMapping("/{id}/replies/{memberState:[A-Z]{3}}")
    String memberState(@PathVariable long id, @PathVariable String memberState, Model model) {
        Consultation c = consultations.get(id);
        MemberState state = memberStates.find(memberState)
                .orElseThrow(() -> new PageNotFoundException(text("memberStateReplies.unknown", memberState)));
        model.addAttribute("consultation", c);
        model.addAttribute("memberState", state);
        model.addAttribute("reply", replies.of(id, memberState).orElse(null));
        return "officer/member-state-replies";
    }

    /** The scanned reply form of one version, as received. */
    @GetMapping("/{id}/replies/{versionId:\\d+}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long versionId) {
        return versions.attachment(id, versionId).map(AttachmentDownload::of)
                .orElseThrow(() -> new PageNotFoundException("Reply " + versionId + " of consultation " + id + " has no scanned form."));
    }

    private List<QuestionLine> questionLines(Consultation c, List<ReplyHistory.Summary> summaries) {
        List<QuestionLine> lines = new ArrayList<>();
        if (c.status() == ConsultationStatus.ADOPTED) {
            c.questions().forEach(q -> lines.add(new QuestionLine(q, null, null, null, null)));
            return lines;
        }
        Map<String, QuestionDecision> decided = c.tallied() ? tallies.decisionsOf(c.id()) : Map.of();
        // while open: the running tally of the versions that count so far, as the tally at the deadline would take them
        List<Map<String, Position>> counted = summaries.stream().filter(ReplyHistory.Summary::counted)
                .map(ReplyHistory.Summary::positions).toList();
        for (Question q : c.questions()) {
            QuestionDecision d = decided.get(q.number());
            Tally tally = c.tallied() ? (d == null ? null : d.tally()) : Tally.of(q.number(), counted);
            if (tally == null) {
                lines.add(new QuestionLine(q, null, null, null, null));
                continue;
            }
            Decision decision = d == null ? rule.decide(tally) : d.decision();
            Margin margin = c.decided() ? null : Margin.of(tally, rule);
            lines.add(new QuestionLine(q, tally, decision, margin, margin == null ? null : marginWords(margin)));
        }
        return lines;
    }

    private String marginWords(Margin margin) {
        String key = margin.approved() ? "margin.approved" : "margin.referredBack";
        return margin.turnable() ? text(key, margin.more()) : text(key + ".fixed", properties.approvalThresholdPercent());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
