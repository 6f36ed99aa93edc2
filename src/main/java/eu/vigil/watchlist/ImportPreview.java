package eu.vigil.watchlist;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The first rows of an uploaded file with the columns as mapped and what each row will become:
 * {@code accepted}, {@code rejected} (with the reason), {@code duplicate}, {@code header} or {@code blank}.
 */
public record ImportPreview(UUID importId, UUID watchlistId, String fileName, int columns, List<String> header,
                            boolean hasHeader, Map<Column, Integer> mapping, List<Row> rows) {

    public record Row(int row, List<String> cells, String outcome, String becomes) {
    }

    public Integer columnOf(Column column) {
        return mapping.get(column);
    }
}
