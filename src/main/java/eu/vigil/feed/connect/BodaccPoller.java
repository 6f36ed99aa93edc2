package eu.vigil.feed.connect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BODACC annonces-commerciales dataset on the DILA open-data portal (Opendatasoft Explore v2.1): asks for the
 * notices published since the last one applied ({@code where=dateparution>=date'…'}, {@code order_by=dateparution,id},
 * paged with {@code limit}/{@code offset}), and applies the new ones as runs of the BODACC adapter. The position is
 * the publication date and id of the last notice applied.
 */
final class BodaccPoller implements Puller {

    static final String SOURCE = "bodacc";
    static final String STREAM = "annonces-commerciales";
    /** Explore v2.1 answers at most offset + limit = 10,000 records for one query. */
    private static final int WINDOW = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI endpoint;
    private final LocalDate startFrom;
    private final int pageSize;
    private final int runRecords;

    BodaccPoller(HttpClient client, URI endpoint, LocalDate startFrom, int pageSize, int runRecords) {
        this.client = client;
        this.endpoint = endpoint;
        this.startFrom = startFrom;
        this.pageSize = Math.clamp(pageSize, 1, 100);
        this.runRecords = Math.max(1, runRecords);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public boolean streaming() {
        return false;
    }

    /** A publication date and notice id: notices come in this order, and the last applied is the position. */
    record Mark(LocalDate date, String id) implements Comparable<Mark> {

        static Mark parse(String position) {
            int space = position.indexOf(' ');
            return new Mark(LocalDate.parse(position.substring(0, space)), position.substring(space + 1));
        }

        @Override
        public int compareTo(Mark other) {
            int byDate = date.compareTo(other.date);
            return byDate != 0 ? byDate : id.compareTo(other.id);
        }

        @Override
        public String toString() {
            return date + " " + id;
        }
    }

    @Override
    public void pull(String stream, String position, Session session) throws FeedFailure, InterruptedException {
        Mark applied = position == null
                ? new Mark(startFrom == null ? LocalDate.now(ZoneOffset.UTC).minusDays(1) : startFrom, "")
                : Mark.parse(position);
        Pending pending = new Pending(applied);
        LocalDate from = applied.date();
        int offset = 0;
        boolean first = true;
        while (!session.stopping()) {
            JsonNode answer = page(from, offset);
            if (first) {
                session.connected();
                first = false;
            }
            JsonNode results = answer.get("results");
            for (JsonNode record : results) {
                pending.add(record);
                if (pending.size() >= runRecords) {
                    pending.commit(session);
                }
            }
            if (results.size() < pageSize) {
                break;
            }
            offset += pageSize;
            if (offset + pageSize > WINDOW) {
                if (!pending.last.date().isAfter(from)) {
                    pending.commit(session);
                    throw FeedFailure.refused("bodaccWindow", WINDOW, from);
                }
                from = pending.last.date();
                offset = 0;
            }
        }
        pending.commit(session);
    }

    private JsonNode page(LocalDate from, int offset) throws FeedFailure, InterruptedException {
        String query = "where=" + encode("dateparution>=date'" + from + "'") + "&order_by=" + encode("dateparution,id")
                + "&limit=" + pageSize + "&offset=" + offset;
        URI uri = URI.create(endpoint + (endpoint.getQuery() == null ? "?" : "&") + query);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            HttpAnswers.check(response, "BODACC", status -> FeedFailure.refused("bodaccRefused", status));
            try (InputStream in = response.body()) {
                body = in.readNBytes(64 << 20);
            }
        } catch (IOException e) {
            throw FeedFailure.dropped(
                    "unreachable",
                    "BODACC",
                    uri,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        String text = new String(body, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("<")) {
            throw HttpAnswers.html("BODACC", response);
        }
        try {
            JsonNode answer = JSON.readTree(text);
            if (answer.get("results") == null || !answer.get("results").isArray()) {
                throw FeedFailure.refused("bodaccNoResults", uri);
            }
            return answer;
        } catch (JacksonException e) {
            throw FeedFailure.refused("bodaccNotJson", uri, e.getOriginalMessage());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Notices after the position not yet committed, and the position they take it to. */
    private static final class Pending {

        private final List<String> lines = new ArrayList<>();
        private Mark last;
        private LocalDate firstDate;

        Pending(Mark applied) {
            this.last = applied;
        }

        int size() {
            return lines.size();
        }

        void add(JsonNode record) {
            Mark mark = mark(record);
            if (mark != null && mark.compareTo(last) <= 0) {
                return;
            }
            lines.add(record.toString());
            if (mark != null) {
                last = mark;
                if (firstDate == null) {
                    firstDate = mark.date();
                }
            }
        }

        /** A record without a readable date or id still goes to the run, which quarantines it with its reason. */
        private static Mark mark(JsonNode record) {
            String id = record.path("id").asString(null);
            String date = record.path("dateparution").asString(null);
            if (id == null || date == null) {
                return null;
            }
            try {
                return new Mark(LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date), id);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        void commit(Session session) throws FeedFailure {
            if (lines.isEmpty()) {
                return;
            }
            byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            Instant newest = last.date().atStartOfDay(ZoneOffset.UTC).toInstant();
            session.commit(
                    new ByteArrayInputStream(content),
                    "bodacc-" + (firstDate == null ? last.date() : firstDate) + "-" + last.date() + ".jsonl",
                    last.toString(),
                    newest,
                    lines.size());
            lines.clear();
            firstDate = null;
        }
    }
}
