package org.itu.tsb.kernel;

/**
 * What people may type: letters, digits, punctuation, line breaks and tabs. Control characters (NUL and the like)
 * and unpaired UTF-16 surrogates are refused: they are never part of a reply, and would break notices, exports and
 * the content hash.
 */
public final class Text {

    private Text() {
    }

    /** The text as given, if it is clean; null stays null. */
    public static String check(String field, String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "contains an invalid character (a broken UTF-16 surrogate) at position " + (i + 1));
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                throw new InvalidInputException(field, "contains a non-character (U+%04X) at position %d".formatted((int) c, i + 1));
            } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException(field, "contains a control character (U+%04X) at position %d".formatted((int) c, i + 1));
            }
        }
        return text;
    }

    /**
     * The text, clean and with something visible in it: only white space (of any script, e.g. U+3000) or invisible
     * format characters (zero-width space, joiner) is no text at all.
     */
    public static String required(String field, String text) {
        check(field, text);
        if (text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidInputException(field, "is required");
        }
        return text;
    }
}
