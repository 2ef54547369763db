package org.itu.tsb.web.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itu.tsb.consultation.NewConsultation;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.consultation.QuestionKind;
import org.itu.tsb.kernel.InvalidInputException;
import org.springframework.util.MultiValueMap;

/**
 * The "New consultation" form as the officer filled it in: what TSAG adopted, with a row per Question. Field names are
 * the ones the adoption names in its errors ({@code circular}, {@code studyGroup}, {@code adoptedBy}, {@code meeting},
 * {@code questions[2].number}, {@code questions[2].document}, ...), so a refusal lands next to its field. Blank rows are
 * ignored; a row index on the form is not the Question's index in the adoption when a blank row comes before it, so
 * the form maps one to the other.
 */
public final class NewConsultationForm {

    /** Rows a blank form offers; "Add another Question" adds one at a time. */
    public static final int BLANK_ROWS = 4;
    private static final int MAX_ROWS = 60;
    private static final Pattern QUESTION_FIELD = Pattern.compile("questions\\[(\\d+)]\\.(\\w+)");

    private String circular = "";
    private String studyGroup = "";
    private String adoptedBy = "TSAG";
    private String meeting = "";
    private final List<Row> rows = new ArrayList<>();

    /** One Question as typed; {@code documentName} is the file the officer chose, if any. */
    public static final class Row {
        private String number = "";
        private String title = "";
        private String kind = "";
        private String text = "";
        private String documentName;

        public String getNumber() {
            return number;
        }

        public String getTitle() {
            return title;
        }

        public String getKind() {
            return kind;
        }

        public String getText() {
            return text;
        }

        public String getDocumentName() {
            return documentName;
        }

        public boolean isBlank() {
            return number.isBlank() && title.isBlank() && text.isBlank() && documentName == null;
        }
    }

    public static NewConsultationForm blank() {
        NewConsultationForm form = new NewConsultationForm();
        form.addRows(BLANK_ROWS);
        return form;
    }

    /** The form as posted; as many rows as were posted (at least the blank form's). */
    public static NewConsultationForm posted(MultiValueMap<String, String> params) {
        NewConsultationForm form = new NewConsultationForm();
        form.circular = value(params, "circular");
        form.studyGroup = value(params, "studyGroup");
        form.adoptedBy = value(params, "adoptedBy");
        form.meeting = value(params, "meeting");
        int rows = BLANK_ROWS;
        for (String name : params.keySet()) {
            Matcher m = QUESTION_FIELD.matcher(name);
            if (m.matches() && m.group(1).length() < 3) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        form.addRows(Math.min(rows, MAX_ROWS));
        for (int i = 0; i < form.rows.size(); i++) {
            Row row = form.rows.get(i);
            row.number = value(params, "questions[" + i + "].number");
            row.title = value(params, "questions[" + i + "].title");
            row.kind = value(params, "questions[" + i + "].kind");
            row.text = value(params, "questions[" + i + "].text");
        }
        return form;
    }

    /** "Add another Question": one more blank row, up to the most a consultation may have and a few. */
    public NewConsultationForm withAnotherRow() {
        if (rows.size() < MAX_ROWS) {
            addRows(1);
        }
        return this;
    }

    /** The officer chose a file for this row; it is named on the page if the form comes back. */
    public void setDocumentName(int row, String filename) {
        rows.get(row).documentName = filename == null || filename.isBlank() ? "document.pdf" : filename;
    }

    /** The rows that are not blank, by their index on the form. */
    public List<Integer> filledRows() {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isBlank()) {
                filled.add(i);
            }
        }
        return filled;
    }

    /**
     * What TSAG adopted, for the adoption to check. Trimmed as the API trims it.
     *
     * @throws InvalidInputException if a row's kind is not one of the choices (a tampered form)
     */
    public NewConsultation adoption() {
        List<Question> questions = new ArrayList<>();
        for (int i : filledRows()) {
            Row row = rows.get(i);
            questions.add(new Question(row.number.strip(), row.title.strip(), kind(i, row.kind), row.text.strip()));
        }
        return new NewConsultation(circular.strip(), studyGroup.strip(), adoptedBy.strip(), meeting.strip(), questions);
    }

    /** A refusal that names a Question by its index in the adoption, named instead by its row on the form. */
    public InvalidInputException onTheForm(InvalidInputException e) {
        Matcher m = QUESTION_FIELD.matcher(e.field());
        if (!m.matches()) {
            return e;
        }
        int index = Integer.parseInt(m.group(1));
        List<Integer> filled = filledRows();
        return index < filled.size() ? new InvalidInputException("questions[" + filled.get(index) + "]." + m.group(2), e.reason()) : e;
    }

    /** For templates: the message key of a field's label in the list of problems ({@code newConsultation.field.question.number}). */
    public String labelKey(String field) {
        Matcher m = QUESTION_FIELD.matcher(field);
        return "newConsultation.field." + (m.matches() ? "question." + m.group(2) : field);
    }

    /** For templates: the row a Question's field is on, 1 for the first; 0 for the other fields. */
    public int rowOf(String field) {
        Matcher m = QUESTION_FIELD.matcher(field);
        return m.matches() ? Integer.parseInt(m.group(1)) + 1 : 0;
    }

    private static QuestionKind kind(int row, String kind) {
        if (kind.isBlank()) {
            return null; // the adoption says what is missing
        }
        try {
            return QuestionKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("questions[" + row + "].kind", "'" + kind + "' is neither new nor revised");
        }
    }

    private void addRows(int n) {
        for (int i = 0; i < n; i++) {
            rows.add(new Row());
        }
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v;
    }

    public String getCircular() {
        return circular;
    }

    public String getStudyGroup() {
        return studyGroup;
    }

    public String getAdoptedBy() {
        return adoptedBy;
    }

    public String getMeeting() {
        return meeting;
    }

    public List<Row> getRows() {
        return rows;
    }
}
