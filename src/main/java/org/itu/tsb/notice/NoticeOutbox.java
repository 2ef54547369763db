package org.itu.tsb.notice;

import static org.itu.tsb.kernel.UtcTime.column;
import static org.itu.tsb.kernel.UtcTime.instant;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The single record of every notice the procedure issued and of its delivery. Each statement commits on its own:
 * a notice is claimed before it is sent and marked right after, so a retried job or a second node never sends again a
 * notice the mail server took.
 */
@Repository
public class NoticeOutbox {

    public enum Status {
        /** Recorded, waiting to be sent (again, after a refusal, at {@code nextAttemptAt}). */
        PENDING,
        /** Claimed by a node that is handing it to the mail server now. */
        SENDING,
        SENT,
        /** Refused at every attempt: its last error is kept, for an officer to look at. */
        FAILED
    }

    public record Entry(long id, Notice notice, Status status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {

        /** The {@code Message-ID} of every message sent for this notice: a receiver can drop a repeat by it. */
        public String messageId() {
            return "<notice-" + id + "@consultation-workflow>";
        }
    }

    /** A notice as a list shows it: what it is, to whom, and its delivery; not its bodies. */
    public record Line(long id, NoticeKind kind, String recipient, String language, String subject, Status status, int attempts,
                       Instant nextAttemptAt, String lastError, Instant sentAt) {}

    /** How many notices are in each status. */
    public record Counts(int waiting, int sending, int sent, int failed) {

        public int of(Status status) {
            return switch (status) {
                case PENDING -> waiting;
                case SENDING -> sending;
                case SENT -> sent;
                case FAILED -> failed;
            };
        }

        public int total() {
            return waiting + sending + sent + failed;
        }

        /** Not taken by the mail server yet: waiting, being sent or failed. */
        public int undelivered() {
            return total() - sent;
        }

        /** These counts added to those. */
        public Counts plus(Counts other) {
            return new Counts(waiting + other.waiting, sending + other.sending, sent + other.sent, failed + other.failed);
        }
    }

    /** Every status but SENT. */
    public static final Set<Status> UNDELIVERED = Set.of(Status.PENDING, Status.SENDING, Status.FAILED);

    private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(rs.getLong("id"), new Notice(rs.getLong("consultation_id"),
            NoticeKind.valueOf(rs.getString("kind")), rs.getString("reference"), rs.getString("recipient"),
            rs.getString("language"), rs.getString("subject"), rs.getString("body"), rs.getString("html_body")), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
            instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "sent_at"));

    private static final RowMapper<Line> LINE = (rs, n) -> new Line(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")),
            rs.getString("recipient"), rs.getString("language"), rs.getString("subject"), Status.valueOf(rs.getString("status")),
            rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "sent_at"));

    private static final int ERROR_LENGTH = 1000;

    private static final String INSERT = """
            insert into notice (consultation_id, kind, reference, recipient, language, subject, body, html_body, status,
                                created_at, next_attempt_at)
            values (:consultationId, :kind, :reference, :recipient, :language, :subject, :body, :htmlBody, 'PENDING', :now, :now)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public NoticeOutbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Records the notices of one consultation, due now, except those already recorded (a retried job): one query for
     * what is there and one batch of inserts, however many Member States there are. The query names the references
     * too: an acknowledgement ("v2") looks up its own rows by the unique key, not every acknowledgement of the
     * consultation (thousands in a long one, each read again for every reply).
     */
    public void recordAll(List<Notice> notices, Instant now) {
        if (notices.isEmpty()) {
            return;
        }
        long consultationId = notices.get(0).consultationId();
        if (notices.stream().anyMatch(n -> n.consultationId() != consultationId)) {
            throw new IllegalArgumentException("the notices of one consultation at a time");
        }
        Set<String> kinds = notices.stream().map(n -> n.kind().name()).collect(Collectors.toSet());
        Set<String> references = notices.stream().map(Notice::reference).collect(Collectors.toSet());
        Set<List<String>> recorded = new HashSet<>(jdbc.sql("""
                        select kind, reference, recipient from notice
                         where consultation_id = :id and kind in (:kinds) and reference in (:references)""")
                .param("id", consultationId).param("kinds", kinds).param("references", references)
                .query((rs, n) -> List.of(rs.getString("kind"), rs.getString("reference"), rs.getString("recipient"))).list());
        SqlParameterSource[] rows = notices.stream()
                .filter(n -> recorded.add(List.of(n.kind().name(), n.reference(), n.recipient()))) // also drops a repeat in the list
                .map(n -> new MapSqlParameterSource()
                        .addValue("consultationId", n.consultationId()).addValue("kind", n.kind().name())
                        .addValue("reference", n.reference()).addValue("recipient", n.recipient())
                        .addValue("language", n.language()).addValue("subject", n.subject())
                        .addValue("body", n.body()).addValue("htmlBody", n.htmlBody()).addValue("now", column(now)))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate(INSERT, rows);
    }

    /** Records the notice, due now, unless it was already recorded (a retried job); returns the stored entry either way. */
    public Entry record(Notice notice, Instant now) {
        recordAll(List.of(notice), now);
        return find(notice).orElseThrow();
    }

    /** The notices due to be sent now, longest due first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from notice where status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= :now)
                         order by next_attempt_at, id fetch first :limit rows only""")
                .param("now", column(now)).param("limit", limit)
                .query(Long.class).list();
    }

    /**
     * Takes the notices for sending, in one statement, and returns those this call took: none that another node (or an
     * earlier round) took first. The token is the claim's own, so two claims in the same millisecond never mix.
     */
    public List<Entry> claim(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        jdbc.sql("""
                        update notice set status = 'SENDING', claimed_at = :now, claim_token = :token, attempts = attempts + 1
                         where id in (:ids) and status = 'PENDING'""")
                .param("now", column(now)).param("token", token).param("ids", ids).update();
        return jdbc.sql("select * from notice where claim_token = :token and status = 'SENDING' order by id")
                .param("token", token).query(ENTRY).list();
    }

    /** The mail server took them. */
    public void markSent(List<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("update notice set status = 'SENT', sent_at = :now, last_error = null, claim_token = null where id in (:ids)")
                    .param("now", column(now)).param("ids", ids).update();
        }
    }

    /** The mail server refused them: tried again at {@code next}. */
    public void retryAt(List<Long> ids, Instant next, String error) {
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            update notice set status = 'PENDING', next_attempt_at = :next, last_error = :error, claim_token = null
                             where id in (:ids)""")
                    .param("next", column(next)).param("error", shortened(error)).param("ids", ids).update();
        }
    }

    /** Refused at the last attempt: kept, with its error, for an officer to look at and re-send. */
    public void markFailed(List<Long> ids, String error) {
        if (!ids.isEmpty()) {
            jdbc.sql("update notice set status = 'FAILED', last_error = :error, claim_token = null where id in (:ids)")
                    .param("error", shortened(error)).param("ids", ids).update();
        }
    }

    /** An officer sends a FAILED notice again: due now, with a fresh count of attempts; false if it was not FAILED. */
    public boolean resend(long id, Instant now) {
        return jdbc.sql("""
                        update notice set status = 'PENDING', attempts = 0, next_attempt_at = :now
                         where id = :id and status = 'FAILED'""")
                .param("now", column(now)).param("id", id).update() == 1;
    }

    /** Notices claimed before {@code before} by a node that never marked them (it died): pending again. */
    public int releaseClaimsBefore(Instant before) {
        return jdbc.sql("update notice set status = 'PENDING' where status = 'SENDING' and claimed_at < :before")
                .param("before", column(before)).update();
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql("select * from notice where id = :id").param("id", id).query(ENTRY).optional();
    }

    public List<Entry> findByConsultation(long consultationId) {
        return jdbc.sql("select * from notice where consultation_id = :id order by id").param("id", consultationId)
                .query(ENTRY)
                .list();
    }

    /**
     * One page of the consultation's notices, in the order issued, of one kind and in the given statuses (null, empty:
     * any). The database filters and pages: a consultation has hundreds of notices, and their bodies are not read.
     */
    public List<Line> find(long consultationId, NoticeKind kind, Set<Status> statuses, int offset, int limit) {
        return jdbc.sql("select id, kind, recipient, language, subject, status, attempts, next_attempt_at, last_error, sent_at"
                        + " from notice" + where(kind, statuses) + " order by id offset :offset rows fetch first :limit rows only")
                .params(filter(consultationId, kind, statuses)).param("offset", offset).param("limit", limit)
                .query(LINE).list();
    }

    /** How many of the consultation's notices are in each status. */
    public Counts countByStatus(long consultationId) {
        return countByStatus(consultationId, null);
    }

    /** How many of the consultation's notices of this kind (null: of every kind) are in each status. */
    public Counts countByStatus(long consultationId, NoticeKind kind) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        jdbc.sql("select status, count(*) as n from notice" + where(kind, Set.of()) + " group by status")
                .params(filter(consultationId, kind, Set.of()))
                .query(rs -> {
                    counts.put(Status.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        return counts(counts);
    }

    /**
     * How many of the consultation's notices of each kind are in each status, in one query (a consultation's page shows
     * them all, and the kinds that tell the result apart); a kind with no notice is left out.
     */
    public Map<NoticeKind, Counts> countByKindAndStatus(long consultationId) {
        Map<NoticeKind, Map<Status, Integer>> counts = new EnumMap<>(NoticeKind.class);
        jdbc.sql("select kind, status, count(*) as n from notice where consultation_id = :consultationId group by kind, status")
                .param("consultationId", consultationId)
                .query(rs -> {
                    counts.computeIfAbsent(NoticeKind.valueOf(rs.getString("kind")), k -> new EnumMap<>(Status.class))
                            .put(Status.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        Map<NoticeKind, Counts> result = new EnumMap<>(NoticeKind.class);
        counts.forEach((kind, byStatus) -> result.put(kind, counts(byStatus)));
        return result;
    }

    private static Counts counts(Map<Status, Integer> byStatus) {
        return new Counts(byStatus.getOrDefault(Status.PENDING, 0), byStatus.getOrDefault(Status.SENDING, 0),
                byStatus.getOrDefault(Status.SENT, 0), byStatus.getOrDefault(Status.FAILED, 0));
    }

    /**
     * How many notices of every consultation are not sent yet, by status (SENT is left out: it only grows). One count
     * on the {@code notice_due} index (status first), whatever the outbox's history.
     */
    public Map<Status, Integer> countUndelivered() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        UNDELIVERED.forEach(status -> counts.put(status, 0));
        jdbc.sql("select status, count(*) as n from notice where status in (:statuses) group by status")
                .param("statuses", UNDELIVERED.stream().map(Status::name).sorted().toList())
                .query(rs -> {
                    counts.put(Status.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        return counts;
    }

    private static String where(NoticeKind kind, Set<Status> statuses) {
        return " where consultation_id = :consultationId" + (kind == null ? "" : " and kind = :kind")
                + (statuses == null || statuses.isEmpty() ? "" : " and status in (:statuses)");
    }

    private static Map<String, Object> filter(long consultationId, NoticeKind kind, Set<Status> statuses) {
        Map<String, Object> params = new HashMap<>();
        params.put("consultationId", consultationId);
        if (kind != null) {
            params.put("kind", kind.name());
        }
        if (statuses != null && !statuses.isEmpty()) {
            params.put("statuses", statuses.stream().map(Status::name).sorted().toList());
        }
        return params;
    }

    private Optional<Entry> find(Notice notice) {
        return jdbc.sql("""
                        select * from notice
                         where consultation_id = :consultationId and kind = :kind and reference = :reference and recipient = :recipient""")
                .param("consultationId", notice.consultationId())
                .param("kind", notice.kind().name())
                .param("reference", notice.reference())
                .param("recipient", notice.recipient())
                .query(ENTRY)
                .optional();
    }

    private static String shortened(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }
}
