package org.itu.tsb.reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        byMemberState(replies.all(consultationId)).values()
                .forEach(versions -> CountedReply.of(versions, consultation.deadline(), consultation.announcedAt()).ifPresent(counted::add));
        return counted;
    }

    private List<MemberStateReplies> group(Consultation consultation, List<ReplyVersion> all) {
        List<MemberStateReplies> result = new ArrayList<>();
        byMemberState(all).forEach((code, versions) -> {
            Optional<ReplyVersion> counted = CountedReply.of(versions, consultation.deadline(), consultation.announcedAt());
            ReplyVersion current = counted.orElseGet(() -> CountedReply.current(versions, consultation.deadline(), consultation.announcedAt()));
            result.add(new MemberStateReplies(code, memberStates.nameOf(code), current, counted.isPresent(), List.copyOf(versions)));
        });
        return result;
    }

    /** Versions grouped by Member State, in the order given. */
    private static Map<String, List<ReplyVersion>> byMemberState(List<ReplyVersion> all) {
        Map<String, List<ReplyVersion>> byState = new LinkedHashMap<>();
        for (ReplyVersion v : all) {
            byState.computeIfAbsent(v.memberState(), k -> new ArrayList<>()).add(v);
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
