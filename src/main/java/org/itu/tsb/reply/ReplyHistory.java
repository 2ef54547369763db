package org.itu.tsb.reply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.memberstate.MemberState;
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
     * One Member State's replies. {@code current} is the version that counts (the latest received on time) or,
     * if every version came late, the latest late one; {@code counted} says which.
     */
    public record MemberStateReplies(String memberState, String name, ReplyVersion current, boolean counted,
                                     List<ReplyVersion> versions) {}

    public record Progress(int received, int late, int memberStates) {}

    @Transactional(readOnly = true)
    public List<MemberStateReplies> of(long consultationId) {
        return group(consultations.get(consultationId), replies.all(consultationId));
    }

    /** One Member State's replies, if it replied. */
    @Transactional(readOnly = true)
    public Optional<MemberStateReplies> of(long consultationId, String memberState) {
        return group(consultations.get(consultationId), replies.all(consultationId, memberState)).stream().findFirst();
    }

    private List<MemberStateReplies> group(Consultation consultation, List<ReplyVersion> all) {
        Map<String, List<ReplyVersion>> byState = new LinkedHashMap<>();
        for (ReplyVersion v : all) {
            byState.computeIfAbsent(v.memberState(), k -> new ArrayList<>()).add(v);
        }
        List<MemberStateReplies> result = new ArrayList<>();
        byState.forEach((code, versions) -> {
            ReplyVersion current = current(versions);
            String name = memberStates.find(code).map(MemberState::name).orElse(code);
            result.add(new MemberStateReplies(code, name, current, !current.late() && consultation.isOpened(), List.copyOf(versions)));
        });
        return result;
    }

    public Progress progress(long consultationId) {
        ReplyRepository.Progress p = replies.progress(consultationId);
        return new Progress(p.onTime(), p.late(), memberStates.size());
    }

    /** The same choice as the tally's: latest received on time, ties to the one recorded last. */
    private static ReplyVersion current(List<ReplyVersion> versions) {
        Comparator<ReplyVersion> latest = Comparator.comparing(ReplyVersion::receivedAt).thenComparingLong(ReplyVersion::id);
        return versions.stream().filter(v -> !v.late()).max(latest)
                .orElseGet(() -> versions.stream().max(latest).orElseThrow());
    }
}
