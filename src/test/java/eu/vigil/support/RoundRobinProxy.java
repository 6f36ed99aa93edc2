package eu.vigil.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 reverse proxy in the test's JVM, as a load balancer without sticky sessions: each request goes to the
 * next backend in turn, whatever its cookies say. Method, path, query, headers (Cookie and Set-Cookie included) and
 * bodies pass through; a multipart upload keeps its Content-Length; responses stream as the backend writes them; a
 * Location that names a backend is rewritten to the proxy. A backend that refuses the connection (a dead node) is
 * skipped for the next one, as a real balancer's health check would.
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** Hop-by-hop headers (RFC 9110 7.6.1) and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "content-length",
            "expect");

    private final List<URI> backends;
    private final HttpServer server;
    private final HttpClient client;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong turn = new AtomicLong();
    private final List<Integer> servedBy = Collections.synchronizedList(new ArrayList<>());

    private RoundRobinProxy(List<URI> backends) throws IOException {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("a proxy needs at least one backend");
        }
        this.backends = List.copyOf(backends);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(threads)
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Starts a proxy on a free loopback port in front of {@code backends} (base URIs such as http://127.0.0.1:8081). */
    public static RoundRobinProxy start(List<URI> backends) throws IOException {
        return new RoundRobinProxy(backends);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The index of the backend that answered each request so far, in the order the requests arrived. */
    public List<Integer> servedBy() {
        synchronized (servedBy) {
            return List.copyOf(servedBy);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
        threads.close();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long first = turn.getAndIncrement();
            IOException refused = null;
            for (int attempt = 0; attempt < backends.size(); attempt++) {
                int backend = (int) Math.floorMod(first + attempt, (long) backends.size());
                HttpResponse<InputStream> response;
                try {
                    response = client.send(
                            request(exchange, backends.get(backend), body), HttpResponse.BodyHandlers.ofInputStream());
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    refused = e;
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                servedBy.add(backend);
                respond(exchange, backends.get(backend), response);
                return;
            }
            byte[] message = ("no backend answered: " + refused).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, message.length);
            exchange.getResponseBody().write(message);
        }
    }

    private HttpRequest request(HttpExchange exchange, URI backend, byte[] body) {
        URI incoming = exchange.getRequestURI();
        String pathAndQuery =
                incoming.getRawPath() + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.toString() + pathAndQuery))
                .timeout(Duration.ofMinutes(5))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0 && !hasBody(exchange)
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header :
                exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    request.header(header.getKey(), value);
                }
            }
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        request.header("X-Forwarded-Host", host == null ? uri().getAuthority() : host);
        request.header("X-Forwarded-Proto", "http");
        request.header(
                "X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        return request.build();
    }

    private static boolean hasBody(HttpExchange exchange) {
        return exchange.getRequestHeaders().containsKey("Content-Length");
    }

    private void respond(HttpExchange exchange, URI backend, HttpResponse<InputStream> response) throws IOException {
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey();
            if (name.startsWith(":") || NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<String> values = name.equalsIgnoreCase("Location")
                    ? header.getValue().stream().map(v -> rewrite(v, backend)).toList()
                    : header.getValue();
            exchange.getResponseHeaders().put(name, new ArrayList<>(values));
        }
        int status = response.statusCode();
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean empty = exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || status == 204
                || status == 304
                || (status >= 100 && status < 200)
                || length == 0;
        if (empty) {
            // HEAD keeps the backend's length for the client to read; the JDK server sends no body for -1
            if (length > 0) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            }
            exchange.sendResponseHeaders(status, -1);
            response.body().close();
            return;
        }
        exchange.sendResponseHeaders(status, Math.max(length, 0));
        try (InputStream in = response.body();
                OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                // streamed responses (server-sent events, chunked pages) reach the client as they are written
                out.flush();
            }
        }
    }

    private String rewrite(String location, URI backend) {
        String base = backend.toString().replaceAll("/$", "");
        if (location.startsWith(base)) {
            return uri() + location.substring(base.length());
        }
        String localhost = base.replace("127.0.0.1", "localhost");
        if (location.startsWith(localhost)) {
            return uri() + location.substring(localhost.length());
        }
        return location;
    }
}
