package eu.vigil.receivables;

import java.time.LocalDate;
import java.util.List;

/**
 * What a load did; {@code problems} lists the first thousand problems of the {@code rejected} lines. {@code closingSkipped} is true when a snapshot closed nothing because a rejected line had no
 * readable document number (closing would have settled an item that line may still carry).
 */
public record LoadReport(
        long loadId,
        LoadMode mode,
        LocalDate asOf,
        int received,
        int inserted,
        int updated,
        int unchanged,
        int closed,
        boolean closingSkipped,
        int customers,
        int unknownCustomers,
        int rejected,
        int signals,
        List<LineProblem> problems) {

    /** A line not taken: which row, which field, the value, and why (a message key). */
    public record LineProblem(int row, String field, String value, String reason) {}
}
