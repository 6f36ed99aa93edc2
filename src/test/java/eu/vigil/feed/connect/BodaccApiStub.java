package eu.vigil.feed.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.vigil.feed.internal.RecordReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Opendatasoft Explore v2.1 records endpoint for the annonces-commerciales dataset: {@code where} holding
 * {@code dateparution>=date'YYYY-MM-DD'}, {@code order_by=dateparution,id}, {@code limit} up to 100 and {@code offset}
 * with offset + limit at most 10,000, answered as {@code {"total_count": n, "results": [...]}}; anything else is a 400
 * as the API gives. It can be told to answer a web page instead.
 */
final class BodaccApiStub implements AutoCloseable {

    static final String PATH = "/api/explore/v2.1/catalog/datasets/annonces-commerciales/records";
    private static final Pattern WHERE = Pattern.compile("dateparution>=date'(\\d{4}-\\d{2}-\\d{2})'");

    private final HttpServer server;
    private final List<Map<String, Object>> records = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile boolean webPage;

    BodaccApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(PATH, this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    void publish(List<Map<String, Object>> notices) {
        records.addAll(notices);
    }

    void answerWebPages() {
        webPage = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(query);
            if (webPage) {
                send(exchange, 200, "text/html", "<!DOCTYPE html><html><body>Maintenance</body></html>");
                return;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            Matcher where = WHERE.matcher(params.getOrDefault("where", ""));
            int limit = Integer.parseInt(params.getOrDefault("limit", "10"));
            int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
            if (!where.matches()
                    || !"dateparution,id".equals(params.get("order_by"))
                    || limit > 100
                    || offset + limit > 10_000) {
                send(
                        exchange,
                        400,
                        "application/json",
                        "{\"error_code\":\"InvalidRESTParameterError\","
                                + "\"message\":\"Invalid value for the parameters\"}");
                return;
            }
            String from = where.group(1);
            List<Map<String, Object>> matching = records.stream()
                    .filter(r -> ((String) r.get("dateparution")).compareTo(from) >= 0)
                    .sorted(Comparator.comparing((Map<String, Object> r) -> (String) r.get("dateparution"))
                            .thenComparing(r -> (String) r.get("id")))
                    .toList();
            List<Map<String, Object>> page = new ArrayList<>(
                    matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size())));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("total_count", matching.size());
            answer.put("results", page);
            send(exchange, 200, "application/json; charset=utf-8", RecordReader.JSON.writeValueAsString(answer));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
