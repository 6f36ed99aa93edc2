package eu.vigil.feed.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Companies House Streaming API: {@code GET /<stream>?timepoint=N} with HTTP Basic (the stream key, empty
 * password), events from timepoint N on, one envelope per line with blank heartbeat lines between some and two events
 * run together on one line now and then, then the connection held open with heartbeats and new events as they are
 * published. The next connections can be told to answer 429, HTML, or to drop in the middle of a line.
 */
public final class CompaniesHouseStreamStub implements AutoCloseable {

    private static final Pattern TIMEPOINT = Pattern.compile("\"timepoint\":(\\d+)");

    sealed interface Answer {}

    record TooMany(int retryAfterSeconds) implements Answer {}

    record WebPage() implements Answer {}

    /** Sends {@code events} events, then half of the next line, then closes. */
    record DropAfter(int events) implements Answer {}

    record Request(String stream, Long timepoint, Instant at) {}

    private record Event(long timepoint, String line) {}

    private final HttpServer server;
    private final String key;
    private final Map<String, List<Event>> streams = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** When each event left the stub, by timepoint. */
    private final Map<Long, Instant> sentAt = new ConcurrentHashMap<>();

    /** When the event of {@code timepoint} left the stub (first sent), or null. */
    public Instant sentAt(long timepoint) {
        return sentAt.get(timepoint);
    }

    private volatile long oldestKept;
    private volatile boolean heartbeats = true;
    private volatile Duration pace;
    private volatile boolean closed;

    public CompaniesHouseStreamStub(String key) throws IOException {
        this.key = key;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void publish(String stream, List<String> lines) {
        List<Event> events = streams.computeIfAbsent(stream, s -> new CopyOnWriteArrayList<>());
        for (String line : lines) {
            Matcher m = TIMEPOINT.matcher(line);
            if (!m.find()) {
                throw new IllegalArgumentException("no timepoint in " + line);
            }
            events.add(new Event(Long.parseLong(m.group(1)), line));
        }
    }

    void next(Answer answer) {
        script.add(answer);
    }

    /** Timepoints before this one are no longer kept: asking for one is answered 416. */
    void keepFrom(long timepoint) {
        oldestKept = timepoint;
    }

    /** Sends events as fast as it can, without heartbeats between them (a benchmark). */
    public void noHeartbeats() {
        heartbeats = false;
    }

    /** Sends one event, then waits {@code perEvent} before the next (a stream that is still being written). */
    public void pace(Duration perEvent) {
        pace = perEvent;
    }

    List<Request> requests(String stream) {
        return requests.stream().filter(r -> r.stream().equals(stream)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String stream = exchange.getRequestURI().getPath().substring(1);
            String query = exchange.getRequestURI().getQuery();
            Long from = query != null && query.startsWith("timepoint=") ? Long.valueOf(query.substring(10)) : null;
            requests.add(new Request(stream, from, Instant.now()));
            String expected =
                    "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Answer answer = script.poll();
            if (answer instanceof TooMany tooMany) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(tooMany.retryAfterSeconds()));
                exchange.sendResponseHeaders(429, -1);
                return;
            }
            if (answer instanceof WebPage) {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                byte[] page = "<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                return;
            }
            if (from != null && from < oldestKept) {
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            int dropAfter = answer instanceof DropAfter drop ? drop.events() : -1;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            serve(exchange.getResponseBody(), stream, from == null ? 0 : from, dropAfter);
        } catch (IOException e) {
            // the client went away
        }
    }

    private void serve(OutputStream out, String stream, long from, int dropAfter) throws IOException {
        List<Event> events = streams.computeIfAbsent(stream, s -> new CopyOnWriteArrayList<>());
        int next = 0;
        int sent = 0;
        long lastBeat = System.nanoTime();
        while (!closed) {
            List<Event> waiting = new ArrayList<>();
            for (; next < events.size(); next++) {
                if (events.get(next).timepoint() >= from) {
                    waiting.add(events.get(next));
                }
            }
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < waiting.size(); i++) {
                if (dropAfter >= 0 && sent == dropAfter) {
                    String line = waiting.get(i).line();
                    chunk.append(line, 0, line.length() / 2);
                    write(out, chunk);
                    return;
                }
                Event event = waiting.get(i);
                boolean together =
                        heartbeats && pace == null && i + 1 < waiting.size() && sent % 7 == 3 && sent + 1 != dropAfter;
                if (heartbeats && sent % 3 == 0) {
                    chunk.append('\n');
                }
                chunk.append(event.line());
                sentAt.putIfAbsent(event.timepoint(), Instant.now());
                sent++;
                if (together) {
                    Event second = waiting.get(++i);
                    chunk.append(second.line());
                    sentAt.putIfAbsent(second.timepoint(), Instant.now());
                    sent++;
                }
                chunk.append('\n');
                Duration wait = pace;
                if (wait != null) {
                    write(out, chunk);
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (chunk.length() > 1 << 16) {
                    write(out, chunk);
                }
            }
            write(out, chunk);
            if (System.nanoTime() - lastBeat > 200_000_000L) {
                out.write('\n');
                out.flush();
                lastBeat = System.nanoTime();
            }
            if (waiting.isEmpty()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void write(OutputStream out, StringBuilder chunk) throws IOException {
        if (!chunk.isEmpty()) {
            out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            chunk.setLength(0);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
    }
}
