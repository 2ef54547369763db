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

    /** The version that counts for each Member State that replied by the deadline, by Member State code. */
    @Transactional(readOnly = true)
    public List<ReplyVersion> counted(long consultationId) {
        return countedOf(consultations.get(consultationId), replies.all(consultationId), ReplyVersion::memberState);
    }

    /**
     * The positions of the version that counts for each Member State that replied by the deadline: what the tally
     * counts. Reads the versions' headers and positions, not their comments and reasons.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Position>> countedPositions(Consultation consultation) {
        List<ReplyHeader> counted = countedOf(consultation, replies.headers(consultation.id()), ReplyHeader::memberState);
        Map<Long, Map<String, Position>> positions = replies.positionsOf(consultation.id());
        return counted.stream().map(v -> Map.copyOf(positions.getOrDefault(v.id(), Map.of()))).toList();
    }

    /** Of these versions (full or headers alike), the one that counts for each Member State that has one. */
    private static <V extends ReceivedVersion> List<V> countedOf(Consultation consultation, List<V> all,
                                                                Function<V, String> memberState) {
        List<V> counted = new ArrayList<>();
        byMemberState(all, memberState).values()
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

    /** What a consultation's page shows of its replies: a {@link Summary} per Member State that replied, and the progress. */
    public record Overview(List<Summary> summaries, ReplyProgress progress) {}

    /**
     * A line per Member State that replied, in the order of their names, and the progress, from one read of the
     * versions. Reads every version's header and positions, and no comments or reasons: thousands of versions make a
     * light list.
     */
    @Transactional(readOnly = true)
    public Overview overview(Consultation consultation) {
        Instant deadline = consultation.deadline();
        Instant announcedAt = consultation.announcedAt();
        List<ReplyHeader> headers = replies.headers(consultation.id());
        Map<String, List<ReplyHeader>> byState = byMemberState(headers, ReplyHeader::memberState);
        Map<String, ReplyHeader> current = new LinkedHashMap<>();
        Map<String, Boolean> counted = new HashMap<>();
        byState.forEach((code, versions) -> {
            Optional<ReplyHeader> counting = CountedReply.of(versions, deadline, announcedAt);
            counted.put(code, counting.isPresent());
            current.put(code, counting.orElseGet(() -> CountedReply.current(versions, deadline, announcedAt)));
        });
        Map<Long, Map<String, Position>> positions = replies.positionsOf(consultation.id());
        List<Summary> result = new ArrayList<>();
        byState.forEach((code, versions) -> {
            ReplyHeader v = current.get(code);
            result.add(new Summary(code, memberStates.nameOf(code), v, Map.copyOf(positions.getOrDefault(v.id(), Map.of())),
                    counted.get(code), versions.size(), versions.stream().anyMatch(ReplyHeader::late),
                    versions.stream().anyMatch(h -> !h.late() && !CountedReply.counts(h, deadline, announcedAt))));
        });
        result.sort(Comparator.comparing(Summary::name, MemberStateRegistry.NAME_ORDER));
        List<ReplyRepository.Receipt> receipts = headers.stream()
                .map(h -> new ReplyRepository.Receipt(h.memberState(), h.receivedAt(), h.recordedAt())).toList();
        return new Overview(result, progress(consultation, receipts));
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
        return progress(consultation, replies.receipts(consultation.id()));
    }

    /** The progress of each of these consultations, by id, from one read of every version's two times. */
    @Transactional(readOnly = true)
    public Map<Long, ReplyProgress> progress(List<Consultation> consultations) {
        Map<Long, List<ReplyRepository.Receipt>> receipts = replies.receiptsByConsultation();
        Map<Long, ReplyProgress> progress = new HashMap<>();
        consultations.forEach(c -> progress.put(c.id(), progress(c, receipts.getOrDefault(c.id(), List.of()))));
        return progress;
    }

    private ReplyProgress progress(Consultation consultation, List<ReplyRepository.Receipt> receipts) {
        return ReplyProgress.of(receipts, consultation.deadline(), consultation.announcedAt(), memberStates.size());
    }
}
