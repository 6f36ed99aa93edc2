package eu.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.support.VigilTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client announces a 600 MB upload to a watchlist and starts sending it: Vigil answers 413 at once,
 * naming the 50 MB limit, before reading the body, so nothing reaches the disk. Feed extracts have their
 * own, larger limit.
 */
@VigilTest
class UploadLimitTests {

    @LocalServerPort
    int port;

    @Test
    void aWatchlistUploadLargerThan50MbIsRefusedBeforeItsBodyIsRead() throws Exception {
        long start = System.nanoTime();
        String answer = announce(
                "/watchlists/" + UUID.randomUUID() + "/upload", 600L << 20, "text/html\r\nAccept-Language: fr");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(answer).startsWith("HTTP/1.1 413").contains("50 MB").contains("trop volumineux");
    }

    @Test
    void theApiSaysTheLimitInItsProblemDocument() throws Exception {
        String answer = announce("/api/v1/watchlists/" + UUID.randomUUID() + "/entries", 51L << 20, "application/json");
        assertThat(answer)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("50 MB");
    }

    @Test
    void feedExtractsHaveTheirOwnLargerLimit() throws Exception {
        assertThat(announce("/api/v1/admin/feeds/kbo/extracts", 600L << 20, "application/json"))
                .as("600 MB is within an extract's limit: the request goes on to authentication")
                .startsWith("HTTP/1.1 401");
        assertThat(announce("/api/v1/admin/feeds/kbo/extracts", 5L << 30, "application/json"))
                .startsWith("HTTP/1.1 413");
    }

    @Test
    void aChunkedWatchlistUploadThatDeclaresNoLengthIsRefusedUnread() throws Exception {
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/watchlists/" + UUID.randomUUID() + "/entries HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: multipart/form-data; boundary=xyz\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "10\r\n--xyz\r\nContent-D\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder read = new StringBuilder();
            int n;
            try {
                while (!complete(read) && (n = in.read(buffer)) > 0) {
                    read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // the server stopped talking after its answer
            }
            answer = read.toString();
        }
        assertThat(answer).startsWith("HTTP/1.1 411").contains("50 MB");
    }

    /** Sends the headers of a multipart upload of {@code length} bytes and its first kilobyte, then reads the answer. */
    private String announce(String path, long length, String accept) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n"
                            + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n"
                            + "x".repeat(1000))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder answer = new StringBuilder();
            int read;
            try {
                while (!complete(answer) && (read = in.read(buffer)) > 0) {
                    answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // the server stopped talking after its answer
            }
            return answer.toString();
        }
    }

    /** The status line, the headers and the whole body (by its length, or the last chunk) have arrived. */
    private static boolean complete(StringBuilder answer) {
        int headersEnd = answer.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        String headers = answer.substring(0, headersEnd).toLowerCase();
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(headers);
        if (length.find()) {
            return answer.length() - headersEnd - 4 >= Integer.parseInt(length.group(1));
        }
        return !headers.contains("chunked") || answer.toString().endsWith("0\r\n\r\n");
    }
}
