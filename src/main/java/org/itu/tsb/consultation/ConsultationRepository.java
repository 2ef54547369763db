package org.itu.tsb.consultation;

import static org.itu.tsb.kernel.UtcTime.column;
import static org.itu.tsb.kernel.UtcTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ConsultationRepository {

    private static final String SELECT = """
            select c.id, c.circular, c.study_group, c.adopted_by, c.meeting, c.circular_number, c.deadline,
                   c.opened_at, c.created_at, c.created_by, c.opened_by, c.announced_at, c.announced_by,
                   exists(select 1 from decision d where d.consultation_id = c.id) as tallied
            from consultation c
            """;

    private final JdbcClient jdbc;

    public ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewConsultation consultation, Instant createdAt, String createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into consultation (circular, study_group, adopted_by, meeting, created_at, created_by)
                        values (:circular, :studyGroup, :adoptedBy, :meeting, :createdAt, :createdBy)""")
                .param("circular", consultation.circular())
                .param("studyGroup", consultation.studyGroup())
                .param("adoptedBy", consultation.adoptedBy())
                .param("meeting", consultation.meeting())
                .param("createdAt", column(createdAt))
                .param("createdBy", createdBy)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int seq = 0;
        for (Question q : consultation.questions()) {
            jdbc.sql("""
                            insert into question (consultation_id, seq, number, title, kind, text)
                            values (:id, :seq, :number, :title, :kind, :text)""")
                    .param("id", id).param("seq", seq++)
                    .param("number", q.number()).param("title", q.title()).param("kind", q.kind().name()).param("text", q.text())
                    .update();
        }
        return id;
    }

    public Optional<Consultation> find(long id) {
        List<Question> questions = questionsOf("where consultation_id = :id", Map.of("id", id)).getOrDefault(id, List.of());
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id)
                .query((rs, n) -> map(rs, questions))
                .optional();
    }

    public List<Consultation> findAll() {
        Map<Long, List<Question>> questions = questionsOf("", Map.of());
        return jdbc.sql(SELECT + " order by c.id")
                .query((rs, n) -> map(rs, questions.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** Locks the consultation row until the transaction ends (the tally, and a reply that finds no slot to lock). */
    public boolean lock(long id) {
        return jdbc.sql("select id from consultation where id = :id for update").param("id", id)
                .query(Long.class).optional().isPresent();
    }

    public void recordOpening(long id, String circularNumber, Instant deadline, Instant openedAt, String openedBy) {
        jdbc.sql("""
                        update consultation set circular_number = :circularNumber, deadline = :deadline, opened_at = :openedAt,
                                                opened_by = :openedBy
                        where id = :id""")
                .param("openedBy", openedBy)
                .param("circularNumber", circularNumber)
                .param("deadline", column(deadline))
                .param("openedAt", column(openedAt))
                .param("id", id)
                .update();
    }

    /** The new deadline, and the change kept beside it (old and new deadline, reason, officer, when). */
    public void recordDeadlineChange(DeadlineChange change) {
        jdbc.sql("update consultation set deadline = :deadline where id = :id")
                .param("deadline", column(change.newDeadline())).param("id", change.consultationId()).update();
        jdbc.sql("""
                        insert into deadline_change (consultation_id, old_deadline, new_deadline, reason, changed_by, changed_at)
                        values (:id, :oldDeadline, :newDeadline, :reason, :changedBy, :changedAt)""")
                .param("id", change.consultationId())
                .param("oldDeadline", column(change.oldDeadline()))
                .param("newDeadline", column(change.newDeadline()))
                .param("reason", change.reason())
                .param("changedBy", change.changedBy())
                .param("changedAt", column(change.changedAt()))
                .update();
    }

    /** Every change of the consultation's deadline, oldest first. */
    public List<DeadlineChange> deadlineChanges(long id) {
        return jdbc.sql("""
                        select old_deadline, new_deadline, reason, changed_by, changed_at from deadline_change
                         where consultation_id = :id order by id""")
                .param("id", id)
                .query((rs, n) -> new DeadlineChange(id, n + 1, instant(rs, "old_deadline"), instant(rs, "new_deadline"),
                        rs.getString("reason"), rs.getString("changed_by"), instant(rs, "changed_at")))
                .list();
    }

    /** The deadline timer tallied the replies at {@code at}; a re-tally during the review keeps the first time. */
    public void recordTally(long id, Instant at) {
        jdbc.sql("update consultation set tallied_at = :at where id = :id and tallied_at is null")
                .param("at", column(at)).param("id", id).update();
    }

    /** When the replies were first tallied, if they were. */
    public Optional<Instant> talliedAt(long id) {
        return jdbc.sql("select tallied_at from consultation where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(instant(rs, "tallied_at"))).optional().flatMap(t -> t);
    }

    /** The officer confirmed the tally: the decisions are final from {@code at}. False if it was announced already. */
    public boolean recordAnnouncement(long id, Instant at, String officer) {
        return jdbc.sql("update consultation set announced_at = :at, announced_by = :officer where id = :id and announced_at is null")
                .param("at", column(at)).param("officer", officer).param("id", id).update() == 1;
    }

    /** The consultation that already uses this circular number, if any. */
    public Optional<Long> findByCircularNumber(String circularNumber) {
        return jdbc.sql("select id from consultation where circular_number = :number order by id").param("number", circularNumber)
                .query(Long.class).list().stream().findFirst();
    }

    /** The Questions of the consultations the {@code where} clause selects, by consultation, in their order. */
    private Map<Long, List<Question>> questionsOf(String where, Map<String, ?> params) {
        Map<Long, List<Question>> byConsultation = new LinkedHashMap<>();
        jdbc.sql("select consultation_id, number, title, kind, text from question " + where + " order by consultation_id, seq")
                .params(params)
                .query((rs, n) -> byConsultation.computeIfAbsent(rs.getLong("consultation_id"), k -> new ArrayList<>())
                        .add(new Question(rs.getString("number"), rs.getString("title"), QuestionKind.valueOf(rs.getString("kind")),
                                rs.getString("text"))))
                .list();
        return byConsultation;
    }

    private static Consultation map(ResultSet rs, List<Question> questions) throws SQLException {
        return new Consultation(
                rs.getLong("id"),
                rs.getString("circular"),
                rs.getString("study_group"),
                rs.getString("adopted_by"),
                rs.getString("meeting"),
                questions,
                rs.getString("circular_number"),
                instant(rs, "deadline"),
                instant(rs, "opened_at"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                rs.getString("opened_by"),
                rs.getBoolean("tallied"),
                instant(rs, "announced_at"),
                rs.getString("announced_by"));
    }
}
