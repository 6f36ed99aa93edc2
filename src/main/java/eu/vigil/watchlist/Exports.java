package eu.vigil.watchlist;

/** Spreadsheet-safe cells: text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
public final class Exports {

    private Exports() {}

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
