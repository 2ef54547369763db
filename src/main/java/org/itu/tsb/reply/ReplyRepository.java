package org.itu.tsb.reply;

import static org.itu.tsb.consultation.ConsultationRepository.instant;
import static org.itu.tsb.consultation.ConsultationRepository.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itu.tsb.tally.Position;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Append-only storage of reply versions: the application inserts and reads, it never updates or deletes. */
@Repository
public class ReplyRepository {

    private static final String COLUMNS = """
            v.id, v.consultation_id, v.member_state, v.comments, v.reasons, v.received_at, v.recorded_at,
            v.recorded_by, v.channel, v.late, v.content_hash""";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("consultation_id"),
            rs.getString("member_state"), rs.getString("comments"), rs.getString("reasons"), instant(rs, "received_at"),
            instant(rs, "recorded_at"), rs.getString("recorded_by"), Channel.valueOf(rs.getString("channel")),
            rs.getBoolean("late"), rs.getString("content_hash"));

    private final JdbcClient jdbc;

    public ReplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ReplyVersion reply) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into reply_version (consultation_id, member_state, comments, reasons, received_at,
                                                   recorded_at, recorded_by, channel, late, content_hash)
                        values (:consultationId, :memberState, :comments, :reasons, :receivedAt,
                                :recordedAt, :recordedBy, :channel, :late, :contentHash)""")
                .param("consultationId", reply.consultationId())
                .param("memberState", reply.memberState())
                .param("comments", reply.comments())
                .param("reasons", reply.reasons())
                .param("receivedAt", utc(reply.receivedAt()))
                .param("recordedAt", utc(reply.recordedAt()))
                .param("recordedBy", reply.recordedBy())
                .param("channel", reply.channel().name())
                .param("late", reply.late())
                .param("contentHash", reply.contentHash())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        reply.positions().forEach((question, position) -> jdbc.sql("""
                        insert into reply_position (reply_version_id, question_number, position)
                        values (:id, :question, :position)""")
                .param("id", id).param("question", question).param("position", position.name())
                .update());
        return id;
    }

    /**
     * The reply that counts for each Member State: its latest version received at or before the deadline
     * (ties on the received instant go to the version recorded last).
     */
    public List<ReplyVersion> counted(long consultationId, Instant deadline) {
        return withPositions(jdbc.sql("select " + COLUMNS + """
                         from reply_version v
                        where v.consultation_id = :id and v.received_at <= :deadline
                          and not exists (select 1 from reply_version w
                                           where w.consultation_id = v.consultation_id
                                             and w.member_state = v.member_state
                                             and w.received_at <= :deadline
                                             and (w.received_at > v.received_at or (w.received_at = v.received_at and w.id > v.id)))
                        order by v.member_state""")
                .param("id", consultationId)
                .param("deadline", utc(deadline))
                .query(ROW)
                .list());
    }

    /** Every version received after the deadline, oldest first. */
    public List<ReplyVersion> late(long consultationId) {
        return withPositions(jdbc.sql("select " + COLUMNS + " from reply_version v where v.consultation_id = :id and v.late order by v.received_at, v.id")
                .param("id", consultationId)
                .query(ROW)
                .list());
    }

    private List<ReplyVersion> withPositions(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Position>> positions = new HashMap<>();
        jdbc.sql("select reply_version_id, question_number, position from reply_position where reply_version_id in (:ids)")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> positions.computeIfAbsent(rs.getLong("reply_version_id"), k -> new HashMap<>())
                        .put(rs.getString("question_number"), Position.valueOf(rs.getString("position"))))
                .list();
        List<ReplyVersion> versions = new ArrayList<>(rows.size());
        for (Row r : rows) {
            versions.add(new ReplyVersion(r.id, r.consultationId, r.memberState, positions.getOrDefault(r.id, Map.of()),
                    r.comments, r.reasons, r.receivedAt, r.recordedAt, r.recordedBy, r.channel, r.late, r.contentHash));
        }
        return versions;
    }

    private record Row(long id, long consultationId, String memberState, String comments, String reasons, Instant receivedAt,
                       Instant recordedAt, String recordedBy, Channel channel, boolean late, String contentHash) {
    }
}
