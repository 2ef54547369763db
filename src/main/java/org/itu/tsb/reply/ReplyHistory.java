package org.itu.tsb.reply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The replies of a consultation as officers read them: per Member State, the current reply and every version. */
@Service
public class ReplyHistory {

    private final ConsultationService consultations;
    private final ReplyRepository replies;
    private final MemberStateRegistry memberStates;

    public ReplyHistory(ConsultationService consultations, ReplyRepository replies, MemberStateRegistry memberStates) {
        this.consultations = consultations;
        this.replies = replies;
        this.memberStates = memberStates;
    }

    /**
     * One Member State's replies. {@code current} is the version that counts or, if every version came late, the
     * latest late one ({@link CountedReply}); {@code counted} says which.
     */
    public record MemberStateReplies(String memberState, String name, ReplyVersion current, boolean counted,
                                     List<ReplyVersion> versions) {}

    @Transactional(readOnly = true)
    public List<MemberStateReplies> of(long consultationId) {
        return group(consultations.get(consultationId), replies.all(consultationId));
    }

    /** One Member State's replies, if it replied. */
    @Transactional(readOnly = true)
    public Optional<MemberStateReplies> of(long consultationId, String memberState) {
        return group(consultations.get(consultationId), replies.all(consultationId, memberState)).stream().findFirst();
    }

    /** The version that counts for each Member State that replied by the deadline, by Member State code: what the tally counts. */
    @Transactional(readOnly = true)
    public List<ReplyVersion> counted(long consultationId) {
        Consultation consultation = consultations.get(consultationId);
        List<ReplyVersion> counted = new ArrayList<>();
        byMemberState(replies.all(consultationId), ReplyVersion::memberState).values()
                .forEach(versions -> CountedReply.of(versions, consultation.deadline(), consultation.announcedAt()).ifPresent(counted::add));
        return counted;
    }

    /**
     * One Member State's line in the list of every reply: its current version (as in {@link MemberStateReplies}) with
     * its positions, how many versions it sent, whether any came after the deadline ({@code late}) and whether any
     * was received in time but entered after the announcement, so not counted ({@code enteredAfterAnnouncement}).
     */
    public record Summary(String memberState, String name, ReplyHeader current, Map<String, Position> positions,
                          boolean counted, int versions, boolean late, boolean enteredAfterAnnouncement) {}

    /**
     * A line per Member State that replied, in the order of their names. Reads every version's header but the
     * positions of the current versions only, and no comments or reasons: thousands of versions make a light list.
     */
    @Transactional(readOnly = true)
    public List<Summary> summaries(long consultationId) {
        Consultation consultation = consultations.get(consultationId);
        Instant deadline = consultation.deadline();
        Instant announcedAt = consultation.announcedAt();
        Map<String, List<ReplyHeader>> byState = byMemberState(replies.headers(consultationId), ReplyHeader::memberState);
        Map<String, ReplyHeader> current = new LinkedHashMap<>();
        Map<String, Boolean> counted = new HashMap<>();
        byState.forEach((code, versions) -> {
            Optional<ReplyHeader> counting = CountedReply.of(versions, deadline, announcedAt);
            counted.put(code, counting.isPresent());
            current.put(code, counting.orElseGet(() -> CountedReply.current(versions, deadline, announcedAt)));
        });
        Map<Long, Map<String, Position>> positions = replies.positions(current.values().stream().map(ReplyHeader::id).toList());
        List<Summary> result = new ArrayList<>();
        byState.forEach((code, versions) -> {
            ReplyHeader v = current.get(code);
            result.add(new Summary(code, memberStates.nameOf(code), v, Map.copyOf(positions.getOrDefault(v.id(), Map.of())),
                    counted.get(code), versions.size(), versions.stream().anyMatch(ReplyHeader::late),
                    versions.stream().anyMatch(h -> !h.late() && !CountedReply.counts(h, deadline, announcedAt))));
        });
        result.sort(Comparator.comparing(Summary::name, MemberStateRegistry.NAME_ORDER));
        return result;
    }

    private List<MemberStateReplies> group(Consultation consultation, List<ReplyVersion> all) {
        List<MemberStateReplies> result = new ArrayList<>();
        byMemberState(all, ReplyVersion::memberState).forEach((code, versions) -> {
            Optional<ReplyVersion> counted = CountedReply.of(versions, consultation.deadline(), consultation.announcedAt());
            ReplyVersion current = counted.orElseGet(() -> CountedReply.current(versions, consultation.deadline(), consultation.announcedAt()));
            result.add(new MemberStateReplies(code, memberStates.nameOf(code), current, counted.isPresent(), List.copyOf(versions)));
        });
        return result;
    }

    /** Versions grouped by Member State, in the order given. */
    private static <V> Map<String, List<V>> byMemberState(List<V> all, Function<V, String> memberState) {
        Map<String, List<V>> byState = new LinkedHashMap<>();
        for (V v : all) {
            byState.computeIfAbsent(memberState.apply(v), k -> new ArrayList<>()).add(v);
        }
        return byState;
    }

    /** How many Member States replied, and what of it counts ({@link ReplyProgress}). */
    @Transactional(readOnly = true)
    public ReplyProgress progress(long consultationId) {
        return progress(consultations.get(consultationId));
    }

    @Transactional(readOnly = true)
    public ReplyProgress progress(Consultation consultation) {
        return ReplyProgress.of(replies.receipts(consultation.id()), consultation.deadline(), consultation.announcedAt(),
                memberStates.size());
    }
}
