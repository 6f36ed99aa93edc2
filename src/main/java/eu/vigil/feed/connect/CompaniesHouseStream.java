package eu.vigil.feed.connect;

import eu.vigil.feed.FeedMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Companies House Streaming API (src/docs/feeds.md §2): one long-lived {@code GET <endpoint>/<stream>?timepoint=N}
 * per stream, HTTP Basic with the stream key, one JSON envelope per line, blank lines as heartbeats. Events are
 * committed as runs of the stream file's adapter every few seconds or so many events, with the newest timepoint as
 * the stream's position; a reconnection resumes from there and skips what it already holds.
 */
final class CompaniesHouseStream implements Puller {

    static final String SOURCE = "companies-house";
    private static final ObjectReader ENVELOPES = JsonMapper.builder().build().readerFor(JsonNode.class);
    private static final int MAX_LINE = 4 << 20;

    private final HttpClient client;
    private final URI endpoint;
    private final String key;
    private final String keyVariable;
    private final int commitEvents;
    private final Duration commitEvery;
    private final Duration idleTimeout;

    CompaniesHouseStream(
            HttpClient client,
            URI endpoint,
            String key,
            String keyVariable,
            int commitEvents,
            Duration commitEvery,
            Duration idleTimeout) {
        this.client = client;
        this.endpoint = endpoint;
        this.key = key;
        this.keyVariable = keyVariable;
        this.commitEvents = commitEvents;
        this.commitEvery = commitEvery;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public void pull(String stream, String position, Session session) throws FeedFailure, InterruptedException {
        Long from = position == null ? null : Long.valueOf(position);
        HttpResponse<InputStream> response = open(stream, from);
        if (response.statusCode() == 416 && from != null) {
            HttpAnswers.close(response);
            session.note(FeedMessage.of("feeds.note.chTimepointGone", from, stream));
            response = open(stream, null);
        }
        HttpAnswers.check(
                response, "Companies House", status -> FeedFailure.refused("chKeyRefused", status, keyVariable));
        InputStream body = response.body();
        session.closeOnStop(body);
        session.connected();
        Lines lines = new Lines(body);
        Thread reader = Thread.ofVirtual().name("ch-stream-" + stream).start(lines::read);
        try {
            consume(stream, from == null ? -1 : from, lines, response, session);
        } finally {
            lines.done = true;
            try {
                body.close();
            } catch (IOException e) {
                // closing a broken stream
            }
            reader.interrupt();
        }
    }

    private HttpResponse<InputStream> open(String stream, Long timepoint) throws FeedFailure, InterruptedException {
        URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + stream
                + (timepoint == null ? "" : "?timepoint=" + timepoint));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw FeedFailure.dropped(
                    "unreachable",
                    "Companies House",
                    uri,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void consume(String stream, long committed, Lines lines, HttpResponse<?> response, Session session)
            throws FeedFailure, InterruptedException {
        Batch batch = new Batch(stream, committed);
        Instant lastData = Instant.now();
        boolean first = true;
        while (true) {
            Instant now = Instant.now();
            Instant idleAt = lastData.plus(idleTimeout);
            Instant due = batch.isEmpty() ? idleAt : min(idleAt, batch.firstAt.plus(commitEvery));
            Object item =
                    lines.queue.poll(Math.max(1, Duration.between(now, due).toMillis()), TimeUnit.MILLISECONDS);
            now = Instant.now();
            if (item == null) {
                if (!batch.isEmpty() && !now.isBefore(batch.firstAt.plus(commitEvery))) {
                    batch.commit(session);
                }
                if (session.stopping()) {
                    batch.commit(session);
                    return;
                }
                if (!now.isBefore(idleAt)) {
                    batch.commit(session);
                    throw FeedFailure.dropped("chSilent", stream, idleTimeout.toSeconds());
                }
                continue;
            }
            lastData = now;
            if (item instanceof String text) {
                if (text.isBlank()) {
                    continue;
                }
                if (first && text.stripLeading().startsWith("<")) {
                    throw HttpAnswers.html("Companies House", response);
                }
                first = false;
                batch.add(text);
                if (batch.size() >= commitEvents) {
                    batch.commit(session);
                }
            } else {
                batch.commit(session);
                if (session.stopping()) {
                    return;
                }
                throw item instanceof IOException broken
                        ? FeedFailure.dropped("chBroken", stream, broken.getMessage())
                        : FeedFailure.dropped("chClosed", stream);
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Events read and not yet committed, with the position they take the stream to. */
    private static final class Batch {

        private final String stream;
        private final List<String> lines = new ArrayList<>();
        private long position;
        private long firstTimepoint = -1;
        private Instant newest;
        private Instant firstAt;
        private long events;

        Batch(String stream, long position) {
            this.stream = stream;
            this.position = position;
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }

        long size() {
            return lines.size();
        }

        /** One line of the stream: its events, each on its own line (two run together are split), the seen skipped. */
        void add(String text) {
            List<JsonNode> events = new ArrayList<>(1);
            try (MappingIterator<JsonNode> values = ENVELOPES.readValues(text)) {
                while (values.hasNextValue()) {
                    events.add(values.nextValue());
                }
            } catch (JacksonException e) {
                // a broken line goes to the run whole, which quarantines it with its reason
                start();
                lines.add(text);
                return;
            }
            for (JsonNode event : events) {
                long timepoint = event.path("event").path("timepoint").asLong(-1);
                if (timepoint >= 0 && timepoint <= position) {
                    continue;
                }
                start();
                lines.add(event.toString());
                this.events++;
                if (timepoint > position) {
                    position = timepoint;
                }
                if (firstTimepoint < 0) {
                    firstTimepoint = timepoint;
                }
                Instant published =
                        published(event.path("event").path("published_at").asString(null));
                if (published != null && (newest == null || published.isAfter(newest))) {
                    newest = published;
                }
            }
        }

        private void start() {
            if (firstAt == null) {
                firstAt = Instant.now();
            }
        }

        void commit(Session session) throws FeedFailure {
            if (lines.isEmpty()) {
                return;
            }
            byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            session.commit(
                    new ByteArrayInputStream(content),
                    "companies-house-" + stream + "-" + firstTimepoint + "-" + position + ".jsonl",
                    Long.toString(position),
                    newest,
                    events);
            lines.clear();
            firstAt = null;
            firstTimepoint = -1;
            events = 0;
        }
    }

    /** {@code published_at} with or without a zone; without one it is UTC. */
    static Instant published(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /**
     * Reads the response into lines on its own thread, so that the consumer can commit on time while the stream is
     * quiet; a line the connection cut short is dropped (it comes again after the reconnection).
     */
    private static final class Lines {

        private static final Object END = new Object();
        private final InputStream body;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8192);
        private volatile boolean done;

        Lines(InputStream body) {
            this.body = body;
        }

        void read() {
            Object last;
            try (Reader in = new InputStreamReader(body, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                char[] buffer = new char[1 << 14];
                boolean overlong = false;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    for (int i = 0; i < n; i++) {
                        char c = buffer[i];
                        if (c == '\n') {
                            int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r'
                                    ? line.length() - 1
                                    : line.length();
                            put(overlong ? line.substring(0, 4000) : line.substring(0, end));
                            line.setLength(0);
                            overlong = false;
                        } else if (line.length() < MAX_LINE) {
                            line.append(c);
                        } else {
                            overlong = true;
                        }
                    }
                }
                last = END;
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void put(Object item) throws InterruptedException {
            while (!done && !queue.offer(item, 200, TimeUnit.MILLISECONDS)) {
                // the consumer is committing: wait for room, unless it has gone
            }
        }
    }
}
