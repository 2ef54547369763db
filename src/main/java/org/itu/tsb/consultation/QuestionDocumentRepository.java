package org.itu.tsb.consultation;

import static org.itu.tsb.kernel.UtcTime.column;
import static org.itu.tsb.kernel.UtcTime.instant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.itu.tsb.kernel.Attachment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The documents with the Questions' texts: one per Question at most, replaced when TSB attaches another. */
@Repository
public class QuestionDocumentRepository {

    private final JdbcClient jdbc;

    public QuestionDocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the Question's document in place of the one it had; the caller holds the consultation's lock. */
    public void replace(long consultationId, String questionNumber, Attachment file, Instant attachedAt, String attachedBy) {
        jdbc.sql("delete from question_document where consultation_id = :id and question_number = :number")
                .param("id", consultationId).param("number", questionNumber)
                .update();
        jdbc.sql("""
                        insert into question_document (consultation_id, question_number, filename, content_type, size_bytes,
                                                       attached_at, attached_by, content)
                        values (:id, :number, :filename, :contentType, :size, :attachedAt, :attachedBy, :content)""")
                .param("id", consultationId).param("number", questionNumber)
                .param("filename", file.filename()).param("contentType", file.contentType()).param("size", file.size())
                .param("attachedAt", column(attachedAt)).param("attachedBy", attachedBy)
                .param("content", file.content())
                .update();
    }

    public Optional<Attachment> content(long consultationId, String questionNumber) {
        return jdbc.sql("""
                        select filename, content_type, content from question_document
                         where consultation_id = :id and question_number = :number""")
                .param("id", consultationId).param("number", questionNumber)
                .query((rs, n) -> new Attachment(rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** The consultation's documents, without their content, by Question number. */
    public Map<String, QuestionDocument> of(long consultationId) {
        Map<String, QuestionDocument> byQuestion = new LinkedHashMap<>();
        jdbc.sql("""
                        select question_number, filename, content_type, size_bytes, attached_at, attached_by from question_document
                         where consultation_id = :id order by question_number""")
                .param("id", consultationId)
                .query((rs, n) -> byQuestion.put(rs.getString("question_number"), new QuestionDocument(rs.getString("question_number"),
                        rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"), instant(rs, "attached_at"),
                        rs.getString("attached_by"))))
                .list();
        return byQuestion;
    }
}
