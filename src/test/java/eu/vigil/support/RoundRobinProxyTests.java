package eu.vigil.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two small backends that echo what they received behind the proxy: requests alternate between them whatever the
 * cookies, uploads arrive byte for byte with their length, redirects stay on the proxy, a slow response streams, and a
 * backend that is gone is skipped.
 */
class RoundRobinProxyTests {

    private final List<HttpServer> backends = new ArrayList<>();
    private final CountDownLatch releaseStream = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeEach
    void startBackends() throws IOException {
        backends.add(backend("a"));
        backends.add(backend("b"));
    }

    @AfterEach
    void stopBackends() {
        releaseStream.countDown();
        backends.forEach(server -> server.stop(0));
        client.close();
    }

    @Test
    void requestsAlternateBetweenBackendsWhateverTheCookies() throws Exception {
        try (RoundRobinProxy proxy = RoundRobinProxy.start(uris())) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(proxy.uri().resolve("/echo/path?q=1&x=%C3%A9"))
                                .header("Cookie", "SESSION=abc")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                answers.add(response.body());
                assertThat(response.headers().allValues("Set-Cookie")).containsExactly("one=1", "two=2");
            }
            assertThat(answers)
                    .extracting(answer -> answer.lines().findFirst().orElseThrow())
                    .containsExactly("a", "b", "a", "b");
            assertThat(answers.getFirst())
                    .contains("GET /echo/path?q=1&x=%C3%A9")
                    .contains("cookie=SESSION=abc")
                    .contains("x-forwarded-host=" + proxy.uri().getAuthority());
            assertThat(proxy.servedBy()).containsExactly(0, 1, 0, 1);
        }
    }

    @Test
    void anUploadArrivesByteForByteWithItsLength() throws Exception {
        byte[] upload = new byte[300_000];
        for (int i = 0; i < upload.length; i++) {
            upload[i] = (byte) (i * 31);
        }
        try (RoundRobinProxy proxy = RoundRobinProxy.start(uris())) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(proxy.uri().resolve("/upload"))
                            .header("Content-Type", "multipart/form-data; boundary=xyz")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(upload))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body())
                    .contains("POST /upload")
                    .contains("content-length=300000")
                    .contains("content-type=multipart/form-data; boundary=xyz")
                    .contains("body-hash=" + java.util.Arrays.hashCode(upload))
                    .doesNotContain("transfer-encoding");
        }
    }

    @Test
    void aRedirectToTheBackendPointsAtTheProxy() throws Exception {
        try (RoundRobinProxy proxy = RoundRobinProxy.start(uris())) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(proxy.uri().resolve("/redirect")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValue(proxy.uri() + "/next?x=1");
        }
    }

    @Test
    void aSlowResponseReachesTheClientAsItIsWritten() throws Exception {
        try (RoundRobinProxy proxy = RoundRobinProxy.start(uris())) {
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(proxy.uri().resolve("/stream")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] first = body.readNBytes("data: first\n\n".length());
                // the backend holds the rest until the first part was read through the proxy
                assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("data: first\n\n");
                releaseStream.countDown();
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("data: second\n\n");
            }
        }
    }

    @Test
    void aBackendThatIsGoneIsSkipped() throws Exception {
        URI gone;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gone = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (RoundRobinProxy proxy = RoundRobinProxy.start(List.of(uris().getFirst(), gone))) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(proxy.uri().resolve("/echo")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).startsWith("a\n");
            }
            assertThat(proxy.servedBy()).containsOnly(0);
        }
    }

    private List<URI> uris() {
        return backends.stream()
                .map(server ->
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .toList();
    }

    private HttpServer backend(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> echo(name, exchange));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders()
                    .set("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/next?x=1");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/stream", this::stream);
        server.start();
        return server;
    }

    private static void echo(String name, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        StringBuilder answer = new StringBuilder(name).append('\n');
        answer.append(exchange.getRequestMethod())
                .append(' ')
                .append(exchange.getRequestURI())
                .append('\n');
        exchange.getRequestHeaders()
                .forEach((header, values) -> values.forEach(value -> answer.append(header.toLowerCase())
                        .append('=')
                        .append(value)
                        .append('\n')));
        answer.append("body-hash=").append(java.util.Arrays.hashCode(body)).append('\n');
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Set-Cookie", "one=1");
        exchange.getResponseHeaders().add("Set-Cookie", "two=2");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!releaseStream.await(10, TimeUnit.SECONDS)) {
                return;
            }
            out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
