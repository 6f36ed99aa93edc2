package eu.vigil.watchlist;

import java.util.List;
import java.util.UUID;

/**
 * What an upload did, row by row: {@code accepted} rows name a company Vigil knows, {@code pending} rows a
 * valid number it does not know yet (matched when a feed brings it), {@code rejected} rows say why, and
 * {@code duplicates} were already in the file or on the list. Blank lines are skipped.
 */
public record ImportReport(UUID id, UUID watchlistId, String status, String error, int rows, List<Entry> accepted,
                           List<Entry> pending, List<Rejected> rejected, List<Duplicate> duplicates) {

    public record Entry(int row, String value, String country, String number, String display) {
    }

    public record Rejected(int row, String value, String reason, String detail) {
    }

    /** {@code firstRow} is the row it repeats, null when the company was already on the list before. */
    public record Duplicate(int row, String value, String country, String number, Integer firstRow) {
    }
}
