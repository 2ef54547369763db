package org.itu.tsb.consultation;

/**
 * The sizes a Question may have: validation and the columns of {@code question} use these (a test checks the schema
 * against them).
 */
public final class QuestionLimits {

    /** The agreed text of a Question: Annex 1 texts run to some 15 000 characters; beyond this it is surely not one. */
    public static final int MAX_TEXT_LENGTH = 100_000;

    private QuestionLimits() {
    }
}
