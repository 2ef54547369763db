package org.itu.tsb.tally;

import static org.itu.tsb.kernel.UtcTime.column;
import static org.itu.tsb.kernel.UtcTime.instant;

import java.util.HashMap;
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
        return find("where d.consultation_id = :id", Map.of("id", consultationId)).getOrDefault(consultationId, Map.of());
    }

    /** Every consultation's decisions, by consultation, then as {@link #findByConsultation}: one read for a list. */
    public Map<Long, Map<String, QuestionDecision>> findAll() {
        return find("", Map.of());
    }

    private Map<Long, Map<String, QuestionDecision>> find(String where, Map<String, ?> params) {
        Map<Long, Map<String, QuestionDecision>> decisions = new HashMap<>();
        jdbc.sql("""
                        select d.consultation_id, d.question_number, d.support, d.not_support, d.decision, d.decided_at
                          from decision d join question q on q.consultation_id = d.consultation_id and q.number = d.question_number
                        """ + where + " order by d.consultation_id, q.seq")
                .params(params)
                .query(rs -> {
                    decisions.computeIfAbsent(rs.getLong("consultation_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("question_number"), new QuestionDecision(
                                    rs.getString("question_number"),
                                    new Tally(rs.getInt("support"), rs.getInt("not_support")),
                                    Decision.valueOf(rs.getString("decision")),
                                    instant(rs, "decided_at")));
                });
        return decisions;
    }
}
