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
 * A file the bureau (or the accounts provider) publishes at one HTTPS address and replaces when it has news: asked for
 * on schedule with the ETag and Last-Modified of the one applied last (a 304 is not downloaded), applied as a run when
 * its content differs from the one applied last (by SHA-256). The position holds the three, one a line.
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

    /** What the position keeps of the file applied last: its SHA-256 and the validators its server gave. */
    record Applied(String sha, String etag, String lastModified) {

        private static final String ETAG = "ETag: ";
        private static final String LAST_MODIFIED = "Last-Modified: ";
        /** feed_connection.position is varchar(200): a validator that does not fit is not kept (the file is fetched). */
        private static final int POSITION_LENGTH = 200;

        static Applied of(String position) {
            if (position == null) {
                return new Applied(null, null, null);
            }
            String sha = null;
            String etag = null;
            String lastModified = null;
            for (String line : position.split("\n")) {
                if (line.startsWith(ETAG)) {
                    etag = line.substring(ETAG.length());
                } else if (line.startsWith(LAST_MODIFIED)) {
                    lastModified = line.substring(LAST_MODIFIED.length());
                } else if (sha == null) {
                    sha = line;
                }
            }
            return new Applied(sha, etag, lastModified);
        }

        String position() {
            StringBuilder position = new StringBuilder(sha);
            append(position, LAST_MODIFIED, lastModified);
            append(position, ETAG, etag);
            return position.toString();
        }

        private static void append(StringBuilder position, String header, String value) {
            if (value != null && position.length() + 1 + header.length() + value.length() <= POSITION_LENGTH) {
                position.append('\n').append(header).append(value);
            }
        }
    }

    @Override
    public void pull(String stream, String position, Session session) throws FeedFailure, InterruptedException {
        Applied last = Applied.of(position);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET();
        if (last.etag() != null) {
            request.header("If-None-Match", last.etag());
        }
        if (last.lastModified() != null) {
            request.header("If-Modified-Since", last.lastModified());
        }
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
            if (response.statusCode() == 304 && last.sha() != null) {
                HttpAnswers.close(response);
                session.connected();
                return;
            }
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
            if (sha.equals(last.sha())) {
                return;
            }
            Applied now = new Applied(
                    sha,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            String path = url.getPath();
            String name =
                    path == null || path.endsWith("/") ? source + ".jsonl" : path.substring(path.lastIndexOf('/') + 1);
            try (InputStream in = Files.newInputStream(local)) {
                session.commit(in, name, now.position(), Instant.now(), 1);
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
