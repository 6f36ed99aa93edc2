package eu.vigil.feed.connect;

import eu.vigil.feed.FeedMessage;
import java.time.Duration;

/**
 * Why a pull stopped, as a message code an operator reads in their language, and whether waiting longer may mend it.
 */
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
    private final FeedMessage reason;
    private final Duration retryAfter;

    FeedFailure(Kind kind, FeedMessage reason, Duration retryAfter) {
        super(reason.code() + " " + reason.args());
        this.kind = kind;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /** A failure that waiting may mend; {@code code} is a key under feeds.error. in messages/*.properties. */
    static FeedFailure dropped(String code, Object... args) {
        return new FeedFailure(Kind.TRANSIENT, FeedMessage.of("feeds.error." + code, args), null);
    }

    /** A failure a person has to mend (credential, format, endpoint); {@code code} as for {@link #dropped}. */
    static FeedFailure refused(String code, Object... args) {
        return new FeedFailure(Kind.REFUSED, FeedMessage.of("feeds.error." + code, args), null);
    }

    static FeedFailure rateLimited(Duration retryAfter, String code, Object... args) {
        return new FeedFailure(Kind.RATE_LIMITED, FeedMessage.of("feeds.error." + code, args), retryAfter);
    }

    Kind kind() {
        return kind;
    }

    FeedMessage reason() {
        return reason;
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
