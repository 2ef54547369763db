package org.itu.tsb.notice;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox as tests of a shared context need it. */
public final class TestOutbox {

    private TestOutbox() {
    }

    /**
     * The notices other tests of the shared context recorded (their mail server gone, or none) are not this test's: they
     * are made due in a century, so a delivery sends first, or only, what the test records. Their acknowledgements not
     * composed yet are dropped first (one being composed now is waited for, then parked), so that none is due midway.
     * Those parked already are left alone: rewriting every one of them at each call was a tenth of the whole suite's
     * CPU time.
     */
    public static void parkTheNoticesOfEarlierTests(JdbcClient jdbc) {
        jdbc.sql("delete from acknowledgement_due").update();
        jdbc.sql("update notice set next_attempt_at = :later where status = 'PENDING'"
                        + " and (next_attempt_at is null or next_attempt_at < :later)")
                .param("later", OffsetDateTime.parse("2126-01-01T00:00:00Z")).update();
    }
}
