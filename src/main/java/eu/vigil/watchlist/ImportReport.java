package eu.vigil.watchlist;

import java.util.List;
import java.util.UUID;

/**
 * What an upload did, row by row: {@code accepted} rows name a company Vigil knows (with its name and town),
 * {@code pending} rows a valid number it does not know yet (matched when a feed brings it), {@code rejected} rows
 * say why, and {@code duplicates} were already in the file or on the list. Blank lines are skipped. A row's
 * {@code warnings} name the optional fields it could not take (left empty) and why.
 */
public record ImportReport(
        UUID id,
        UUID watchlistId,
        String status,
        String error,
        int rows,
        List<Entry> accepted,
        List<Entry> pending,
        List<Rejected> rejected,
        List<Duplicate> duplicates,
        int rowsWithWarnings) {

    public record Entry(
            int row,
            String value,
            String country,
            String number,
            String display,
            String name,
            String town,
            List<String> warnings) {}

    public record Rejected(int row, String value, String reason, String detail, List<String> warnings) {}

    /** {@code firstRow} is the row it repeats, null when the company was already on the list before. */
    public record Duplicate(int row, String value, String country, String number, Integer firstRow) {}
}
