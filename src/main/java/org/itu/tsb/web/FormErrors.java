package org.itu.tsb.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.consultation.InvalidInputException;

/**
 * The message of a refused form, placed next to the field it names ({@link #message}) and listed at the top of the page.
 * A message whose field the page does not show, or a state error, is only at the top.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private String fileName;
    private String general;

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(InvalidInputException e) {
        FormErrors errors = new FormErrors();
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        errors.byField.put(e.field(), PageTime.readable(message.startsWith(prefix) ? message.substring(prefix.length()) : message));
        return errors;
    }

    public static FormErrors of(ConsultationStateException e) {
        FormErrors errors = new FormErrors();
        errors.general = PageTime.readable(e.getMessage());
        return errors;
    }

    /** The name of the file the officer chose, to name it in an attachment's message. */
    FormErrors naming(String fileName) {
        this.fileName = fileName;
        return this;
    }

    public boolean any() {
        return general != null || !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The message for one field, without the field's name; null if that field is fine. */
    public String message(String field) {
        return byField.get(field);
    }

    public Map<String, String> getByField() {
        return byField;
    }

    public String getGeneral() {
        return general;
    }

    /** For templates: {@link #fieldId}. */
    public String idOf(String field) {
        return fieldId(field);
    }

    /** For templates: {@link #label}, with the file's name for the attachment ("Scanned reply form (scan.pdf)"). */
    public String labelOf(String field) {
        return "attachment".equals(field) && fileName != null ? label(field) + " (" + fileName + ")" : label(field);
    }

    /** The id of the field's element on the page ("positions.Q7/17" → "positions-Q7-17"), for labels and links. */
    public static String fieldId(String field) {
        return field.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The field's name as the page labels it, for the list of problems at the top. */
    public static String label(String field) {
        if (field.startsWith(ReplyForm.POSITION_PREFIX)) {
            return field.substring(ReplyForm.POSITION_PREFIX.length());
        }
        return switch (field) {
            case "memberState" -> "Member State";
            case "receivedAt" -> "Received by TSB";
            case "channel" -> "Channel";
            case "comments" -> "Comments";
            case "reasons" -> "Reasons";
            case "attachment" -> "Scanned reply form";
            case "recordedBy" -> "Recorded by";
            default -> field;
        };
    }
}
