package eu.vigil.feed.connect;

import eu.vigil.feed.FeedMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** Where one stream of a source stands, as the feed page shows it. */
public record ConnectionState(
        String source,
        String stream,
        String position,
        Instant newestItemAt,
        String holder,
        boolean connected,
        Instant lastAttemptAt,
        Instant lastSuccessAt,
        Instant nextAttemptAt,
        int failures,
        Instant failingSince,
        FeedMessage lastError,
        FeedMessage note,
        Instant noteAt,
        long itemsToday,
        long itemsTotal,
        long runs) {

    /** Now minus the newest item's date; null before any item came. */
    public Duration lag(Instant now) {
        return newestItemAt == null ? null : Duration.between(newestItemAt, now);
    }

    static long today(LocalDate itemsDay, long itemsToday, LocalDate today) {
        return today.equals(itemsDay) ? itemsToday : 0;
    }
}
