package eu.vigil.watchlist;

import java.time.Instant;
import java.util.UUID;

/** Where an upload stands; {@code rowsRead} grows while it runs. */
public record ImportStatus(
        UUID id,
        UUID watchlistId,
        String fileName,
        String status,
        String error,
        int rowsRead,
        int rows,
        int accepted,
        int pending,
        int rejected,
        int duplicates,
        String uploadedBy,
        Instant createdAt,
        Instant finishedAt) {

    public boolean finished() {
        return status.equals("DONE") || status.equals("FAILED");
    }

    public boolean preview() {
        return status.equals("PREVIEW");
    }
}
