package org.itu.tsb.web.export;

/**
 * Cells of an exported CSV file stay inert when a spreadsheet opens it (OWASP, "CSV injection"): a cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a formula, so it gets a
 * leading apostrophe. The price: a comment such as "-5 % of the budget" shows as {@code '-5 % of the budget}.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The cell as written to the file; {@code null} is an empty cell. */
    public static String inert(Object value) {
        if (value == null) {
            return "";
        }
        String cell = value.toString();
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
