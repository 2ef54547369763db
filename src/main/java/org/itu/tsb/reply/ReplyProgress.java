package org.itu.tsb.reply;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many Member States replied, each State once, and what of it counts ({@link CountedReply} decides):
 * {@code replied = counted + lateOnly + enteredAfterAnnouncement}.
 *
 * @param replied                  States with at least one reply version
 * @param counted                  States with a version that counts: received by the deadline (and, once announced,
 *                                 recorded before the announcement)
 * @param lateOnly                 States whose every version was received after the deadline
 * @param enteredAfterAnnouncement States with no version that counts, although one was received by the deadline: it was
 *                                 entered after the result was announced
 * @param countedAlsoTooLate       of the {@code counted} States, those that also sent a version too late to count
 *                                 (received after the deadline, or entered after the announcement); their counted
 *                                 version stands
 * @param memberStates             the Member States consulted
 */
public record ReplyProgress(int replied, int counted, int lateOnly, int enteredAfterAnnouncement, int countedAlsoTooLate,
                            int memberStates) {

    /** Whether some State's reply, or part of it, does not count: the pages then say so, State by State. */
    public boolean anyNotCounted() {
        return replied > counted || countedAlsoTooLate > 0;
    }

    public static ReplyProgress of(Collection<ReplyRepository.Receipt> receipts, Instant deadline, Instant announcedAt, int memberStates) {
        Map<String, Boolean> anyCounts = new HashMap<>();
        Set<String> someTooLate = new HashSet<>();
        Set<String> someByTheDeadline = new HashSet<>();
        for (ReplyRepository.Receipt r : receipts) {
            boolean counts = CountedReply.counts(r.receivedAt(), r.recordedAt(), deadline, announcedAt);
            anyCounts.merge(r.memberState(), counts, Boolean::logicalOr);
            if (!counts) {
                someTooLate.add(r.memberState());
            }
            if (deadline == null || !r.receivedAt().isAfter(deadline)) {
                someByTheDeadline.add(r.memberState());
            }
        }
        int counted = 0;
        int lateOnly = 0;
        int afterAnnouncement = 0;
        int alsoTooLate = 0;
        for (var state : anyCounts.entrySet()) {
            if (state.getValue()) {
                counted++;
                if (someTooLate.contains(state.getKey())) {
                    alsoTooLate++;
                }
            } else if (someByTheDeadline.contains(state.getKey())) {
                afterAnnouncement++;
            } else {
                lateOnly++;
            }
        }
        return new ReplyProgress(anyCounts.size(), counted, lateOnly, afterAnnouncement, alsoTooLate, memberStates);
    }
}
