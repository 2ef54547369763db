package org.itu.tsb.reply;

import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.itu.tsb.reply.Position.DOES_NOT_SUPPORT;
import static org.itu.tsb.reply.Position.SUPPORTS;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.consultation.NewConsultation;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.consultation.QuestionKind;
import org.itu.tsb.reply.Position;
import org.itu.tsb.tally.QuestionDecision;
import org.itu.tsb.tally.Tally;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The reply rules (docs/procedure.md), on the real services and database, with a clock moved by hand. */
@ApplicationTest
class ReplyRulesTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired ConsultationService consultations;
    @Autowired ReplyIntake intake;
    @Autowired ReplyHistory history;
    @Autowired ReplyRepository replies;
    @Autowired TallyService tallies;
    @Autowired AttachmentCheck attachments;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired TransactionTemplate transactions;

    private Consultation consultation;
    private Instant deadline;

    @BeforeEach
    void openConsultation() {
        clock.set(Instant.parse("2026-02-02T09:00:00Z"));
        Consultation adopted = consultations.adopt(Sg17.adopted(Sg17.Q7, Sg17.Q16), "officer");
        deadline = Instant.parse("2026-04-03T23:59:59.999Z");
        consultation = consultations.open(adopted.id(), "101-" + adopted.id(), deadline, "officer");
    }

    @Test
    void aRevisionOneMillisecondBeforeTheDeadlineCounts() {
        online("CHE", Map.of("Q7/17", DOES_NOT_SUPPORT));
        clock.set(deadline.minusMillis(1));
        ReplyReceipt revision = online("CHE", Map.of("Q7/17", SUPPORTS));

        assertThat(revision.late()).isFalse();
        assertThat(revision.version()).isEqualTo(2);
        assertThat(tallyOf("Q7/17")).isEqualTo(new Tally(1, 0));
    }

    @Test
    void aRevisionAtTheDeadlineInstantCounts() {
        online("CHE", Map.of("Q7/17", DOES_NOT_SUPPORT));
        clock.set(deadline);
        assertThat(online("CHE", Map.of("Q7/17", SUPPORTS)).late()).isFalse();
        assertThat(tallyOf("Q7/17")).isEqualTo(new Tally(1, 0));
    }

    @Test
    void aRevisionOneMillisecondAfterTheDeadlineIsStoredLateAndTheEarlierReplyCounts() {
        online("CHE", Map.of("Q7/17", DOES_NOT_SUPPORT));
        clock.set(deadline.plusMillis(1));
        ReplyReceipt late = online("CHE", Map.of("Q7/17", SUPPORTS));

        assertThat(late.late()).isTrue();
        assertThat(late.version()).isEqualTo(2);
        assertThat(tallyOf("Q7/17")).isEqualTo(new Tally(0, 1));
        var che = history.of(consultation.id()).get(0);
        assertThat(che.current().version()).isEqualTo(1);
        assertThat(che.counted()).isTrue();
        assertThat(che.versions()).extracting(ReplyVersion::late).containsExactly(false, true);
    }

    @Test
    void onlyLateRepliesAreShownAsTheCurrentButNotCounted() {
        clock.set(deadline.plusSeconds(60));
        online("FRA", Map.of("Q7/17", SUPPORTS));

        var fra = history.of(consultation.id()).get(0);
        assertThat(fra.counted()).isFalse();
        assertThat(fra.current().late()).isTrue();
        assertThat(history.progress(consultation.id())).isEqualTo(new ReplyProgress(1, 0, 1, 0, 0, 194));
        assertThat(tallyOf("Q7/17")).isEqualTo(new Tally(0, 0));
    }

    @Test
    void theConsultationsPageAndTheListCountTheProgressFromOneReadAsEachConsultationAlone() {
        online("CHE", Map.of("Q7/17", SUPPORTS)); // by the deadline
        clock.set(deadline.plusSeconds(60));
        online("CHE", Map.of("Q7/17", DOES_NOT_SUPPORT)); // also too late: the first stands
        online("FRA", Map.of("Q7/17", SUPPORTS)); // only late

        Consultation c = consultations.get(consultation.id());
        ReplyProgress expected = new ReplyProgress(2, 1, 1, 0, 1, 194);
        assertThat(history.progress(c)).isEqualTo(expected);
        var overview = history.overview(c);
        assertThat(overview.progress()).isEqualTo(expected);
        assertThat(overview.summaries()).extracting(ReplyHistory.Summary::memberState, ReplyHistory.Summary::counted,
                ReplyHistory.Summary::versions).containsExactly(tuple("FRA", false, 1), tuple("CHE", true, 2));
        Consultation none = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), "102-" + c.id(),
                deadline.plusSeconds(3600), "officer");
        assertThat(history.progress(List.of(c, none))).containsOnly(entry(c.id(), expected),
                entry(none.id(), new ReplyProgress(0, 0, 0, 0, 0, 194)));
    }

    @Test
    void identicalContentTwiceInARowCreatesNoNewVersion() {
        ReplyReceipt first = submit("CHE", Map.of("Q7/17", SUPPORTS), "Our comments", ReplySource.now(Channel.ONLINE, "ms:CHE"));
        clock.advance(Duration.ofHours(1));
        ReplyReceipt again = submit("CHE", Map.of("Q7/17", SUPPORTS), " Our comments ", ReplySource.now(Channel.API, "api"));

        assertThat(again.created()).isFalse();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.receivedAt()).isEqualTo(first.receivedAt());
        assertThat(versions("CHE")).isEqualTo(1);

        online("CHE", Map.of("Q7/17", DOES_NOT_SUPPORT));
        submit("CHE", Map.of("Q7/17", SUPPORTS), "Our comments", ReplySource.now(Channel.ONLINE, "ms:CHE"));
        assertThat(versions("CHE")).as("the same content again after a different one is a revision").isEqualTo(3);
    }

    @Test
    void anOfficerCorrectingTheReceivedTimeRecordsANewVersion() {
        clock.advance(Duration.ofDays(1));
        ReplyReceipt mistyped = recorded("CHE", clock.instant().minus(Duration.ofHours(20)));
        ReplyReceipt sameAgain = recorded("CHE", clock.instant().minus(Duration.ofHours(20)));
        ReplyReceipt corrected = recorded("CHE", clock.instant().minus(Duration.ofHours(2)));

        assertThat(sameAgain.created()).isFalse();
        assertThat(corrected.created()).isTrue();
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(mistyped.id()).isEqualTo(sameAgain.id());
    }

    @Test
    void everyVersionKeepsItsAuditTrail() {
        ReplyReceipt online = online("DEU", Map.of("Q7/17", SUPPORTS));
        clock.advance(Duration.ofDays(2));
        Instant faxArrived = clock.instant().minus(Duration.ofHours(3));
        ReplyReceipt fax = submit("DEU", Map.of("Q16/17", DOES_NOT_SUPPORT), null,
                new ReplySource(Channel.FAX, "officer.jane", faxArrived, attachments.check("reply.pdf", PDF)));

        List<ReplyVersion> versions = history.of(consultation.id()).get(0).versions();
        assertThat(versions).hasSize(2);
        ReplyVersion first = versions.get(0);
        ReplyVersion second = versions.get(1);
        assertThat(first.id()).isEqualTo(online.id());
        assertThat(first.channel()).isEqualTo(Channel.ONLINE);
        assertThat(second.id()).isEqualTo(fax.id());
        assertThat(second.channel()).isEqualTo(Channel.FAX);
        assertThat(second.recordedBy()).isEqualTo("officer.jane");
        assertThat(second.receivedAt()).isEqualTo(faxArrived);
        assertThat(second.recordedAt()).isEqualTo(clock.instant());
        assertThat(second.contentHash()).hasSize(64).isNotEqualTo(first.contentHash());
        assertThat(second.attachment().contentType()).isEqualTo("application/pdf");
        assertThat(replies.attachment(consultation.id(), fax.id()).orElseThrow().content()).isEqualTo(PDF);
    }

    @Test
    void anOfficerCannotDateAReplyInTheFutureOrBeforeTheCircular() {
        assertThatThrownBy(() -> recorded("CHE", clock.instant().plusSeconds(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("receivedAt").hasMessageContaining("future");
        assertThatThrownBy(() -> recorded("CHE", clock.instant().minus(Duration.ofDays(1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("before the circular was issued");
        assertThat(versions("CHE")).isZero();
    }

    @Test
    void aFaxReceivedBeforeTheDeadlineAndEnteredAfterItCountsUntilTheTally() {
        clock.set(deadline.plus(Duration.ofMinutes(5)));
        ReplyReceipt fax = recorded("CHE", deadline.minus(Duration.ofMinutes(10)));
        assertThat(fax.late()).isFalse();
        assertThat(tallyOf("Q7/17")).isEqualTo(new Tally(1, 0));
    }

    @Test
    void aFaxReceivedOnTimeAndEnteredWhileTheTallyIsReviewedCountsAndUpdatesTheTally() {
        online("FRA", Map.of("Q7/17", SUPPORTS));
        clock.set(deadline.plusSeconds(1));
        tallies.tally(consultation.id());
        assertThat(tallies.decisionsOf(consultation.id()).get("Q7/17").tally()).isEqualTo(new Tally(1, 0));

        clock.set(deadline.plus(Duration.ofHours(9))); // the next morning
        ReplyReceipt fax = recordedWith("CHE", deadline.minusSeconds(600), Map.of("Q7/17", DOES_NOT_SUPPORT));

        assertThat(fax.counted()).isTrue();
        assertThat(tallies.decisionsOf(consultation.id()).get("Q7/17").tally()).as("the provisional tally").isEqualTo(new Tally(1, 1));
        assertThat(tallies.announce(consultation.id(), "officer")).filteredOn(d -> d.questionNumber().equals("Q7/17"))
                .singleElement().satisfies(d -> assertThat(d.tally()).isEqualTo(new Tally(1, 1)));
        assertThat(recorded("GBR", deadline.plusMillis(500)).late()).as("a late one is still stored").isTrue();
    }

    @Test
    void aFaxReceivedOnTimeButEnteredAfterTheAnnouncementIsKeptAndNotCounted() {
        online("FRA", Map.of("Q7/17", SUPPORTS));
        clock.set(deadline.plusSeconds(1));
        tallies.tally(consultation.id());
        tallies.announce(consultation.id(), "officer");
        clock.set(deadline.plus(Duration.ofDays(2)));

        ReplyReceipt fax = recordedWith("CHE", deadline.minusSeconds(60), Map.of("Q7/17", DOES_NOT_SUPPORT));

        assertThat(fax.late()).isFalse();
        assertThat(fax.afterAnnouncement()).isTrue();
        assertThat(fax.counted()).isFalse();
        assertThat(versions("CHE")).as("kept").isEqualTo(1);
        assertThat(tallies.decisionsOf(consultation.id()).get("Q7/17").tally()).as("what was announced stands").isEqualTo(new Tally(1, 0));
        assertThat(history.of(consultation.id(), "CHE").orElseThrow().counted()).isFalse();
        assertThatThrownBy(() -> tallies.announce(consultation.id(), "officer")).isInstanceOf(ConsultationStateException.class)
                .hasMessageContaining("DECIDED");
    }

    @Test
    void theTallyWaitsForAReplyBeingStoredAtTheDeadline() throws Exception {
        clock.set(deadline); // received at the deadline instant: on time
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> reply = threads.submit(() -> transactions.executeWithoutResult(status -> {
                online("CHE", Map.of("Q7/17", DOES_NOT_SUPPORT));
                stored.countDown();
                await(commit); // the reply's transaction is still open when the deadline timer fires
            }));
            assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();
            Future<List<QuestionDecision>> tally = threads.submit(() -> tallies.tally(consultation.id()));

            Thread.sleep(300);
            assertThat(tally.isDone()).as("the tally waits for the reply being stored").isFalse();
            commit.countDown();
            reply.get(10, TimeUnit.SECONDS);

            assertThat(tally.get(10, TimeUnit.SECONDS).get(0).tally()).isEqualTo(new Tally(0, 1));
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void attachmentsMustBeAPdfOrAnImageByContent() {
        assertThat(attachments.check("scan.pdf", PDF).contentType()).isEqualTo("application/pdf");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(attachments.check("../../etc/scan.png", png).filename()).isEqualTo("scan.png");
        assertThatThrownBy(() -> attachments.check("scan.pdf", "just text, not a scan".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a PDF or an image");
        assertThatThrownBy(() -> attachments.check("scan.pdf", new byte[0])).hasMessageContaining("empty");
        byte[] huge = new byte[(int) attachments.maxBytes() + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        assertThatThrownBy(() -> attachments.check("scan.pdf", huge)).hasMessageContaining("at most");
    }

    @Test
    void aReplyToAConsultationNotOpenIsRefusedAndStoredNowhere() {
        Consultation adopted = consultations.adopt(Sg17.adopted(Sg17.Q7), "officer");
        long before = jdbc.sql("select count(*) from reply_version").query(Long.class).single();

        assertThatThrownBy(() -> intake.submit(adopted.id(), new ReplySubmission("CHE", Map.of("Q7/17", SUPPORTS), null, null),
                ReplySource.now(Channel.API, "api"))).isInstanceOf(ConsultationStateException.class);

        assertThat(jdbc.sql("select count(*) from reply_version").query(Long.class).single()).isEqualTo(before);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ReplyReceipt online(String state, Map<String, Position> positions) {
        return submit(state, positions, null, ReplySource.now(Channel.ONLINE, "ms:" + state));
    }

    private ReplyReceipt recorded(String state, Instant receivedAt) {
        return submit(state, Map.of("Q7/17", SUPPORTS), null, new ReplySource(Channel.EMAIL, "officer", receivedAt, null));
    }

    private ReplyReceipt recordedWith(String state, Instant receivedAt, Map<String, Position> positions) {
        return submit(state, positions, null, new ReplySource(Channel.FAX, "officer", receivedAt, null));
    }

    private ReplyReceipt submit(String state, Map<String, Position> positions, String comments, ReplySource source) {
        return intake.submit(consultation.id(), new ReplySubmission(state, positions, comments, null), source);
    }

    private Tally tallyOf(String question) {
        return Tally.of(question, history.countedPositions(consultations.get(consultation.id())));
    }

    private long versions(String state) {
        return jdbc.sql("select count(*) from reply_version where consultation_id = :id and member_state = :state")
                .param("id", consultation.id()).param("state", state).query(Long.class).single();
    }
}
