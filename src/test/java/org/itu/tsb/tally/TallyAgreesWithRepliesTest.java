package org.itu.tsb.tally;

import org.itu.tsb.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Random reply histories (revisions, faxes entered out of order, versions received at the same instant, late
 * versions): the tally counts exactly what the pages and the API show as each Member State's "current, counted"
 * reply, and both agree with the rule computed here from what was sent.
 */
@ApplicationTest
class TallyAgreesWithRepliesTest {

    private static final Instant OPENED = Instant.parse("2026-02-02T09:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");

    @Autowired ConsultationService consultations;
    @Autowired ReplyIntake intake;
    @Autowired ReplyHistory history;
    @Autowired TallyService tallies;
    @Autowired MemberStateRegistry memberStates;
    @Autowired TestClock clock;

    /** One version as sent: what it says and when TSB received it. */
    private record Sent(String memberState, Map<String, Position> positions, Instant receivedAt, int order) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theTallyCountsWhatThePagesShowAsCounted(long seed) {
        Random random = new Random(seed);
        clock.set(OPENED);
        Consultation c = consultations.adopt(Sg17.adopted(), "officer");
        c = consultations.open(c.id(), "agree-" + seed + "-" + c.id(), DEADLINE, "officer");
        List<Sent> sent = new ArrayList<>();
        List<MemberState> states = memberStates.byName().subList(0, 40);

        // online and API replies as time goes by, some after the deadline (late)
        clock.set(OPENED.plus(Duration.ofDays(1)));
        for (int step = 0; step < 120; step++) {
            clock.advance(Duration.ofHours(random.nextInt(13)));
            MemberState state = states.get(random.nextInt(states.size()));
            Map<String, Position> positions = positions(random, c.questions());
            intake.submit(c.id(), new ReplySubmission(state.code(), positions, null, null), ReplySource.now(Channel.ONLINE, "online"));
            sent.add(new Sent(state.code(), positions, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), sent.size()));
            if (clock.instant().isAfter(DEADLINE.plus(Duration.ofDays(2)))) {
                break;
            }
        }
        // before the tally, faxes received earlier are entered, some at the very deadline, some at the same instant
        clock.set(DEADLINE.plus(Duration.ofDays(3)));
        for (int fax = 0; fax < 40; fax++) {
            MemberState state = states.get(random.nextInt(states.size()));
            Instant receivedAt = switch (random.nextInt(4)) {
                case 0 -> DEADLINE;
                case 1 -> DEADLINE.plusMillis(1);
                case 2 -> OPENED.plus(Duration.ofDays(30));
                default -> OPENED.plus(Duration.ofMinutes(random.nextInt(62 * 24 * 60)));
            };
            Map<String, Position> positions = positions(random, c.questions());
            intake.submit(c.id(), new ReplySubmission(state.code(), positions, "fax " + fax, null),
                    new ReplySource(Channel.FAX, "officer", receivedAt, null));
            sent.add(new Sent(state.code(), positions, receivedAt, sent.size()));
        }

        List<QuestionDecision> decisions = tallies.tally(c.id());

        Map<String, Map<String, Position>> shownAsCounted = new HashMap<>();
        history.of(c.id()).stream().filter(ReplyHistory.MemberStateReplies::counted)
                .forEach(r -> shownAsCounted.put(r.memberState(), r.current().positions()));
        Map<String, Map<String, Position>> expected = expectedCounted(sent);
        assertThat(shownAsCounted).isEqualTo(expected);
        for (QuestionDecision d : decisions) {
            assertThat(d.tally()).as(d.questionNumber()).isEqualTo(Tally.of(d.questionNumber(), expected.values()));
        }
    }

    /** The rule, stated independently: per Member State the latest version received by the deadline, ties to the one sent last. */
    private static Map<String, Map<String, Position>> expectedCounted(List<Sent> sent) {
        Map<String, Sent> latest = new HashMap<>();
        sent.stream().filter(s -> !s.receivedAt().isAfter(DEADLINE))
                .sorted(Comparator.comparing(Sent::receivedAt).thenComparingInt(Sent::order))
                .forEach(s -> latest.put(s.memberState(), s));
        Map<String, Map<String, Position>> counted = new HashMap<>();
        latest.forEach((state, s) -> counted.put(state, s.positions()));
        return counted;
    }

    private static Map<String, Position> positions(Random random, List<Question> questions) {
        Map<String, Position> positions = new HashMap<>();
        for (Question q : questions) {
            int choice = random.nextInt(3);
            if (choice < 2) {
                positions.put(q.number(), Position.values()[choice]);
            }
        }
        return positions;
    }
}
