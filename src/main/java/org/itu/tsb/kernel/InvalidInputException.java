package org.itu.tsb.kernel;

/**
 * Input refused before anything is stored. {@code field} names what was wrong and {@code reason} says why, in words
 * the caller can act on; the API puts both in its problem, a page puts the reason next to the field.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** Why the field was refused, without the field's name. */
    public String reason() {
        return reason;
    }
}
