package eu.vigil.feed.connect;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.IntFunction;

/** What a source's HTTP answer means for the connection, as a failure with its reason. */
final class HttpAnswers {

    private HttpAnswers() {}

    /**
     * Passes a 200 with data; anything else becomes the failure it is (and the body is closed): a refused credential
     * or a web page waits the long retry, a 429 waits what the server asked, a 5xx is retried with backoff.
     */
    static void check(HttpResponse<InputStream> response, String what, IntFunction<FeedFailure> refusedCredential)
            throws FeedFailure {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (status == 200 && !type.contains("html")) {
            return;
        }
        close(response);
        if (status == 200) {
            throw html(what, response);
        }
        if (status == 401 || status == 403) {
            throw refusedCredential.apply(status);
        }
        if (status == 429) {
            Duration wait = retryAfter(response);
            throw wait == null
                    ? FeedFailure.rateLimited(null, "rateLimited", what)
                    : FeedFailure.rateLimited(wait, "rateLimitedWait", what, wait.toSeconds());
        }
        if (status >= 500) {
            throw FeedFailure.dropped("unavailable", what, status);
        }
        throw FeedFailure.refused("unexpectedStatus", what, status, response.uri());
    }

    static FeedFailure html(String what, HttpResponse<?> response) {
        return FeedFailure.refused("html", what, response.uri());
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing more to read from it anyway
        }
    }
}
