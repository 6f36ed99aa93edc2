package eu.vigil.watchlist;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.RunView;
import eu.vigil.support.KboUpdateZip;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;

/** Companies brought the way production brings them: through a real KBO Update or bureau snapshot run. */
final class FeedRuns {

    private FeedRuns() {}

    /** A KBO Update that brings these active enterprises (number to name), seated in 9000 Gent. */
    static RunView kbo(FeedIngestion ingestion, Map<String, String> names) {
        byte[] zip =
                KboUpdateZip.newEnterprises(names, LocalDate.now().minusDays(1), "Veldstraat", "Rue des Champs", "1");
        return completed(ingestion.ingestNow(
                "kbo", new ByteArrayInputStream(zip), "KboOpenData_0147_watchlist_Update.zip", true, "test"));
    }

    /** A bureau snapshot of one company as of today; {@code fields} are the line's other JSON members. */
    static RunView bureau(FeedIngestion ingestion, String number, String fields) {
        String line = "{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"" + LocalDate.now()
                + "\",\"bureau\":\"test\"," + fields + "}";
        return completed(ingestion.ingestNow("bureau", FeedLines.file(line), "snapshot.jsonl", true, "test"));
    }

    private static RunView completed(RunView run) {
        if (!"COMPLETED".equals(run.status()) || run.rowsRejected() > 0) {
            throw new IllegalStateException(
                    "Run " + run.id() + " " + run.status() + ": " + run.error() + ", rejected " + run.rowsRejected());
        }
        return run;
    }
}
