package org.itu.tsb.reply;

import java.util.List;
import org.itu.tsb.consultation.ConsultationOpened;
import org.itu.tsb.consultation.ConsultationRepository;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The locking protocol between replies and the tally (see {@code V3__reply_slot.sql}): one row per consultation and
 * Member State. A reply locks its own Member State's row, so Member States never wait for each other; the tally
 * locks the consultation and then every row, so it waits for the replies being stored at the deadline, and every
 * reply after it is received after the deadline.
 */
@Component
public class ReplySlots {

    private final JdbcClient jdbc;
    private final ConsultationRepository consultations;
    private final MemberStateRegistry memberStates;

    ReplySlots(JdbcClient jdbc, ConsultationRepository consultations, MemberStateRegistry memberStates) {
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.memberStates = memberStates;
    }

    /** One slot per Member State of the registry, in the transaction that opens the consultation. */
    @EventListener
    void open(ConsultationOpened opened) {
        open(opened.consultationId(), memberStates.all().stream().map(MemberState::code).toList());
    }

    /**
     * Locks the Member State's slot until the transaction ends. A consultation not yet open, or a Member State added
     * to the registry after opening, has no slot: then the consultation row is locked (as the tally does first) and
     * the slot created if the consultation is open.
     */
    void lock(long consultationId, String memberState) {
        if (lockSlot(consultationId, memberState)) {
            return;
        }
        consultations.lock(consultationId);
        boolean opened = consultations.find(consultationId).map(c -> c.isOpened()).orElse(false);
        if (opened && !lockSlot(consultationId, memberState)) {
            open(consultationId, List.of(memberState));
            lockSlot(consultationId, memberState);
        }
    }

    /** Locks the consultation, then every slot in a fixed order, until the transaction ends: the tally's side. */
    public void lockAll(long consultationId) {
        consultations.lock(consultationId);
        jdbc.sql("select member_state from reply_slot where consultation_id = :id order by member_state for update")
                .param("id", consultationId).query(String.class).list();
    }

    private void open(long consultationId, Iterable<String> codes) {
        for (String code : codes) {
            jdbc.sql("insert into reply_slot (consultation_id, member_state) values (:id, :code)")
                    .param("id", consultationId).param("code", code).update();
        }
    }

    private boolean lockSlot(long consultationId, String memberState) {
        return !jdbc.sql("select member_state from reply_slot where consultation_id = :id and member_state = :code for update")
                .param("id", consultationId).param("code", memberState).query(String.class).list().isEmpty();
    }
}
