package eu.vigil.feed.connect;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A file the bureau (or the accounts provider) publishes at one HTTPS address and replaces when it has news: fetched on
 * schedule, applied as a run when its content differs from the one applied last (by SHA-256, the position).
 */
final class HttpsFile implements Puller {

    private final String source;
    private final HttpClient client;
    private final URI url;
    private final String user;
    private final String password;
    private final String passwordVariable;

    HttpsFile(String source, HttpClient client, URI url, String user, String password, String passwordVariable) {
        this.source = source;
        this.client = client;
        this.url = url;
        this.user = user;
        this.password = password;
        this.passwordVariable = passwordVariable;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public boolean streaming() {
        return false;
    }

    @Override
    public void pull(String stream, String position, Session session) throws FeedFailure, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET();
        if (password != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        Path local = null;
        try {
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            HttpAnswers.check(
                    response,
                    url.getHost(),
                    status -> passwordVariable == null
                            ? FeedFailure.refused("fileServerRefusedNoVariable", url.getHost(), status)
                            : FeedFailure.refused("fileServerRefused", url.getHost(), status, passwordVariable));
            session.connected();
            local = Files.createTempFile("vigil-" + source + "-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(response.body(), digest)) {
                Files.copy(in, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared >= 0 && Files.size(local) != declared) {
                throw FeedFailure.dropped("truncated", url, Files.size(local), declared);
            }
            String sha = "sha256:" + HexFormat.of().formatHex(digest.digest());
            if (sha.equals(position)) {
                return;
            }
            String path = url.getPath();
            String name =
                    path == null || path.endsWith("/") ? source + ".jsonl" : path.substring(path.lastIndexOf('/') + 1);
            try (InputStream in = Files.newInputStream(local)) {
                session.commit(in, name, sha, Instant.now(), 1);
            }
        } catch (IOException e) {
            throw FeedFailure.dropped(
                    "unreachable",
                    url.getHost(),
                    url,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (local != null) {
                try {
                    Files.deleteIfExists(local);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
