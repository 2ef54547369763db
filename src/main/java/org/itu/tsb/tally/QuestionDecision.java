package org.itu.tsb.tally;

import java.time.Instant;

/** The stored outcome for one Question: its tally and the decision the rule gave. */
public record QuestionDecision(String questionNumber, Tally tally, Decision decision, Instant decidedAt) {
}
