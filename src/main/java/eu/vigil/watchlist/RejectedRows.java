package eu.vigil.watchlist;

import eu.vigil.watchlist.internal.WatchlistImport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/** The rejected rows of an upload as a file to fix and upload again. */
@Service
public class RejectedRows {

    private final ImportSupport support;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate tx;

    RejectedRows(ImportSupport support, JdbcTemplate jdbc, ObjectMapper json) {
        this.support = support;
        this.jdbc = jdbc;
        this.json = json;
        this.tx = support.tx();
    }

    /**
     * The rejected rows as a CSV in the upload's own columns, plus the reason and the row's other problems (warnings)
     * in {@code locale}, to fix and upload again.
     */
    public String rejectedCsv(UUID watchlistId, UUID importId, Locale locale) {
        WatchlistImport upload = tx.execute(status -> support.requireImport(watchlistId, importId));
        List<String> header = new ArrayList<>(
                List.of(json.readValue(upload.getHeader() == null ? "[]" : upload.getHeader(), String[].class)));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            Map<Integer, List<String>> warnings = tx.execute(status -> support.warnings(upload.getId(), locale));
            List<List<String>> rows = tx.execute(status -> jdbc.query(
                    """
                    select cells, row_no, null, detail, detail_key, detail_args from watchlist_import_row
                    where import_id = ? and outcome = 'REJECTED' order by row_no""",
                    (rs, n) -> {
                        List<String> cells = new ArrayList<>(List.of(json.readValue(rs.getString(1), String[].class)));
                        cells.add(support.detail(rs, locale));
                        cells.add(String.join(" · ", warnings.getOrDefault(rs.getInt(2), List.of())));
                        return cells;
                    },
                    upload.getId()));
            int width = Math.max(
                    header.size(),
                    rows.stream().mapToInt(r -> r.size() - 2).max().orElse(0));
            if (!header.isEmpty()) {
                while (header.size() < width) {
                    header.add("");
                }
                header.add(support.message("watchlist.rejected.reasonColumn", locale));
                header.add(support.message("watchlist.rejected.warningsColumn", locale));
                printer.printRecord(header.stream().map(Exports::neutralise).toList());
            }
            for (List<String> row : rows) {
                String rowWarnings = row.removeLast();
                String reason = row.removeLast();
                while (row.size() < width) {
                    row.add("");
                }
                row.add(reason);
                row.add(rowWarnings);
                printer.printRecord(row.stream().map(Exports::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "\uFEFF" + out;
    }
}
