package org.itu.tsb.notice;

/** The notices the procedure sends, to whom, and when. */
public enum NoticeKind {
    /** When the consultation opens: to every Member State, and an information copy to the circular's other addressees. */
    CIRCULAR,
    /** For each recorded reply version: to the replying Member State, restating what was recorded. */
    ACKNOWLEDGEMENT,
    /** A set time before the deadline: to the Member States that have not replied. */
    REMINDER,
    /**
     * When an officer changes the deadline of an open consultation: the old and the new deadline and the reason, to
     * every Member State and the circular's information copies, as the circular went.
     */
    DEADLINE_CHANGED,
    /** After the tally: to each Member State that did not support a Question and gave no reasons. */
    REQUEST_FOR_REASONS,
    /** After the decision: per Question the decision and the tally, to every Member State and the information-copy list. */
    RESULT_ANNOUNCEMENT,
    /** After the decision: the decisions, the reasons for each Question referred back, every comment received. */
    TO_STUDY_GROUP,
    /** After the decision: the reasons given by the Member States that did not support a Question. */
    TO_DIRECTOR
}
