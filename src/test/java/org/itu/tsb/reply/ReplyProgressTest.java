package org.itu.tsb.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the replies count says: each Member State once, in exactly one of counted, only late, entered after the announcement. */
class ReplyProgressTest {

    private static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");
    private static final Instant ANNOUNCED = Instant.parse("2026-04-07T10:00:00Z");

    private static ReplyRepository.Receipt received(String state, Instant at) {
        return new ReplyRepository.Receipt(state, at, at);
    }

    private static ReplyRepository.Receipt faxEntered(String state, Instant receivedAt, Instant recordedAt) {
        return new ReplyRepository.Receipt(state, receivedAt, recordedAt);
    }

    private static ReplyProgress progress(Instant announcedAt, ReplyRepository.Receipt... receipts) {
        return ReplyProgress.of(List.of(receipts), DEADLINE, announcedAt, 194);
    }

    @Test
    void noReplyYet() {
        assertThat(progress(null)).isEqualTo(new ReplyProgress(0, 0, 0, 0, 0, 194));
    }

    @Test
    void aReplyAtTheDeadlineInstantCountsAndOneAMillisecondLaterIsOnlyLate() {
        assertThat(progress(null, received("CHE", DEADLINE), received("FRA", DEADLINE.plusMillis(1))))
                .isEqualTo(new ReplyProgress(2, 1, 1, 0, 0, 194));
    }

    @Test
    void revisionsByTheDeadlineAreOneStateCountedOnce() {
        assertThat(progress(null, received("CHE", DEADLINE.minusSeconds(7200)), received("CHE", DEADLINE.minusMillis(1))))
                .isEqualTo(new ReplyProgress(1, 1, 0, 0, 0, 194));
    }

    @Test
    void aStateWithAnOnTimeReplyAndALaterLateOneIsCountedOnceAndSaidToHaveSentOneTooLate() {
        ReplyProgress p = progress(null, received("CHE", DEADLINE.minusSeconds(60)), received("CHE", DEADLINE.plusSeconds(60)));

        assertThat(p).isEqualTo(new ReplyProgress(1, 1, 0, 0, 1, 194));
        assertThat(p.anyNotCounted()).isTrue();
    }

    /** The reported bug: 6 States replied, 5 on time and 1 late, shown as "5 of 194 Member States replied (1 late)". */
    @Test
    void fiveOnTimeAndOneLateAreSixThatReplied() {
        List<ReplyRepository.Receipt> receipts = new ArrayList<>();
        for (String state : List.of("ARG", "CHE", "FRA", "GHA", "MEX")) {
            receipts.add(received(state, DEADLINE.minusSeconds(3600)));
        }
        receipts.add(received("USA", DEADLINE.plusSeconds(3600)));

        ReplyProgress p = ReplyProgress.of(receipts, DEADLINE, null, 194);

        assertThat(p).isEqualTo(new ReplyProgress(6, 5, 1, 0, 0, 194));
        assertThat(p.replied()).isEqualTo(p.counted() + p.lateOnly() + p.enteredAfterAnnouncement());
    }

    @Test
    void aFaxReceivedByTheDeadlineButEnteredAfterTheAnnouncementDoesNotCountAndIsNotLate() {
        ReplyProgress p = progress(ANNOUNCED, faxEntered("GHA", DEADLINE.minusSeconds(600), ANNOUNCED.plusSeconds(60)));

        assertThat(p).isEqualTo(new ReplyProgress(1, 0, 0, 1, 0, 194));
    }

    @Test
    void aFaxEnteredAtTheAnnouncementInstantStillCounts() {
        assertThat(progress(ANNOUNCED, faxEntered("GHA", DEADLINE.minusSeconds(600), ANNOUNCED)))
                .isEqualTo(new ReplyProgress(1, 1, 0, 0, 0, 194));
    }

    @Test
    void aCountedStateWhoseCorrectionWasEnteredAfterTheAnnouncementKeepsItsCountedReply() {
        ReplyProgress p = progress(ANNOUNCED, received("GHA", DEADLINE.minusSeconds(86_400)),
                faxEntered("GHA", DEADLINE.minusSeconds(600), ANNOUNCED.plusSeconds(60)));

        assertThat(p).isEqualTo(new ReplyProgress(1, 1, 0, 0, 1, 194));
    }

    @Test
    void aStateWithALateReplyAndAnOnTimeFaxEnteredAfterTheAnnouncementIsEnteredAfterTheAnnouncement() {
        assertThat(progress(ANNOUNCED, received("GHA", DEADLINE.plusSeconds(60)),
                faxEntered("GHA", DEADLINE.minusSeconds(600), ANNOUNCED.plusSeconds(60))))
                .isEqualTo(new ReplyProgress(1, 0, 0, 1, 0, 194));
    }
}
