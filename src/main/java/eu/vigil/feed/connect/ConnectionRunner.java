package eu.vigil.feed.connect;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedMessage;
import eu.vigil.feed.RunView;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

/**
 * Keeps one stream of one source pulled, on whichever instance holds its lease: waits for the lease, honours the
 * next attempt the last failure set (also one another instance recorded), pulls from the committed position, and
 * counts and words each failure with its backoff.
 */
final class ConnectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRunner.class);

    private final Puller puller;
    private final String source;
    private final String stream;
    private final String holder;
    private final Duration interval;
    private final ConnectionProperties properties;
    private final ConnectionStore store;
    private final FeedIngestion ingestion;
    private final ConnectionMetrics metrics;
    private final MessageSource messages;
    private final Object wakeUp = new Object();
    private final List<Closeable> open = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile boolean halted;
    private volatile boolean holding;
    private volatile boolean leaseLost;
    private Thread thread;

    ConnectionRunner(
            Puller puller,
            String stream,
            String holder,
            Duration interval,
            ConnectionProperties properties,
            ConnectionStore store,
            FeedIngestion ingestion,
            ConnectionMetrics metrics,
            MessageSource messages) {
        this.messages = messages;
        this.puller = puller;
        this.source = puller.source();
        this.stream = stream;
        this.holder = holder;
        this.interval = interval;
        this.properties = properties;
        this.store = store;
        this.ingestion = ingestion;
        this.metrics = metrics;
    }

    String source() {
        return source;
    }

    String stream() {
        return stream;
    }

    String holder() {
        return holder;
    }

    ConnectionRunner start() {
        store.ensure(source, stream);
        thread = Thread.ofVirtual().name("feed-" + source + "-" + stream).start(this::loop);
        return this;
    }

    /** Commits what was fetched, lets the lease go and waits for the pull to end. */
    void stop() {
        stopping = true;
        closeOpen();
        wake();
        join();
    }

    /** Ends as a process that died would: nothing more committed, the lease left to expire. */
    void halt() {
        halted = true;
        stop();
    }

    /** Called on a timer: keeps the lease while pulling, and ends the pull when another instance took it. */
    void renew() {
        if (holding && !halted && !store.renew(source, stream, holder, properties.lease())) {
            log.warn("{} {}: another instance took the connection over; this one stops pulling it", source, stream);
            holding = false;
            leaseLost = true;
            closeOpen();
            wake();
        }
    }

    private void loop() {
        while (!stopping) {
            try {
                leaseLost = false;
                if (!store.claim(source, stream, holder, properties.lease())) {
                    holding = false;
                    pause(properties.lease().dividedBy(3));
                    continue;
                }
                holding = true;
                ConnectionState state = store.find(source, stream).orElseThrow();
                Instant now = Instant.now();
                if (state.nextAttemptAt() != null && state.nextAttemptAt().isAfter(now)) {
                    Duration wait = Duration.between(now, state.nextAttemptAt());
                    pause(
                            wait.compareTo(properties.lease().dividedBy(3)) < 0
                                    ? wait
                                    : properties.lease().dividedBy(3));
                    continue;
                }
                attempt(state);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("{} {}: the connection could not go on", source, stream, e);
                try {
                    pause(
                            properties.maxBackoff().compareTo(Duration.ofSeconds(5)) < 0
                                    ? properties.maxBackoff()
                                    : Duration.ofSeconds(5));
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!halted && holding) {
            try {
                store.release(source, stream, holder);
            } catch (RuntimeException e) {
                log.debug("{} {}: could not let the lease go: {}", source, stream, e.getMessage());
            }
        }
        holding = false;
    }

    private void attempt(ConnectionState state) throws InterruptedException {
        store.attempting(source, stream);
        try {
            puller.pull(stream, state.position(), new RunnerSession());
            if (!stopping && !leaseLost) {
                store.succeeded(
                        source,
                        stream,
                        puller.streaming() ? null : Instant.now().plus(interval));
            }
        } catch (RuntimeException e) {
            // a fault of Vigil's own, not the source's: said as such, and retried after the longest backoff
            log.error("{} {}: the pull stopped on an error", source, stream, e);
            failed(new FeedFailure(
                    FeedFailure.Kind.TRANSIENT,
                    FeedMessage.of("feeds.error.ownError", e.getClass().getSimpleName() + ": " + e.getMessage()),
                    properties.maxBackoff()));
        } catch (FeedFailure failure) {
            failed(failure);
        } finally {
            open.clear();
            if (!halted) {
                store.connected(source, stream, holder, false);
            }
        }
    }

    private void failed(FeedFailure failure) {
        if (stopping || leaseLost) {
            return;
        }
        metrics.failed(source);
        // the failure and its next attempt in one update, so that no reader sees one without the other; only the
        // lease holder counts this stream's failures
        int expected = store.find(source, stream).map(ConnectionState::failures).orElse(0) + 1;
        Duration wait = failure.backoff(expected, properties);
        int failures = store.failed(source, stream, failure.reason(), wait);
        log.warn(
                "{} {}: {} (failure {} in a row; next attempt in {} s)",
                source,
                stream,
                english(failure.reason()),
                failures,
                wait.toSeconds());
    }

    /** The log is read in English. */
    private String english(FeedMessage message) {
        return messages.getMessage(message, Locale.ENGLISH);
    }

    private void pause(Duration wait) throws InterruptedException {
        synchronized (wakeUp) {
            if (!stopping && !wait.isNegative() && !wait.isZero()) {
                wakeUp.wait(Math.max(1, wait.toMillis()));
            }
        }
    }

    private void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void closeOpen() {
        for (Closeable closeable : open) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                log.debug("{} {}: closing the connection: {}", source, stream, e.getMessage());
            }
        }
    }

    private void join() {
        if (thread != null) {
            try {
                if (!thread.join(Duration.ofSeconds(30))) {
                    log.warn("{} {}: the pull did not end within 30 s of the stop", source, stream);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class RunnerSession implements Puller.Session {

        @Override
        public void connected() {
            store.connected(source, stream, holder, true);
        }

        @Override
        public void closeOnStop(Closeable closeable) {
            open.add(closeable);
            if (stopping || leaseLost) {
                closeOpen();
            }
        }

        @Override
        public boolean stopping() {
            return stopping || leaseLost;
        }

        @Override
        public void note(FeedMessage note) {
            store.note(source, stream, note);
            log.warn("{} {}: {}", source, stream, english(note));
        }

        @Override
        public void commit(InputStream content, String fileName, String position, Instant newestItem, long items)
                throws FeedFailure {
            if (halted || leaseLost) {
                throw FeedFailure.dropped("stoppedBeforeApplied");
            }
            RunView run = ingestion.applyFetched(
                    source,
                    content,
                    fileName,
                    "connection " + stream,
                    () -> store.commit(source, stream, holder, position, newestItem, items));
            if (!"COMPLETED".equals(run.status())) {
                if (store.find(source, stream)
                        .map(s -> !holder.equals(s.holder()))
                        .orElse(true)) {
                    leaseLost = true;
                    throw FeedFailure.dropped("takenOver");
                }
                throw FeedFailure.refused("notApplied", source, run.id(), run.status(), run.error());
            }
            metrics.applied(source, run.rowsRead());
        }
    }
}
