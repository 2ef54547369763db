package org.itu.tsb.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itu.tsb.reply.Position.DOES_NOT_SUPPORT;
import static org.itu.tsb.reply.Position.SUPPORTS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplyReceipt;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reply's acknowledgement is composed apart from the reply: its transaction records only that the version is due,
 * and {@link AcknowledgementComposition} composes each due one into the outbox once, whichever of several composers
 * (nodes) takes it, and goes on past one it cannot compose. The application's own composer runs in the background
 * meanwhile, as another node's would: the assertions hold whichever composer took a version.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class AcknowledgementCompositionTest {

    private static final Instant NOW = Instant.parse("2026-02-05T09:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");

    @Autowired AcknowledgementComposition composition;
    @Autowired DueAcknowledgements due;
    @Autowired ReplyIntake intake;
    @Autowired ConsultationService consultations;
    @Autowired MemberStateRegistry memberStates;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    private Consultation c;

    @BeforeEach
    void openAConsultation() {
        clock.set(NOW.minusSeconds(3600));
        c = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), "ack-" + System.nanoTime() % 100_000,
                DEADLINE, "officer");
        clock.set(NOW);
    }

    @Test
    void theReplysTransactionRecordsOnlyThatItsVersionIsDueAndNothingIfItRollsBack() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            ReplyReceipt receipt = reply("FRA", SUPPORTS);
            assertThat(dueIn(c)).containsExactly(receipt.id());
            assertThat(acknowledgements(c)).as("not composed in the reply's transaction").isEmpty();
            tx.setRollbackOnly();
        });

        assertThat(dueIn(c)).isEmpty();
        composition.composeDue();
        assertThat(acknowledgements(c)).isEmpty();
        assertThat(jdbc.sql("select count(*) from reply_version where consultation_id = :id").param("id", c.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void eachVersionIsAcknowledgedOnceToEachAddressOfItsStateAndARepeatOrARefusalIsNot() {
        ReplyReceipt first = reply("FRA", SUPPORTS);
        composition.composeDue();
        assertThat(dueIn(c)).isEmpty();
        assertThat(acknowledgements(c)).containsExactlyInAnyOrderElementsOf(to("FRA", "v1"));

        ReplyReceipt same = reply("FRA", SUPPORTS); // identical to the version before: no new version, nothing to acknowledge
        assertThat(same.created()).isFalse();
        assertThat(same.id()).isEqualTo(first.id());
        assertThatThrownBy(() -> intake.submit(c.id(), new ReplySubmission("FRA", Map.of("Q99/17", SUPPORTS), null, null),
                ReplySource.now(Channel.API, "test"))).isInstanceOf(InvalidInputException.class);
        assertThat(dueIn(c)).isEmpty();
        assertThat(due.take(first.id())).as("taken already").isFalse();

        reply("FRA", DOES_NOT_SUPPORT); // a new version: acknowledged as v2, v1 not again
        composition.composeDue();
        composition.composeDue();
        List<String> expected = new ArrayList<>(to("FRA", "v1"));
        expected.addAll(to("FRA", "v2"));
        assertThat(acknowledgements(c)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void twoComposersAtOnceComposeEachAcknowledgementOnce(CapturedOutput log) throws Exception {
        List<MemberState> states = memberStates.byName().subList(0, 60);
        // committed together, so that both composers find every one of them due
        new TransactionTemplate(transactions).executeWithoutResult(tx -> states.forEach(s -> reply(s.code(), SUPPORTS)));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> composers = List.of(
                    CompletableFuture.supplyAsync(() -> composeAfter(start), threads),
                    CompletableFuture.supplyAsync(() -> composeAfter(start), threads));
            int composed = composers.get(0).get() + composers.get(1).get();
            assertThat(composed).as("with the application's own composer, at most one each").isLessThanOrEqualTo(states.size());
        } finally {
            threads.shutdownNow();
        }

        assertThat(dueIn(c)).isEmpty();
        List<String> expected = states.stream().flatMap(s -> to(s.code(), "v1").stream()).toList();
        assertThat(acknowledgements(c)).containsExactlyInAnyOrderElementsOf(expected); // none twice, none missing
        assertThat(log.getOut()).as("the composer that lost a version skipped it, no error")
                .doesNotContain("could not be composed");
    }

    @Test
    void oneThatCannotBeComposedIsLoggedAndLeftDueAndTheOthersAreComposed(CapturedOutput log) {
        ReplyReceipt elsewhere = reply("CHE", SUPPORTS);
        composition.composeDue();
        Consultation other = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(),
                "ack-" + System.nanoTime() % 100_000, DEADLINE, "officer");
        // due before the good one, and impossible: the other consultation has no such reply version
        due.record(other.id(), elsewhere.id(), NOW);
        try {
            ReplyReceipt reply = reply(other, "GHA", SUPPORTS);

            composition.composeDue();
            composition.composeDue(); // one attempt a run: it returns, with the impossible one still due

            assertThat(dueIn(other)).containsExactly(elsewhere.id());
            assertThat(acknowledgements(other)).containsExactlyInAnyOrderElementsOf(to("GHA", "v1"));
            assertThat(reply.id()).isGreaterThan(elsewhere.id());
            assertThat(log.getOut()).contains("The acknowledgement of reply version " + elsewhere.id() + " could not be composed",
                    "consultation " + other.id() + " has no reply version " + elsewhere.id());
            assertThat(acknowledgements(c)).containsExactlyInAnyOrderElementsOf(to("CHE", "v1"));
        } finally {
            due.take(elsewhere.id()); // not left for the tests after this one
        }
    }

    private int composeAfter(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return composition.composeDue();
    }

    private ReplyReceipt reply(String state, Position q7) {
        return reply(c, state, q7);
    }

    private ReplyReceipt reply(Consultation consultation, String state, Position q7) {
        return intake.submit(consultation.id(), new ReplySubmission(state, Map.of("Q7/17", q7), null, null), ReplySource.now(Channel.API, "test"));
    }

    private List<Long> dueIn(Consultation consultation) {
        return jdbc.sql("select reply_version_id from acknowledgement_due where consultation_id = :id order by reply_version_id")
                .param("id", consultation.id()).query(Long.class).list();
    }

    /** The consultation's acknowledgements in the outbox, each as "recipient reference". */
    private List<String> acknowledgements(Consultation consultation) {
        return jdbc.sql("select recipient, reference from notice where consultation_id = :id and kind = 'ACKNOWLEDGEMENT'")
                .param("id", consultation.id()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    private List<String> to(String state, String version) {
        return memberStates.find(state).orElseThrow().emails().stream().map(address -> address + " " + version).toList();
    }
}
