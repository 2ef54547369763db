package org.itu.tsb.consultation;

import java.time.Instant;

/**
 * The document with a Question's agreed text that TSB attached (a PDF), without its content: which Question, the file,
 * and the officer who attached it, when. {@code contentType} is what the content is, as detected.
 */
public record QuestionDocument(String questionNumber, String filename, String contentType, long size, Instant attachedAt,
                               String attachedBy) {
}
