package eu.vigil.watchlist;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The first rows of an uploaded file with the columns as mapped and what each row will become, in the words and
 * groups of the import itself: {@code accepted} (a company Vigil knows), {@code pending} (a valid number it does
 * not know yet), {@code rejected} (with the reason), {@code duplicate}, {@code header} or {@code blank}; with the
 * warnings of optional fields the import will leave empty. {@code country} is the country numbers written without
 * a prefix are read in (null: each by its own form); {@code headerRow} the row holding the column names when title lines
 * come above it (0: the first row).
 */
public record ImportPreview(
        UUID importId,
        UUID watchlistId,
        String fileName,
        int columns,
        List<String> header,
        boolean hasHeader,
        int headerRow,
        Map<Column, Integer> mapping,
        String country,
        List<String> countries,
        List<Row> rows) {

    public record Row(int row, List<String> cells, String outcome, String becomes, List<String> warnings) {}

    public Integer columnOf(Column column) {
        return mapping.get(column);
    }
}
