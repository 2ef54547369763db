package org.itu.tsb.notice;

import static org.assertj.core.api.Assertions.assertThat;
import org.itu.tsb.process.ProcessVariables;
import static org.itu.tsb.reply.Position.DOES_NOT_SUPPORT;
import static org.itu.tsb.reply.Position.SUPPORTS;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Every notice kind, as the mail server receives it, in English, French and Spanish: one consultation run from the
 * circular to the decision (France replies in French, Ghana and the United States in English, Argentina and Mexico in
 * Spanish), its notices delivered to GreenMail, and each message read back as a recipient reads it.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeLanguagesTest {

    private static final int PORT = 3126;
    private static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");

    @Autowired ConsultationService consultations;
    @Autowired org.itu.tsb.memberstate.MemberStateRegistry registry;
    @Autowired org.itu.tsb.tally.TallyService tallies;
    @Autowired org.itu.tsb.reply.ReplyHistory history;
    @Autowired org.itu.tsb.reply.ReplyRepository replies;
    @Autowired NoticeTemplates templates;
    @Autowired ReplyIntake intake;
    @Autowired NoticeOutbox outbox;
    @Autowired AcknowledgementComposition acknowledgements;
    @Autowired ConsultationProperties properties;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationEventPublisher events;

    private final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", "smtp"));
    private final List<MimeMessage> received = new ArrayList<>();
    private Consultation c;

    @BeforeAll
    void runAConsultationAndDeliverItsNotices() throws Exception {
        smtp.start();
        NoticeDelivery delivery = delivery();
        clock.set(Instant.parse("2026-02-02T09:00:00Z"));
        NoticeDeliveryTest.parkTheNoticesOfEarlierTests(jdbc);

        String circular = "lang-" + System.nanoTime() % 100_000;
        c = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), circular, DEADLINE, "officer");
        clock.advance(Duration.ofDays(3));
        // Q7/17: 3 of 4 support (75 %): approved. Q10/17: 1 of 4: referred back. Q16/17: 2 of 2: approved.
        reply("FRA", Map.of("Q7/17", SUPPORTS, "Q10/17", DOES_NOT_SUPPORT), "Commentaire de la France sur Q10/17", null);
        reply("GHA", Map.of("Q7/17", SUPPORTS, "Q10/17", SUPPORTS, "Q16/17", SUPPORTS), null, null);
        reply("ARG", Map.of("Q7/17", SUPPORTS, "Q10/17", DOES_NOT_SUPPORT, "Q16/17", SUPPORTS), null, "Razones de la Argentina");
        reply("MEX", Map.of("Q7/17", DOES_NOT_SUPPORT), null, null);
        reply("USA", Map.of("Q10/17", DOES_NOT_SUPPORT), null, null);

        clock.set(DEADLINE.minus(Duration.ofDays(14)));
        management.executeJob(timer("TimerEvent_ReminderDue").getId());
        clock.set(DEADLINE.plusSeconds(5));
        management.executeJob(timer("TimerEvent_Deadline").getId());
        consultations.announce(c.id(), "officer"); // the officer reviewed the tally
        management.executeJob(job().getId()); // the notices after the announcement

        acknowledgements.composeDue(); // the replies' acknowledgements, composed apart from the replies
        while (delivery.deliverDue() > 0) {
            // until every notice went out
        }
        Set<String> ours = outbox.findByConsultation(c.id()).stream().map(e -> "<notice-" + e.id() + "@consultation-workflow>")
                .collect(Collectors.toSet());
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (ours.contains(m.getMessageID())) {
                received.add(m);
            }
        }
        assertThat(received).hasSize(ours.size());
    }

    @AfterAll
    void stopTheMailServer() {
        smtp.stop();
    }

    @Test
    void theCircularInEachLanguageWithWhatAMemberStateNeedsToReply() throws Exception {
        Mail fr = one(NoticeKind.CIRCULAR, "administration@fra.example");
        assertThat(fr.language).isEqualTo("fr");
        assertThat(fr.subject).isEqualTo("Circulaire TSB " + c.circularNumber()
                + " : consultation des États Membres sur l'approbation des Questions 7/17, 10/17 et 16/17 de la SG17 (réponse avant le 3 avril 2026)");
        assertThat(fr.text).contains("Madame, Monsieur,", "23:59 heures UTC le 3 avril 2026", "Résolution 1 de l'AMNT, paragraphe 7.3.2",
                "consultation formelle de deux mois", "70 pour cent", "renvoyées à la commission d'études",
                "Projet de nouvelle Question Q16/17 «\u00A0AI security\u00A0»",
                properties.notices().publicUrl() + "/consultations/" + c.id() + "/reply",
                properties.notices().publicUrl() + "/consultations/" + c.id() + "/questions",
                "Annexe 2", "+41 22 730 5853", "tsbsg17@itu.example");
        assertThat(fr.html).contains("<a href=\"" + properties.notices().publicUrl() + "/consultations/" + c.id() + "/reply\"");

        Mail en = one(NoticeKind.CIRCULAR, "administration@gha.example");
        assertThat(en.subject).isEqualTo("TSB Circular " + c.circularNumber()
                + ": Member State consultation on approval of Questions 7/17, 10/17 and 16/17 of SG17 (reply by 3 April 2026)");
        assertThat(en.text).contains("Dear Sir/Madam,", "23:59 hours UTC on 3 April 2026", "WTSA Resolution 1, clause 7.3.2",
                "formal two-month consultation", "If 70 per cent or more", "Member States not supporting their approval are kindly requested to inform the Director of TSB of their reasons",
                "Draft revised Question Q7/17 \u201CSecure application services\u201D", "Annex 2: reply form");
        assertThat(en.language).isEqualTo("en");

        Mail es = one(NoticeKind.CIRCULAR, "administration@arg.example");
        assertThat(es.subject).isEqualTo("Circular TSB " + c.circularNumber()
                + ": consulta a los Estados Miembros sobre la aprobación de las Cuestiones 7/17, 10/17 y 16/17 de la SG17 (respuesta antes del 3 de abril de 2026)");
        assertThat(es.text).contains("23:59 horas UTC del 3 de abril de 2026", "Resolución 1 de la AMNT", "Anexo 2");
        assertThat(es.language).isEqualTo("es");
    }

    @Test
    void theCircularGoesToEveryAddressOfEveryMemberStateAndToTheInformationCopies() {
        List<String> to = recipients(NoticeKind.CIRCULAR);
        assertThat(to).doesNotHaveDuplicates().contains("administration@fra.example", "registry@fra.example")
                .containsAll(properties.notices().informationCopies().stream()
                        .map(i -> NoticeComposer.forStudyGroup(i.address(), c)).toList());
        Mail copy = one(NoticeKind.CIRCULAR, "tsbsg17-chairs@itu.example");
        assertThat(copy.text).startsWith("For information: this is a copy for The Chair and Vice-chairs of ITU-T SG17.");
    }

    @Test
    void eachReplyIsAcknowledgedInTheLanguageOfItsMemberStateRestatingWhatWasRecorded() {
        Mail fr = one(NoticeKind.ACKNOWLEDGEMENT, "administration@fra.example");
        assertThat(fr.subject).isEqualTo("Circulaire TSB " + c.circularNumber() + " : votre réponse (version 1) a été enregistrée");
        assertThat(fr.text).contains("Projet de Question révisée Q7/17 «\u00A0Secure application services\u00A0» : appuie l'approbation")
                .contains("Q10/17 «\u00A0Management of digital identity, security and services\u00A0» : n'appuie pas l'approbation")
                .contains("Q16/17 «\u00A0AI security\u00A0» : aucune position", "Commentaire de la France sur Q10/17",
                        "Reçue par le TSB le 5 février 2026, 09:00:00 UTC (API du TSB).",
                        "dans le délai");
        Mail es = one(NoticeKind.ACKNOWLEDGEMENT, "administration@arg.example");
        assertThat(es.subject).isEqualTo("Circular TSB " + c.circularNumber() + ": su respuesta (versión 1) ha quedado registrada");
        assertThat(es.text).contains("Razones de la Argentina", "no apoya la aprobación", "5 de febrero de 2026");
        Mail en = one(NoticeKind.ACKNOWLEDGEMENT, "administration@gha.example");
        assertThat(en.text).contains("Draft new Question Q16/17 \u201CAI security\u201D: supports approval",
                "It was received by the deadline (23:59 hours UTC on 3 April 2026)");
        assertThat(recipients(NoticeKind.ACKNOWLEDGEMENT)).containsExactlyInAnyOrder("administration@fra.example",
                "registry@fra.example", "administration@gha.example", "administration@arg.example", "administration@mex.example",
                "administration@usa.example", "registry@usa.example");
    }

    @Test
    void theReminderGoesToThoseWhoHaveNotRepliedInTheirLanguage() {
        List<String> reminded = recipients(NoticeKind.REMINDER);
        assertThat(reminded).doesNotContain("administration@fra.example", "administration@gha.example", "administration@arg.example",
                "administration@mex.example", "administration@usa.example").contains("administration@che.example");
        assertThat(one(NoticeKind.REMINDER, "administration@che.example").subject)
                .isEqualTo("Circulaire TSB " + c.circularNumber() + " : rappel, les réponses sont attendues au plus tard à 23:59 heures UTC le 3 avril 2026");
        assertThat(one(NoticeKind.REMINDER, "administration@esp.example").text).contains("La TSB aún no ha recibido respuesta");
        assertThat(one(NoticeKind.REMINDER, "administration@afg.example").text).contains("TSB has not yet received a reply");
    }

    @Test
    void reasonsAreRequestedOnlyFromNonSupportersThatGaveNone() {
        assertThat(recipients(NoticeKind.REQUEST_FOR_REASONS)).containsExactlyInAnyOrder("administration@fra.example",
                "registry@fra.example", "administration@mex.example", "administration@usa.example", "registry@usa.example");
        assertThat(one(NoticeKind.REQUEST_FOR_REASONS, "administration@fra.example").subject)
                .isEqualTo("Circulaire TSB " + c.circularNumber() + " : raisons de ne pas appuyer l'approbation des Questions 10/17");
        assertThat(one(NoticeKind.REQUEST_FOR_REASONS, "administration@mex.example").text)
                .contains("Mexico no apoyó la aprobación de:", "Proyecto de Cuestión revisada Q7/17", "tsbdir@itu.example");
        assertThat(one(NoticeKind.REQUEST_FOR_REASONS, "administration@usa.example").text)
                .contains("United States did not support approval of:", "Draft revised Question Q10/17");
    }

    @Test
    void theResultIsAnnouncedToEveryoneWithTheTallyFormattedForTheLanguage() {
        assertThat(recipients(NoticeKind.RESULT_ANNOUNCEMENT)).containsExactlyInAnyOrderElementsOf(recipients(NoticeKind.CIRCULAR));
        Mail en = one(NoticeKind.RESULT_ANNOUNCEMENT, "administration@gha.example");
        assertThat(en.subject).isEqualTo("TSB Circular " + c.circularNumber() + ": result of the consultation on Questions 7/17, 10/17 and 16/17");
        assertThat(en.text).contains("Q7/17 \u201CSecure application services\u201D: approved",
                "Supports: 3; Does not support: 1; Counted: 4; Support: 75.0%",
                "Q10/17 \u201CManagement of digital identity, security and services\u201D: not approved: referred back to the study group",
                "Supports: 1; Does not support: 3; Counted: 4; Support: 25.0%",
                "5 Member States replied by the deadline: Argentina, France, Ghana, Mexico and United States.");
        assertThat(en.html).contains("<table").contains("75.0%");
        Mail fr = one(NoticeKind.RESULT_ANNOUNCEMENT, "administration@fra.example");
        assertThat(fr.subject).isEqualTo("Circulaire TSB " + c.circularNumber() + " : résultat de la consultation sur les Questions 7/17, 10/17 et 16/17");
        assertThat(fr.text).contains("Pour", "75,0\u00A0%", "non approuvée : renvoyée à la commission d'études");
        Mail es = one(NoticeKind.RESULT_ANNOUNCEMENT, "administration@arg.example");
        assertThat(es.text).contains("resultado", "75,0", "aprobada");
        assertThat(one(NoticeKind.RESULT_ANNOUNCEMENT, "itu-academia@itu.example").text).startsWith("For information");
    }

    @Test
    void theStudyGroupGetsTheDecisionsTheReasonsForWhatIsReferredBackAndEveryComment() {
        Mail sg = one(NoticeKind.TO_STUDY_GROUP, "tsbsg17@studygroups.example");
        assertThat(sg.subject).isEqualTo("TSB Circular " + c.circularNumber()
                + ": result of the consultation on the Questions of SG17, with reasons and comments");
        assertThat(sg.text).contains("Reasons given by the Member States that did not support approval of Q10/17:",
                "Argentina:", "Razones de la Argentina",
                "Did not support it without giving reasons (asked for them): France and United States.",
                "France, reply version 1, received 5 February 2026, 09:00:00 UTC:", "Commentaire de la France sur Q10/17");
        assertThat(sg.text).doesNotContain("approval of Q7/17:"); // approved: no reasons section
    }

    @Test
    void theDirectorGetsTheReasonsAndWhoGaveNone() {
        Mail director = one(NoticeKind.TO_DIRECTOR, "tsbdir@itu.example");
        assertThat(director.text).contains("Argentina did not support Q10/17.", "Razones de la Argentina",
                "Mexico did not support Q7/17.", "No reasons given; TSB asked Mexico for them.",
                "United States did not support Q10/17.");
    }

    @Test
    void aChangeOfTheDeadlineInEachLanguageWithBothDeadlinesInUtcAndTheReason() {
        Instant extended = Instant.parse("2026-04-17T23:59:59.999Z");
        String reason = "Several administrations asked for more time.";
        List<Notice> told = composerWritingIn("en").deadlineChanged(
                new org.itu.tsb.consultation.DeadlineChange(c.id(), 1, DEADLINE, extended, reason, "officer", DEADLINE.minus(Duration.ofDays(20))));

        Notice fr = told.stream().filter(n -> n.recipient().equals("administration@fra.example")).findFirst().orElseThrow();
        assertThat(fr.subject()).isEqualTo("Circulaire TSB " + c.circularNumber()
                + " : le délai de réponse est désormais fixé à 23:59 heures UTC le 17 avril 2026");
        assertThat(fr.body()).contains("Le délai de réponse est prolongé : les réponses reçues au plus tard à 23:59 heures UTC le 17 avril 2026"
                + " sont comptées, au lieu de 23:59 heures UTC le 3 avril 2026 comme annoncé précédemment.", "Motif indiqué par le TSB : " + reason);
        Notice es = told.stream().filter(n -> n.recipient().equals("administration@arg.example")).findFirst().orElseThrow();
        assertThat(es.language()).isEqualTo("es");
        assertThat(es.body()).contains("Se prorroga el plazo de respuesta", "a más tardar a las 23:59 horas UTC del 17 de abril de 2026",
                "en lugar de las 23:59 horas UTC del 3 de abril de 2026");
        Notice en = told.stream().filter(n -> n.recipient().equals("administration@gha.example")).findFirst().orElseThrow();
        assertThat(en.subject()).isEqualTo("TSB Circular " + c.circularNumber() + ": the deadline for replies is now 23:59 hours UTC on 17 April 2026");
        assertThat(en.htmlBody()).contains("lang=\"en\"", "Reason given by TSB: " + reason);
        assertThat(told).filteredOn(n -> n.recipient().equals("itu-academia@itu.example")).singleElement()
                .satisfies(n -> assertThat(n.body()).startsWith("For information"));

        List<Notice> corrected = composerWritingIn("en").deadlineChanged(new org.itu.tsb.consultation.DeadlineChange(c.id(), 2, extended,
                DEADLINE.minus(Duration.ofDays(7)), "Wrong date.", "officer", DEADLINE.minus(Duration.ofDays(19))));
        assertThat(corrected.stream().filter(n -> n.recipient().equals("administration@fra.example")).findFirst().orElseThrow().body())
                .contains("Le délai de réponse est rectifié");
    }

    @Test
    void theStudyGroupAndTheDirectorMayReadFrenchOrSpanish() {
        Notice fr = composerWritingIn("fr").toStudyGroup(c.id()).get(0);
        assertThat(fr.language()).isEqualTo("fr");
        assertThat(fr.subject()).isEqualTo("Circulaire TSB " + c.circularNumber()
                + " : résultat de la consultation sur les Questions de la SG17, avec raisons et observations");
        assertThat(fr.body()).contains("Raisons données par les États Membres qui n'ont pas appuyé l'approbation de Q10/17 :",
                "Razones de la Argentina", "Ne l'ont pas appuyée sans donner de raisons (elles leur ont été demandées) : France et United States.",
                "Pour : 3", "75,0\u00A0%");
        Notice es = composerWritingIn("es").toDirector(c.id()).get(0);
        assertThat(es.subject()).isEqualTo("Circular TSB " + c.circularNumber() + ": motivos de los Estados Miembros que no apoyan la aprobación");
        assertThat(es.body()).contains("Argentina no apoyó Q10/17.", "Mexico no apoyó Q7/17.", "No se dieron motivos; la TSB se los ha pedido a Mexico.");
        assertThat(es.htmlBody()).contains("lang=\"es\"");
        assertThat(composerWritingIn("es").toStudyGroup(c.id()).get(0).body())
                .contains("Motivos dados por los Estados Miembros que no apoyaron la aprobación de Q10/17:", "Razones de la Argentina",
                        "Comentarios recibidos con las respuestas", "Commentaire de la France sur Q10/17");
        assertThat(composerWritingIn("fr").toDirector(c.id()).get(0).body())
                .contains("Argentina n'a pas appuyé Q10/17.", "Aucune raison donnée ; le TSB les a demandées à : Mexico.");
    }

    /** The application's composer, with the study group's and the Director's notices in another language. */
    private NoticeComposer composerWritingIn(String language) {
        var n = properties.notices();
        var notices = new ConsultationProperties.Notices(n.from(), n.studyGroupAddress(), n.directorAddress(), language,
                n.informationCopies(), n.contact(), n.publicUrl(), n.remindBefore(), n.deliverEvery(), n.firstRetryAfter(),
                n.longestRetryAfter(), n.maxAttempts(), n.claimTimeout());
        var p = properties;
        return new NoticeComposer(consultations, registry, tallies, history, replies, templates,
                new ConsultationProperties(p.approvalThresholdPercent(), p.officerGroup(), p.memberStates(), p.models(), notices,
                        p.api(), p.replies(), p.questions(), p.security(), p.demo()), clock);
    }

    @Test
    void everyMessageIsMultipartWithNoMissingWord() {
        assertThat(received).allSatisfy(m -> {
            Mail mail = Mail.of(m);
            assertThat(mail.text).as("text of %s", mail.subject).isNotBlank().doesNotContain("??", "${", "#{");
            assertThat(mail.html).as("HTML of %s", mail.subject).startsWith("<!DOCTYPE html>").doesNotContain("??", "${", "#{");
            assertThat(mail.language).isIn("en", "fr", "es");
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A message as its recipient reads it: subject, language, plain text and HTML. */
    record Mail(String subject, String language, String text, String html) {

        static Mail of(MimeMessage m) {
            try {
                Multipart alternatives = alternatives(m);
                String text = null;
                String html = null;
                for (int i = 0; i < alternatives.getCount(); i++) {
                    Part part = alternatives.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
                return new Mail(m.getSubject(), m.getHeader("Content-Language", null), text, html);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        /** Spring's multipart message: mixed, then related, then the alternatives. */
        private static Multipart alternatives(Part part) throws Exception {
            Multipart multipart = (Multipart) part.getContent();
            Part first = multipart.getBodyPart(0);
            return first.isMimeType("multipart/*") ? alternatives(first) : multipart;
        }
    }

    private Mail one(NoticeKind kind, String recipient) {
        long id = outbox.findByConsultation(c.id()).stream()
                .filter(e -> e.notice().kind() == kind && e.notice().recipient().equals(recipient))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " to " + recipient)).id();
        String messageId = "<notice-" + id + "@consultation-workflow>";
        return received.stream().filter(m -> messageId.equals(messageIdOf(m))).findFirst().map(Mail::of)
                .orElseThrow(() -> new AssertionError("notice " + id + " was not received"));
    }

    private List<String> recipients(NoticeKind kind) {
        return outbox.findByConsultation(c.id()).stream().filter(e -> e.notice().kind() == kind)
                .map(e -> e.notice().recipient()).toList();
    }

    private static String messageIdOf(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void reply(String state, Map<String, Position> positions, String comments, String reasons) {
        intake.submit(c.id(), new ReplySubmission(state, positions, comments, reasons), ReplySource.now(Channel.API, "test"));
    }

    private Job timer(String activityId) {
        return management.createJobQuery().processInstanceId(processInstanceId())
                .activityId(activityId).singleResult();
    }

    private Job job() {
        return management.createJobQuery().processInstanceId(processInstanceId()).singleResult();
    }

    private String processInstanceId() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).variableValueEquals(ProcessVariables.CONSULTATION_ID, c.id()).singleResult().getId();
    }

    private NoticeDelivery delivery() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(PORT);
        mail.getJavaMailProperties().put("mail.smtp.socketFactory", new NoDelaySockets());
        return new NoticeDelivery(outbox, NoticeDeliveryTest.provider(mail), properties, events, clock);
    }
}
