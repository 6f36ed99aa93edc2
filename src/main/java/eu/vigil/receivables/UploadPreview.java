package eu.vigil.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An uploaded export before it is loaded: the header row found (from 1; 0 when none), the columns as recognised (or as
 * the person chose), and what the first rows become or why they cannot be taken.
 */
public record UploadPreview(
        UUID id,
        String fileName,
        int headerRow,
        List<String> header,
        int columns,
        Map<LedgerColumn, Integer> mapping,
        List<Row> rows,
        String currency) {

    public Integer columnOf(LedgerColumn column) {
        return mapping.get(column);
    }

    /** A row of the file: its cells, and the item it becomes or its problems (message keys). */
    public record Row(int number, List<String> cells, Item item, List<LoadReport.LineProblem> problems) {

        public String outcome() {
            return item != null ? "accepted" : "rejected";
        }
    }

    /** What a row becomes, as it will be stored. */
    public record Item(
            String documentNo,
            String customer,
            String companyNumber,
            DocumentType type,
            LocalDate documentDate,
            LocalDate dueDate,
            BigDecimal amount,
            String currency,
            LocalDate paidDate) {}
}
