package org.itu.tsb.consultation;

/**
 * A draft Question put to the Member States, e.g. {@code Q16/17 "AI security", NEW}, with its agreed text as the
 * circular's Annex 1 gives it: plain text, {@code ""} when TSB gave none (it may attach the text as a document instead).
 */
public record Question(String number, String title, QuestionKind kind, String text) {

    /** Question numbers as ITU-T writes them: Q, the Question, a slash, the study group. */
    public static final String NUMBER_PATTERN = "Q\\d{1,3}/\\d{1,3}";

    public Question {
        text = text == null ? "" : text;
    }

    /** As the circular and its reply form name it: Draft revised Question Q7/17 “Secure application services”. */
    public String description() {
        return "Draft " + (kind == QuestionKind.NEW ? "new" : "revised") + " Question " + number + " \u201C" + title + "\u201D";
    }

    public boolean hasText() {
        return !text.isEmpty();
    }
}
