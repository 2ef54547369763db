package org.itu.tsb.consultation;

/** Derived from what is stored, never stored itself, so it cannot disagree with the data. */
public enum ConsultationStatus {
    /** TSAG adopted the Questions; TSB has not issued the circular yet. */
    ADOPTED,
    /** The circular is issued; replies are collected until the deadline. */
    OPEN,
    /**
     * The deadline passed and the replies are tallied; the decisions are provisional while an officer reviews them:
     * a reply TSB received by the deadline and enters now still counts.
     */
    TALLIED,
    /** An officer announced the result: the decisions are final and public. */
    DECIDED
}
