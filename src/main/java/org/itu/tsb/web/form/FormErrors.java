package org.itu.tsb.web.form;

import java.util.LinkedHashMap;
import java.util.Map;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.kernel.InvalidInputException;

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
        errors.byField.put(e.field(), e.reason());
        return errors;
    }

    public static FormErrors of(ConsultationStateException e) {
        FormErrors errors = new FormErrors();
        errors.general = e.getMessage();
        return errors;
    }

    /** A refusal of the whole form, not of one field: only at the top of the page. */
    public static FormErrors general(String message) {
        FormErrors errors = new FormErrors();
        errors.general = message;
        return errors;
    }

    /** The name of the file the officer chose, to name it in an attachment's message. */
    public FormErrors naming(String fileName) {
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

    /** The name of the file the officer chose, if the attachment was refused: the pages name it. */
    public String getFileName() {
        return fileName;
    }

    /** For templates: the message key of the field's label ({@code field.comments}), or null for a Question's choice. */
    public String labelKey(String field) {
        return field.startsWith(ReplyForm.POSITION_PREFIX) ? null : "field." + field;
    }

    /** For templates: the Question a position field is about ("positions.Q7/17" → "Q7/17"), labelled by its number. */
    public String questionOf(String field) {
        return field.startsWith(ReplyForm.POSITION_PREFIX) ? field.substring(ReplyForm.POSITION_PREFIX.length()) : null;
    }

    /** The id of the field's element on the page ("positions.Q7/17" → "positions-Q7-17"), for labels and links. */
    public static String fieldId(String field) {
        return field.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
