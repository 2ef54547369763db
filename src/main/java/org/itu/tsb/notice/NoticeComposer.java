package org.itu.tsb.notice;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.DeadlineChange;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyRepository;
import org.itu.tsb.reply.ReplyVersion;
import org.itu.tsb.tally.ConsultationResult;
import org.itu.tsb.tally.Decision;
import org.itu.tsb.tally.TallyService;
import org.springframework.stereotype.Component;

/**
 * Writes the notices the procedure owes, from what is stored, each to its recipients in their language: a Member
 * State's from the registry, the study group's and the Director's from the settings. Each kind is written once per
 * language, not once per recipient.
 */
@Component
public class NoticeComposer {

    private final ConsultationService consultations;
    private final MemberStateRegistry memberStates;
    private final TallyService tallies;
    private final ReplyHistory history;
    private final ReplyRepository replies;
    private final NoticeTemplates templates;
    private final ConsultationProperties.Notices settings;
    private final int thresholdPercent;
    private final Clock clock;

    public NoticeComposer(ConsultationService consultations, MemberStateRegistry memberStates, TallyService tallies,
                          ReplyHistory history, ReplyRepository replies, NoticeTemplates templates, ConsultationProperties properties,
                          Clock clock) {
        this.clock = clock;
        this.consultations = consultations;
        this.memberStates = memberStates;
        this.tallies = tallies;
        this.history = history;
        this.replies = replies;
        this.templates = templates;
        this.settings = properties.notices();
        this.thresholdPercent = properties.approvalThresholdPercent();
    }

    /** What a template may show: where to reply, read the Questions and the result, and whom to write to. */
    public record Links(URI replyForm, URI questions, URI result) {}

    public record Contact(String telephone, String fax, String email, String director) {}

    /** One Question and the position a reply took on it (null: none). */
    public record PositionLine(Question question, Position position) {}

    /** A Member State that did not support one or more Questions, and its reasons (null: none given). */
    public record NonSupporter(String memberState, String name, List<Question> notSupported, String reasons) {}

    /** A Question referred back, with the reasons of those that did not support it. */
    public record ReferredBack(Question question, List<NonSupporter> reasons, List<String> withoutReasons) {}

    /** An addressee of the circular and of the result other than a Member State. */
    private record Copy(String name, String address, String language) {}

    /** The circular opening the consultation: to every address of every Member State, and the information copies. */
    public List<Notice> circular(long consultationId) {
        Consultation c = consultations.get(consultationId);
        Map<String, Object> model = common(c);
        model.put("questions", c.questions());
        List<Notice> notices = toMemberStates(c, NoticeKind.CIRCULAR, "", model, memberStates.all(), circularSubject(c));
        notices.addAll(toCopies(c, NoticeKind.CIRCULAR, "", model, circularSubject(c)));
        return notices;
    }

    /** What TSB recorded of one reply version, to the administration that sent it. */
    public List<Notice> acknowledgement(long consultationId, long versionId) {
        Consultation c = consultations.get(consultationId);
        ReplyVersion v = replies.find(consultationId, versionId).orElseThrow(() -> new IllegalStateException(
                "consultation " + consultationId + " has no reply version " + versionId));
        Map<String, Object> model = common(c);
        model.put("reply", v);
        model.put("memberState", memberStates.nameOf(v.memberState()));
        model.put("lines", c.questions().stream().map(q -> new PositionLine(q, v.positions().get(q.number()))).toList());
        return toMemberStates(c, NoticeKind.ACKNOWLEDGEMENT, "v" + v.version(), model,
                List.of(memberStates.find(v.memberState()).orElseThrow()), language -> new Object[] {c.circularNumber(), v.version()});
    }

    /** To the Member States that have sent no reply at all; nobody once the deadline has passed (a node was down). */
    public List<Notice> reminder(long consultationId) {
        Consultation c = consultations.get(consultationId);
        if (c.decided() || clock.instant().isAfter(c.deadline())) {
            return List.of();
        }
        Set<String> replied = history.of(consultationId).stream().map(ReplyHistory.MemberStateReplies::memberState)
                .collect(Collectors.toSet());
        Map<String, Object> model = common(c);
        model.put("questions", c.questions());
        List<MemberState> silent = memberStates.byName().stream().filter(s -> !replied.contains(s.code())).toList();
        return toMemberStates(c, NoticeKind.REMINDER, "", model, silent, language -> new Object[] {
                c.circularNumber(), templates.format(language).deadline(c.deadline())});
    }

    /**
     * The deadline moved: the old and the new one, and why, to every address of every Member State and the information
     * copies, like the circular whose deadline it changes.
     */
    public List<Notice> deadlineChanged(DeadlineChange change) {
        Consultation c = consultations.get(change.consultationId());
        Map<String, Object> model = common(c);
        model.put("questions", c.questions());
        model.put("change", change);
        model.put("extended", change.extension());
        SubjectArgs subject = language -> new Object[] {c.circularNumber(), templates.format(language).deadline(change.newDeadline())};
        // one per change: its number keeps the outbox's (consultation, kind, reference, recipient) apart
        String reference = "deadline-" + change.number();
        List<Notice> notices = toMemberStates(c, NoticeKind.DEADLINE_CHANGED, reference, model, memberStates.all(), subject);
        notices.addAll(toCopies(c, NoticeKind.DEADLINE_CHANGED, reference, model, subject));
        return notices;
    }

    /** To each Member State whose counted reply did not support a Question and gave no reasons. */
    public List<Notice> requestsForReasons(long consultationId) {
        Consultation c = consultations.get(consultationId);
        List<Notice> notices = new ArrayList<>();
        for (NonSupporter n : nonSupporters(c)) {
            if (n.reasons() != null) {
                continue;
            }
            Map<String, Object> model = common(c);
            model.put("memberState", n.name());
            model.put("notSupported", n.notSupported());
            notices.addAll(toMemberStates(c, NoticeKind.REQUEST_FOR_REASONS, "", model,
                    List.of(memberStates.find(n.memberState()).orElseThrow()),
                    language -> new Object[] {c.circularNumber(), numbers(templates.format(language), n.notSupported())}));
        }
        return notices;
    }

    /** Per Question the decision and the tally: to every Member State and the information-copy list. */
    public List<Notice> resultAnnouncement(long consultationId) {
        Consultation c = consultations.get(consultationId);
        ConsultationResult result = tallies.result(consultationId).withoutComments();
        Map<String, Object> model = common(c);
        model.put("result", result);
        List<Notice> notices = toMemberStates(c, NoticeKind.RESULT_ANNOUNCEMENT, "", model, memberStates.all(),
                resultSubject(c));
        notices.addAll(toCopies(c, NoticeKind.RESULT_ANNOUNCEMENT, "", model, resultSubject(c)));
        return notices;
    }

    /** The decisions, the reasons for each Question referred back, and every comment received: to the study group. */
    public List<Notice> toStudyGroup(long consultationId) {
        Consultation c = consultations.get(consultationId);
        ConsultationResult result = tallies.result(consultationId);
        List<NonSupporter> nonSupporters = nonSupporters(c);
        List<ReferredBack> referredBack = result.outcomes().stream().filter(o -> o.decision() == Decision.REFERRED_BACK)
                .map(o -> referredBack(o.question(), nonSupporters)).toList();
        Map<String, Object> model = common(c);
        model.put("result", result);
        model.put("referredBack", referredBack);
        model.put("commentsOmitted", false);
        String language = settings.language();
        NoticeTemplates.Written written = templates.write(NoticeKind.TO_STUDY_GROUP, language, model,
                c.circularNumber(), c.studyGroup());
        if (written.body().length() > Notice.MAX_BODY_LENGTH || written.htmlBody().length() > Notice.MAX_BODY_LENGTH) {
            // more comments than one message holds: they are all on the result page the message links to
            model.put("commentsOmitted", true);
            written = templates.write(NoticeKind.TO_STUDY_GROUP, language, model, c.circularNumber(), c.studyGroup());
        }
        return List.of(notice(c, NoticeKind.TO_STUDY_GROUP, "", forStudyGroup(settings.studyGroupAddress(), c), written));
    }

    /** The reasons given by the Member States that did not support a Question (and who gave none): to the Director. */
    public List<Notice> toDirector(long consultationId) {
        Consultation c = consultations.get(consultationId);
        List<NonSupporter> nonSupporters = nonSupporters(c);
        if (nonSupporters.isEmpty()) {
            return List.of();
        }
        Map<String, Object> model = common(c);
        model.put("nonSupporters", nonSupporters);
        NoticeTemplates.Written written = templates.write(NoticeKind.TO_DIRECTOR, settings.language(), model, c.circularNumber());
        return List.of(notice(c, NoticeKind.TO_DIRECTOR, "", settings.directorAddress(), written));
    }

    /** The counted replies that did not support at least one Question, by Member State name. */
    private List<NonSupporter> nonSupporters(Consultation c) {
        return history.counted(c.id()).stream()
                .filter(v -> v.positions().containsValue(Position.DOES_NOT_SUPPORT))
                .map(v -> new NonSupporter(v.memberState(), memberStates.nameOf(v.memberState()),
                        c.questions().stream().filter(q -> v.positions().get(q.number()) == Position.DOES_NOT_SUPPORT).toList(),
                        v.reasons() == null || v.reasons().isBlank() ? null : v.reasons()))
                .sorted(java.util.Comparator.comparing(NonSupporter::name, MemberStateRegistry.NAME_ORDER))
                .toList();
    }

    private static ReferredBack referredBack(Question q, List<NonSupporter> nonSupporters) {
        List<NonSupporter> against = nonSupporters.stream().filter(n -> n.notSupported().contains(q)).toList();
        return new ReferredBack(q, against.stream().filter(n -> n.reasons() != null).toList(),
                against.stream().filter(n -> n.reasons() == null).map(NonSupporter::name).toList());
    }

    private Map<String, Object> common(Consultation c) {
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("threshold", thresholdPercent);
        model.put("links", links(c));
        model.put("contact", new Contact(settings.contact().telephone(), settings.contact().fax(),
                forStudyGroup(settings.contact().email(), c), settings.directorAddress()));
        return model;
    }

    private Links links(Consultation c) {
        String base = settings.publicUrl().toString().replaceAll("/+$", "") + "/consultations/" + c.id();
        return new Links(URI.create(base + "/reply"), URI.create(base + "/questions"), URI.create(base + "/result"));
    }

    /** The subject's arguments in one language (dates and lists are written as the language writes them). */
    @FunctionalInterface
    private interface SubjectArgs {
        Object[] of(String language);
    }

    private SubjectArgs circularSubject(Consultation c) {
        return language -> new Object[] {c.circularNumber(), numbers(templates.format(language), c.questions()), c.studyGroup(),
                templates.format(language).date(c.deadline())};
    }

    private SubjectArgs resultSubject(Consultation c) {
        return language -> new Object[] {c.circularNumber(), numbers(templates.format(language), c.questions())};
    }

    /** Written once per language, then addressed to every address of every State that reads it. */
    private List<Notice> toMemberStates(Consultation c, NoticeKind kind, String reference, Map<String, Object> model,
                                        Iterable<MemberState> states, SubjectArgs subject) {
        Map<String, NoticeTemplates.Written> byLanguage = new LinkedHashMap<>();
        List<Notice> notices = new ArrayList<>();
        for (MemberState state : states) {
            String language = templates.languageFor(state.language());
            NoticeTemplates.Written written = byLanguage.computeIfAbsent(language,
                    l -> templates.write(kind, l, model, subject.of(l)));
            for (String address : state.emails()) {
                notices.add(notice(c, kind, reference, address, written));
            }
        }
        return notices;
    }

    private List<Notice> toCopies(Consultation c, NoticeKind kind, String reference, Map<String, Object> model,
                                  SubjectArgs subject) {
        List<Notice> notices = new ArrayList<>();
        for (Copy copy : copies(c)) {
            Map<String, Object> forInformation = new HashMap<>(model);
            forInformation.put("forInformation", copy.name());
            String language = templates.languageFor(copy.language());
            notices.add(notice(c, kind, reference, copy.address(),
                    templates.write(kind, language, forInformation, subject.of(language))));
        }
        return notices;
    }

    private List<Copy> copies(Consultation c) {
        return settings.informationCopies().stream()
                .map(i -> new Copy(i.name().replace("{studyGroup}", c.studyGroup()), forStudyGroup(i.address(), c), i.language()))
                .toList();
    }

    private static Notice notice(Consultation c, NoticeKind kind, String reference, String recipient, NoticeTemplates.Written w) {
        return new Notice(c.id(), kind, reference, recipient, w.language(), w.subject(), w.body(), w.htmlBody());
    }

    /** {@code tsb{studyGroup}@…} with SG17 gives {@code tsbsg17@…}. */
    static String forStudyGroup(String address, Consultation c) {
        return address.replace("{studyGroup}", c.studyGroup().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }

    /** The Questions as a subject names them: 7/17, 10/17 and 16/17. */
    private static String numbers(NoticeFormat format, List<Question> questions) {
        return format.list(questions.stream().map(q -> q.number().startsWith("Q") ? q.number().substring(1) : q.number()).toList());
    }

}
