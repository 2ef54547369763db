package org.itu.tsb.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.itu.tsb.consultation.QuestionLimits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The columns of reply_version are as large as {@link ReplyLimits} says a reply may be, and those of question as
 * {@link QuestionLimits} says a Question may be: no more, no less (a Flyway slice, on the tests' database: H2, or
 * PostgreSQL with mvn -Ppostgres).
 */
@Tag("database")
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
class SchemaLimitsTest {

    @Autowired JdbcClient jdbc;

    @Test
    void commentsAndReasonsHoldTheLongestTextAccepted() {
        assertThat(length("COMMENTS")).isEqualTo(ReplyLimits.MAX_TEXT_LENGTH);
        assertThat(length("REASONS")).isEqualTo(ReplyLimits.MAX_TEXT_LENGTH);
    }

    @Test
    void recordedByHoldsTheLongestNameAccepted() {
        assertThat(length("RECORDED_BY")).isEqualTo(ReplyLimits.MAX_RECORDED_BY);
    }

    @Test
    void aQuestionsTextHoldsTheLongestTextAccepted() {
        assertThat(length("QUESTION", "TEXT")).isEqualTo(QuestionLimits.MAX_TEXT_LENGTH);
    }

    @Test
    void aDeadlineChangesReasonHoldsTheLongestReasonAccepted() {
        assertThat(length("DEADLINE_CHANGE", "REASON")).isEqualTo(org.itu.tsb.consultation.DeadlineChange.MAX_REASON_LENGTH);
    }

    @Test
    void theAdoptionsColumnsHoldTheLongestTextsAccepted() {
        assertThat(length("QUESTION", "TITLE")).isEqualTo(QuestionLimits.MAX_TITLE_LENGTH);
        assertThat(length("CONSULTATION", "CIRCULAR")).isEqualTo(QuestionLimits.MAX_CIRCULAR_LENGTH);
        assertThat(length("CONSULTATION", "STUDY_GROUP")).isEqualTo(QuestionLimits.MAX_STUDY_GROUP_LENGTH);
        assertThat(length("CONSULTATION", "ADOPTED_BY")).isEqualTo(QuestionLimits.MAX_ADOPTED_BY_LENGTH);
        assertThat(length("CONSULTATION", "MEETING")).isEqualTo(QuestionLimits.MAX_MEETING_LENGTH);
    }

    private int length(String column) {
        return length("REPLY_VERSION", column);
    }

    private int length(String table, String column) {
        return jdbc.sql("""
                        select character_maximum_length from information_schema.columns
                         where upper(table_name) = :table and upper(column_name) = :column""")
                .param("table", table).param("column", column).query(Integer.class).single();
    }
}
