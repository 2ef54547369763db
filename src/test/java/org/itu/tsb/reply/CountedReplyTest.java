package org.itu.tsb.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins down which reply version counts: the latest received by the deadline, ties broken by the one recorded last. */
class CountedReplyTest {

    private static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");

    private static ReplyVersion version(long id, String receivedAt) {
        return new ReplyVersion(id, 1, "FRA", (int) id, Map.of("Q7/17", Position.SUPPORTS), null, null,
                Instant.parse(receivedAt), Instant.parse("2026-04-10T09:00:00Z").plusSeconds(id), "tsb-officer", Channel.FAX,
                Instant.parse(receivedAt).isAfter(DEADLINE), "hash" + id, null);
    }

    @Test
    void theLatestVersionReceivedByTheDeadlineCountsEvenIfRecordedEarlier() {
        ReplyVersion online = version(1, "2026-04-02T10:00:00Z");
        ReplyVersion faxReceivedEarlierButEnteredLater = version(2, "2026-04-01T08:00:00Z");

        assertThat(CountedReply.of(List.of(online, faxReceivedEarlierButEnteredLater), DEADLINE, null)).containsSame(online);
    }

    @Test
    void aVersionReceivedAtTheDeadlineInstantCounts() {
        ReplyVersion first = version(1, "2026-04-01T10:00:00Z");
        ReplyVersion atDeadline = version(2, "2026-04-03T23:59:59.999Z");

        assertThat(CountedReply.of(List.of(first, atDeadline), DEADLINE, null)).containsSame(atDeadline);
    }

    @Test
    void aVersionReceivedOneMillisecondAfterTheDeadlineDoesNotCount() {
        ReplyVersion first = version(1, "2026-04-01T10:00:00Z");
        ReplyVersion late = version(2, "2026-04-04T00:00:00Z");

        assertThat(CountedReply.of(List.of(first, late), DEADLINE, null)).containsSame(first);
        assertThat(CountedReply.current(List.of(first, late), DEADLINE, null)).isSameAs(first);
    }

    @Test
    void ofTwoVersionsReceivedAtTheSameInstantTheOneRecordedLastCounts() {
        ReplyVersion recordedFirst = version(7, "2026-04-02T10:00:00Z");
        ReplyVersion recordedLast = version(8, "2026-04-02T10:00:00Z");

        assertThat(CountedReply.of(List.of(recordedLast, recordedFirst), DEADLINE, null)).containsSame(recordedLast);
        assertThat(CountedReply.of(List.of(recordedFirst, recordedLast), DEADLINE, null)).containsSame(recordedLast);
    }

    @Test
    void whenEveryVersionCameLateNoneCountsAndTheLatestIsShown() {
        ReplyVersion late = version(1, "2026-04-05T10:00:00Z");
        ReplyVersion later = version(2, "2026-04-06T10:00:00Z");

        assertThat(CountedReply.of(List.of(later, late), DEADLINE, null)).isEmpty();
        assertThat(CountedReply.current(List.of(later, late), DEADLINE, null)).isSameAs(later);
    }

    @Test
    void theCurrentVersionIsTheOneThatCountsNotALaterLateOne() {
        ReplyVersion inTime = version(1, "2026-04-02T10:00:00Z");
        ReplyVersion late = version(2, "2026-04-05T10:00:00Z");

        assertThat(CountedReply.current(List.of(inTime, late), DEADLINE, null)).isSameAs(inTime);
    }

    @Test
    void withoutADeadlineNoVersionCounts() {
        assertThat(CountedReply.of(List.of(version(1, "2026-04-02T10:00:00Z")), null, null)).isEmpty();
    }

    @Test
    void withoutVersionsNothingCounts() {
        assertThat(CountedReply.of(List.of(), DEADLINE, null)).isEmpty();
    }

    @Test
    void aReplyReceivedOnTimeCountsIfEnteredBeforeTheAnnouncementAndNotAfter() {
        ReplyVersion online = version(1, "2026-04-01T10:00:00Z");   // recorded 2026-04-10T09:00:01Z
        ReplyVersion fax = version(2, "2026-04-03T23:50:00Z");      // received on time, recorded 2026-04-10T09:00:02Z
        Instant recordedFax = fax.recordedAt();

        assertThat(CountedReply.of(List.of(online, fax), DEADLINE, null)).as("not announced yet").containsSame(fax);
        assertThat(CountedReply.of(List.of(online, fax), DEADLINE, recordedFax)).as("entered at the announcement").containsSame(fax);
        assertThat(CountedReply.of(List.of(online, fax), DEADLINE, recordedFax.minusMillis(1)))
                .as("entered after the announcement: what was announced stands").containsSame(online);
        assertThat(CountedReply.counts(fax, DEADLINE, recordedFax.minusMillis(1))).isFalse();
        assertThat(CountedReply.current(List.of(fax), DEADLINE, recordedFax.minusMillis(1))).isSameAs(fax);
    }
}
