package org.itu.tsb.notice;

import static org.itu.tsb.kernel.UtcTime.column;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reply versions whose acknowledgement is still to be composed ({@code acknowledgement_due}): one small row,
 * recorded in the reply's transaction, instead of the acknowledgement itself (see {@link AcknowledgementComposition}).
 */
@Repository
public class DueAcknowledgements {

    /** A reply version to acknowledge. */
    public record Due(long replyVersionId, long consultationId) {}

    private final JdbcClient jdbc;

    public DueAcknowledgements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long consultationId, long replyVersionId, Instant now) {
        jdbc.sql("insert into acknowledgement_due (reply_version_id, consultation_id, recorded_at) values (:version, :consultation, :now)")
                .param("version", replyVersionId).param("consultation", consultationId).param("now", column(now)).update();
    }

    /** Up to {@code limit} of those due, after the reply version {@code after} (0: from the first), oldest first. */
    public List<Due> after(long after, int limit) {
        return jdbc.sql("""
                        select reply_version_id, consultation_id from acknowledgement_due where reply_version_id > :after
                         order by reply_version_id fetch first :limit rows only""")
                .param("after", after).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("reply_version_id"), rs.getLong("consultation_id"))).list();
    }

    /**
     * Takes the reply version for composing: true if this transaction deleted its row. The row stays locked until the
     * transaction ends, so of two nodes taking the same one, the second waits and then finds nothing to delete.
     */
    public boolean take(long replyVersionId) {
        return jdbc.sql("delete from acknowledgement_due where reply_version_id = :version")
                .param("version", replyVersionId).update() == 1;
    }

    public int count() {
        return jdbc.sql("select count(*) from acknowledgement_due").query(Integer.class).single();
    }
}
