package org.itu.tsb.consultation;

/** A consultation has no Question at the position asked for (positions start at 1, as the circular numbers them). */
public class QuestionNotFoundException extends RuntimeException {

    public QuestionNotFoundException(long consultationId, int seq, int questions) {
        super("consultation " + consultationId + " has no Question " + seq + ": its Questions are numbered 1 to " + questions);
    }
}
