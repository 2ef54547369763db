package org.itu.tsb.consultation;

/** Input refused before anything is stored; {@code field} names what was wrong, for the caller to fix. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
