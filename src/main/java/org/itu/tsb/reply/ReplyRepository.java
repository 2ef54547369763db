package org.itu.tsb.reply;

import static org.itu.tsb.kernel.UtcTime.column;
import static org.itu.tsb.kernel.UtcTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.itu.tsb.kernel.Attachment;
import org.itu.tsb.reply.Position;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Append-only storage of reply versions: the application inserts and reads, it never updates or deletes. Which
 * version counts is {@link CountedReply}'s to say, not this class's.
 */
@Repository
public class ReplyRepository {

    private static final String SELECT = """
            select v.id, v.consultation_id, v.member_state, v.comments, v.reasons, v.received_at, v.recorded_at,
                   v.recorded_by, v.channel, v.late, v.content_hash,
                   (select count(*) from reply_version n
                     where n.consultation_id = v.consultation_id and n.member_state = v.member_state and n.id <= v.id) as version,
                   a.filename, a.content_type, a.size_bytes, a.sha256
              from reply_version v left join reply_attachment a on a.reply_version_id = v.id
            """;

    private final JdbcClient jdbc;

    public ReplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new version (its id and version number are assigned here) with its positions and attachment. */
    public long insert(ReplyVersion reply, Attachment attachment) {
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
                .param("receivedAt", column(reply.receivedAt()))
                .param("recordedAt", column(reply.recordedAt()))
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
        if (attachment != null) {
            jdbc.sql("""
                            insert into reply_attachment (reply_version_id, filename, content_type, size_bytes, sha256, content)
                            values (:id, :filename, :contentType, :size, :sha256, :content)""")
                    .param("id", id)
                    .param("filename", attachment.filename())
                    .param("contentType", attachment.contentType())
                    .param("size", attachment.size())
                    .param("sha256", ContentHash.of(attachment.content()))
                    .param("content", attachment.content())
                    .update();
        }
        return id;
    }

    /** Every version received after the deadline, oldest first. */
    public List<ReplyVersion> late(long consultationId) {
        return query(SELECT + " where v.consultation_id = :id and v.late order by v.received_at, v.id", Map.of("id", consultationId));
    }

    /** Every version of every Member State, by Member State, in the order recorded. */
    public List<ReplyVersion> all(long consultationId) {
        return query(SELECT + " where v.consultation_id = :id order by v.member_state, v.id", Map.of("id", consultationId),
                ids -> positionsOf(consultationId));
    }

    /** Every version of one Member State, in the order recorded. */
    public List<ReplyVersion> all(long consultationId, String memberState) {
        return query(SELECT + " where v.consultation_id = :id and v.member_state = :memberState order by v.id",
                Map.of("id", consultationId, "memberState", memberState));
    }

    /**
     * The version the Member State's last submission produced, whatever its received time, as far as the intake needs it
     * (to answer an identical one with it, and to number the next): no positions, texts or attachment, which every reply
     * would otherwise read again.
     */
    public Optional<LastVersion> lastRecorded(long consultationId, String memberState) {
        return jdbc.sql("""
                        select v.id, v.received_at, v.recorded_at, v.late, v.content_hash,
                               (select count(*) from reply_version n
                                 where n.consultation_id = :id and n.member_state = :memberState) as version
                          from reply_version v
                         where v.consultation_id = :id and v.member_state = :memberState
                         order by v.id desc fetch first 1 rows only""")
                .param("id", consultationId).param("memberState", memberState)
                .query((rs, n) -> new LastVersion(rs.getLong("id"), rs.getInt("version"), instant(rs, "received_at"),
                        instant(rs, "recorded_at"), rs.getBoolean("late"), rs.getString("content_hash")))
                .optional();
    }

    /** A Member State's last version as the intake reads it ({@link #lastRecorded}). */
    public record LastVersion(long id, int version, Instant receivedAt, Instant recordedAt, boolean late, String contentHash)
            implements ReceivedVersion {}

    public Optional<ReplyVersion> find(long consultationId, long versionId) {
        return query(SELECT + " where v.consultation_id = :id and v.id = :versionId",
                Map.of("id", consultationId, "versionId", versionId)).stream().findFirst();
    }

    public Optional<Attachment> attachment(long consultationId, long versionId) {
        return jdbc.sql("""
                        select a.filename, a.content_type, a.content from reply_attachment a
                          join reply_version v on v.id = a.reply_version_id
                         where v.consultation_id = :id and v.id = :versionId""")
                .param("id", consultationId).param("versionId", versionId)
                .query((rs, n) -> new Attachment(rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** When each version was received and recorded, by Member State: enough to say what counts, without the replies. */
    public List<Receipt> receipts(long consultationId) {
        return jdbc.sql("select member_state, received_at, recorded_at from reply_version where consultation_id = :id")
                .param("id", consultationId)
                .query((rs, n) -> new Receipt(rs.getString("member_state"), instant(rs, "received_at"), instant(rs, "recorded_at")))
                .list();
    }

    /**
     * The same for every consultation at once, by consultation: the officers' list of consultations reads this once
     * rather than once per consultation.
     */
    public Map<Long, List<Receipt>> receiptsByConsultation() {
        Map<Long, List<Receipt>> byConsultation = new HashMap<>();
        jdbc.sql("select consultation_id, member_state, received_at, recorded_at from reply_version")
                .query(rs -> {
                    byConsultation.computeIfAbsent(rs.getLong("consultation_id"), k -> new ArrayList<>())
                            .add(new Receipt(rs.getString("member_state"), instant(rs, "received_at"), instant(rs, "recorded_at")));
                });
        return byConsultation;
    }

    /** A version's two times: received by TSB, recorded here. */
    public record Receipt(String memberState, Instant receivedAt, Instant recordedAt) {}

    /**
     * Every version of every Member State without its positions, comments and reasons, by Member State in the order
     * recorded: a list of the 194 Member States reads this of thousands of versions, then the positions of one
     * version each ({@link #positions}).
     */
    public List<ReplyHeader> headers(long consultationId) {
        List<ReplyHeader> headers = new ArrayList<>();
        Map<String, Integer> versions = new HashMap<>();
        jdbc.sql("""
                        select v.id, v.member_state, v.received_at, v.recorded_at, v.channel, v.late,
                               a.filename, a.content_type, a.size_bytes, a.sha256
                          from reply_version v left join reply_attachment a on a.reply_version_id = v.id
                         where v.consultation_id = :id order by v.member_state, v.id""")
                .param("id", consultationId)
                .query(rs -> {
                    String memberState = rs.getString("member_state");
                    String filename = rs.getString("filename");
                    headers.add(new ReplyHeader(rs.getLong("id"), memberState, versions.merge(memberState, 1, Integer::sum),
                            instant(rs, "received_at"), instant(rs, "recorded_at"), Channel.valueOf(rs.getString("channel")),
                            rs.getBoolean("late"), filename == null ? null : new ReplyVersion.AttachmentInfo(filename,
                            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"))));
                });
        return headers;
    }

    /** The positions of these versions, by version id; a version silent on every Question has none. */
    public Map<Long, Map<String, Position>> positions(Collection<Long> versionIds) {
        Map<Long, Map<String, Position>> positions = new HashMap<>();
        if (versionIds.isEmpty()) {
            return positions;
        }
        jdbc.sql("select reply_version_id, question_number, position from reply_position where reply_version_id in (:ids)")
                .param("ids", List.copyOf(versionIds))
                .query(rs -> {
                    positions.computeIfAbsent(rs.getLong("reply_version_id"), k -> new HashMap<>())
                            .put(rs.getString("question_number"), Position.valueOf(rs.getString("position")));
                });
        return positions;
    }

    /**
     * The positions of every version of the consultation, by version id: what a list of every Member State reads, by
     * the consultation's index. A list of ids as long as the Member States ({@link #positions}) made H2 test each row
     * read against the whole list.
     */
    public Map<Long, Map<String, Position>> positionsOf(long consultationId) {
        Map<Long, Map<String, Position>> positions = new HashMap<>();
        jdbc.sql("""
                        select p.reply_version_id, p.question_number, p.position
                          from reply_position p join reply_version v on v.id = p.reply_version_id
                         where v.consultation_id = :id""")
                .param("id", consultationId)
                .query(rs -> {
                    positions.computeIfAbsent(rs.getLong("reply_version_id"), k -> new HashMap<>())
                            .put(rs.getString("question_number"), Position.valueOf(rs.getString("position")));
                });
        return positions;
    }

    private List<ReplyVersion> query(String sql, Map<String, ?> params) {
        return query(sql, params, this::positions);
    }

    private List<ReplyVersion> query(String sql, Map<String, ?> params,
                                     Function<List<Long>, Map<Long, Map<String, Position>>> positionsOf) {
        List<Row> rows = jdbc.sql(sql).params(params).query(ReplyRepository::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Position>> positions = positionsOf.apply(rows.stream().map(Row::id).toList());
        List<ReplyVersion> versions = new ArrayList<>(rows.size());
        for (Row r : rows) {
            versions.add(new ReplyVersion(r.id, r.consultationId, r.memberState, r.version, positions.getOrDefault(r.id, Map.of()),
                    r.comments, r.reasons, r.receivedAt, r.recordedAt, r.recordedBy, r.channel, r.late, r.contentHash, r.attachment));
        }
        return versions;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String filename = rs.getString("filename");
        return new Row(rs.getLong("id"), rs.getLong("consultation_id"), rs.getString("member_state"), rs.getInt("version"),
                rs.getString("comments"), rs.getString("reasons"), instant(rs, "received_at"), instant(rs, "recorded_at"),
                rs.getString("recorded_by"), Channel.valueOf(rs.getString("channel")), rs.getBoolean("late"),
                rs.getString("content_hash"), filename == null ? null : new ReplyVersion.AttachmentInfo(filename,
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256")));
    }

    private record Row(long id, long consultationId, String memberState, int version, String comments, String reasons,
                       Instant receivedAt, Instant recordedAt, String recordedBy, Channel channel, boolean late,
                       String contentHash, ReplyVersion.AttachmentInfo attachment) {
    }
}
