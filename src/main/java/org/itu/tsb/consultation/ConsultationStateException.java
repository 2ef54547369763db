package org.itu.tsb.consultation;

/** The consultation is not in a state that allows the request (e.g. a reply before the circular is issued). */
public class ConsultationStateException extends RuntimeException {

    public ConsultationStateException(String message) {
        super(message);
    }
}
