package eu.vigil.feed.connect;

import java.time.Duration;

/** Why a pull stopped, in words an operator can act on, and whether waiting longer may mend it. */
final class FeedFailure extends Exception {

    enum Kind {
        /** a dropped connection, a timeout, a 5xx: retried with a growing wait */
        TRANSIENT,
        /** 429: retried after what the server asked, at least */
        RATE_LIMITED,
        /** a wrong credential, a changed format, a web page instead of data: retried only after the long wait */
        REFUSED
    }

    private final Kind kind;
    private final Duration retryAfter;

    FeedFailure(Kind kind, String words) {
        this(kind, words, null);
    }

    FeedFailure(Kind kind, String words, Duration retryAfter) {
        super(words);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    static FeedFailure dropped(String words) {
        return new FeedFailure(Kind.TRANSIENT, words);
    }

    static FeedFailure refused(String words) {
        return new FeedFailure(Kind.REFUSED, words);
    }

    Kind kind() {
        return kind;
    }

    /** What the server asked to wait (Retry-After), or null. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** The wait before the next attempt after {@code failures} failures in a row, this one included. */
    Duration backoff(int failures, ConnectionProperties properties) {
        if (kind == Kind.REFUSED) {
            return properties.refusedRetry();
        }
        long min = properties.minBackoff().toMillis();
        long grown = min << Math.min(Math.max(failures - 1, 0), 20);
        Duration wait =
                Duration.ofMillis(Math.min(grown, properties.maxBackoff().toMillis()));
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            return retryAfter;
        }
        return wait;
    }
}
