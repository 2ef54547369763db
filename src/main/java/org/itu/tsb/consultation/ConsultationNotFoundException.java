package org.itu.tsb.consultation;

public class ConsultationNotFoundException extends RuntimeException {

    public ConsultationNotFoundException(long id) {
        super("consultation " + id + " does not exist");
    }
}
