package org.itu.tsb.tally;

import static org.itu.tsb.kernel.UtcTime.column;
import static org.itu.tsb.kernel.UtcTime.instant;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DecisionRepository {

    private final JdbcClient jdbc;

    public DecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long consultationId, QuestionDecision decision) {
        jdbc.sql("""
                        insert into decision (consultation_id, question_number, support, not_support, decision, decided_at)
                        values (:id, :question, :support, :notSupport, :decision, :decidedAt)""")
                .param("id", consultationId)
                .param("question", decision.questionNumber())
                .param("support", decision.tally().support())
                .param("notSupport", decision.tally().notSupport())
                .param("decision", decision.decision().name())
                .param("decidedAt", column(decision.decidedAt()))
                .update();
    }

    /** The provisional decisions, replaced by a new tally during the review. */
    public void deleteByConsultation(long consultationId) {
        jdbc.sql("delete from decision where consultation_id = :id").param("id", consultationId).update();
    }

    /** Decisions by Question number, in the order of the consultation's Questions. */
    public Map<String, QuestionDecision> findByConsultation(long consultationId) {
        Map<String, QuestionDecision> decisions = new LinkedHashMap<>();
        jdbc.sql("""
                        select d.question_number, d.support, d.not_support, d.decision, d.decided_at
                          from decision d join question q on q.consultation_id = d.consultation_id and q.number = d.question_number
                         where d.consultation_id = :id order by q.seq""")
                .param("id", consultationId)
                .query((rs, n) -> decisions.put(rs.getString("question_number"), new QuestionDecision(
                        rs.getString("question_number"),
                        new Tally(rs.getInt("support"), rs.getInt("not_support")),
                        Decision.valueOf(rs.getString("decision")),
                        instant(rs, "decided_at"))))
                .list();
        return decisions;
    }
}
