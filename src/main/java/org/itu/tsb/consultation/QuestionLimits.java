package org.itu.tsb.consultation;

/**
 * The sizes an adoption may have: validation, the API's constraints, the form's {@code maxlength} and the columns of
 * {@code consultation} and {@code question} use these (a test checks the schema against them).
 */
public final class QuestionLimits {

    /** The agreed text of a Question: Annex 1 texts run to some 15 000 characters; beyond this it is surely not one. */
    public static final int MAX_TEXT_LENGTH = 100_000;
    public static final int MAX_TITLE_LENGTH = 500;
    /** TSAG adopts a handful of Questions at a meeting; a whole study period's set is some 20 per study group. */
    public static final int MAX_QUESTIONS = 50;
    /** The circular's subject, e.g. "Member State consultation on approval of new and revised Questions of ITU-T SG17 …". */
    public static final int MAX_CIRCULAR_LENGTH = 1000;
    public static final int MAX_STUDY_GROUP_LENGTH = 50;
    public static final int MAX_ADOPTED_BY_LENGTH = 100;
    public static final int MAX_MEETING_LENGTH = 500;

    private QuestionLimits() {
    }
}
