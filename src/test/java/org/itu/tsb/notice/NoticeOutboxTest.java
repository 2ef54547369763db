package org.itu.tsb.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.notice.NoticeOutbox.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox as the pages read it: one page of a consultation's notices, and the counts, from the database. */
@ApplicationTest
class NoticeOutboxTest {

    private static final Instant NOW = Instant.parse("2026-02-02T09:00:00Z");

    @Autowired NoticeOutbox outbox;
    @Autowired ConsultationService consultations;
    @Autowired TestClock clock;

    @Test
    void aPageOfNoticesIsFilteredAndCutInTheOrderIssuedAndTheCountsAreByStatus() {
        clock.set(NOW); // the context's clock is shared: an earlier test may have left it after this deadline
        long id = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), "outbox-" + System.nanoTime(),
                Instant.parse("2026-04-03T23:59:59.999Z"), "officer").id(); // records the circular to every address
        List<NoticeOutbox.Entry> all = outbox.findByConsultation(id);
        outbox.claim(List.of(all.get(3).id(), all.get(5).id(), all.get(7).id()), NOW);
        outbox.markSent(List.of(all.get(5).id()), NOW);
        outbox.markFailed(List.of(all.get(3).id(), all.get(7).id()), "550 mailbox unavailable");

        assertThat(outbox.find(id, null, Set.of(), 10, 5)).extracting(NoticeOutbox.Line::id)
                .containsExactlyElementsOf(all.subList(10, 15).stream().map(NoticeOutbox.Entry::id).toList());
        assertThat(outbox.find(id, NoticeKind.CIRCULAR, NoticeOutbox.UNDELIVERED, 0, 1000)).hasSize(all.size() - 1);
        assertThat(outbox.find(id, NoticeKind.CIRCULAR, Set.of(Status.FAILED), 1, 10)).singleElement()
                .satisfies(line -> {
                    assertThat(line.id()).isEqualTo(all.get(7).id());
                    assertThat(line.lastError()).isEqualTo("550 mailbox unavailable");
                    assertThat(line.attempts()).isOne();
                });
        assertThat(outbox.find(id, NoticeKind.REMINDER, null, 0, 10)).isEmpty();

        assertThat(outbox.countByStatus(id)).isEqualTo(new NoticeOutbox.Counts(all.size() - 3, 0, 1, 2));
        assertThat(outbox.countByStatus(id).undelivered()).isEqualTo(all.size() - 1);
        assertThat(outbox.countByStatus(id, NoticeKind.TO_DIRECTOR).total()).isZero();

        // one query for every kind: the same counts as kind by kind, and the kinds with no notice left out
        consultations.changeDeadline(id, Instant.parse("2026-04-10T23:59:59.999Z"), "More time for the Member States.", "officer");
        Map<NoticeKind, NoticeOutbox.Counts> byKind = outbox.countByKindAndStatus(id);
        assertThat(byKind).containsOnlyKeys(NoticeKind.CIRCULAR, NoticeKind.DEADLINE_CHANGED);
        assertThat(byKind.get(NoticeKind.CIRCULAR)).isEqualTo(new NoticeOutbox.Counts(all.size() - 3, 0, 1, 2));
        assertThat(byKind.get(NoticeKind.DEADLINE_CHANGED)).isEqualTo(outbox.countByStatus(id, NoticeKind.DEADLINE_CHANGED));
        assertThat(byKind.get(NoticeKind.DEADLINE_CHANGED).total()).isPositive();
        assertThat(byKind.get(NoticeKind.CIRCULAR).plus(byKind.get(NoticeKind.DEADLINE_CHANGED))).isEqualTo(outbox.countByStatus(id));
        assertThat(all.get(0).messageId()).isEqualTo("<notice-" + all.get(0).id() + "@consultation-workflow>");
    }
}
