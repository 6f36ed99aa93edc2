package eu.vigil.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one stream of a source Vigil pulls itself stands: connected or not, last success, lag (now minus the newest
 * item's date), items today, next attempt, the last error and a note as messages in the reader's language; late when it has been silent, and failing when it
 * has been failing, longer than the source's threshold.
 */
public record FeedConnectionStatus(
        String source,
        String stream,
        boolean enabled,
        boolean connected,
        Instant lastSuccessAt,
        Instant newestItemAt,
        Duration lag,
        long itemsToday,
        long itemsTotal,
        long runs,
        Instant nextAttemptAt,
        int failures,
        Instant failingSince,
        FeedMessage lastError,
        FeedMessage note,
        Duration threshold,
        boolean late,
        boolean failing) {

    /** Late or failing past its threshold: shown on the platform admin's home, and mailed. */
    public boolean needsAttention() {
        return late || failing;
    }
}
