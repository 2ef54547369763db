package org.itu.tsb.notice;

import static org.itu.tsb.kernel.UtcTime.column;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every notice the procedure issued, and whether it has been handed to the mail server yet. */
@Repository
public class NoticeOutbox {

    public enum Status { PENDING, SENT }

    public record Entry(long id, Notice notice, Status status) {}

    private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(rs.getLong("id"), new Notice(rs.getLong("consultation_id"),
            NoticeKind.valueOf(rs.getString("kind")), rs.getString("question_number"), rs.getString("recipient"),
            rs.getString("subject"), rs.getString("body")), Status.valueOf(rs.getString("status")));

    private final JdbcClient jdbc;

    public NoticeOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the notice unless it was already recorded (a retried job); returns the stored entry either way. */
    public Entry record(Notice notice, Instant now) {
        Optional<Entry> recorded = find(notice);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into notice (consultation_id, kind, question_number, recipient, subject, body, status, created_at)
                        values (:consultationId, :kind, :question, :recipient, :subject, :body, 'PENDING', :now)""")
                .param("consultationId", notice.consultationId())
                .param("kind", notice.kind().name())
                .param("question", notice.questionNumber())
                .param("recipient", notice.recipient())
                .param("subject", notice.subject())
                .param("body", notice.body())
                .param("now", column(now))
                .update(keys, "id");
        return new Entry(keys.getKey().longValue(), notice, Status.PENDING);
    }

    public void markSent(long id, Instant now) {
        jdbc.sql("update notice set status = 'SENT', sent_at = :now where id = :id").param("now", column(now)).param("id", id).update();
    }

    /** Notices recorded while no mail server was configured, oldest first. */
    public List<Entry> pending(int limit) {
        return jdbc.sql("select * from notice where status = 'PENDING' order by id fetch first :limit rows only")
                .param("limit", limit)
                .query(ENTRY)
                .list();
    }

    public List<Entry> findByConsultation(long consultationId) {
        return jdbc.sql("select * from notice where consultation_id = :id order by id").param("id", consultationId)
                .query(ENTRY)
                .list();
    }

    private Optional<Entry> find(Notice notice) {
        return jdbc.sql("""
                        select id, status from notice
                         where consultation_id = :consultationId and kind = :kind and question_number = :question and recipient = :recipient""")
                .param("consultationId", notice.consultationId())
                .param("kind", notice.kind().name())
                .param("question", notice.questionNumber())
                .param("recipient", notice.recipient())
                .query((rs, n) -> new Entry(rs.getLong("id"), notice, Status.valueOf(rs.getString("status"))))
                .optional();
    }
}
