package org.itu.tsb.consultation;

/** Whether TSAG adopted a draft new Question or a draft revision of an existing one. */
public enum QuestionKind {
    NEW,
    REVISED
}
