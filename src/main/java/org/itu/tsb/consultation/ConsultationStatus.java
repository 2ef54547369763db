package org.itu.tsb.consultation;

/** Derived from what is stored, never stored itself, so it cannot disagree with the data. */
public enum ConsultationStatus {
    /** TSAG adopted the Questions; TSB has not issued the circular yet. */
    ADOPTED,
    /** The circular is issued; replies are collected until the deadline. */
    OPEN,
    /** The replies are tallied and each Question has its decision. */
    DECIDED
}
