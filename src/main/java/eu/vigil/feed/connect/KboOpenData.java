package eu.vigil.feed.connect;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * KBO Open Data (src/docs/feeds.md §1) with the operator's account: signs in with the portal's form
 * ({@code <endpoint>/static/j_spring_security_check}), reads the listing ({@code <endpoint>/affiliation/xml/?files}),
 * and downloads, in ExtractNumber order, every extract after the last one applied (by any way it came), each checked
 * whole before its run; when the numbers have a gap it starts again from the newest Full.
 */
final class KboOpenData implements Puller {

    static final String SOURCE = "kbo";
    static final String STREAM = "open-data";
    private static final Pattern EXTRACT = Pattern.compile(
            "href=\"([^\"]*?(KboOpenData_(\\d{3,})_(\\d{4})_(\\d{2})(?:_(\\d{2}))?_(Full|Update)\\.zip))\"",
            Pattern.CASE_INSENSITIVE);

    private final URI endpoint;
    private final String user;
    private final String password;
    private final String userVariable;
    private final String passwordVariable;
    private final boolean preferFull;
    private final FeedIngestion ingestion;

    KboOpenData(
            URI endpoint,
            String user,
            String password,
            String userVariable,
            String passwordVariable,
            boolean preferFull,
            FeedIngestion ingestion) {
        this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", "") + "/");
        this.user = user;
        this.password = password;
        this.userVariable = userVariable;
        this.passwordVariable = passwordVariable;
        this.preferFull = preferFull;
        this.ingestion = ingestion;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public boolean streaming() {
        return false;
    }

    /** One extract the listing offers. */
    record Published(int number, boolean full, String name, URI uri, LocalDate day) {}

    @Override
    public void pull(String stream, String position, Session session) throws FeedFailure, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        signIn(client);
        List<Published> listing = listing(client);
        session.connected();
        Integer last = ingestion.lastApplied(SOURCE).map(RunView::extractNumber).orElse(null);
        for (Published extract : plan(listing, last, preferFull)) {
            if (session.stopping()) {
                return;
            }
            Path zip = download(client, extract);
            try (InputStream in = Files.newInputStream(zip)) {
                session.commit(
                        in,
                        extract.name(),
                        Integer.toString(extract.number()),
                        extract.day() == null
                                ? null
                                : extract.day().atStartOfDay(ZoneOffset.UTC).toInstant(),
                        1);
            } catch (IOException e) {
                throw FeedFailure.dropped("localFile", extract.name(), e.getMessage());
            } finally {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }

    /**
     * The extracts to apply after {@code last}, in order: the one numbered next (a Full when told to prefer it, or when
     * only a Full carries that number), and so on; none applied yet, or a gap in the numbers, starts from the newest Full.
     */
    static List<Published> plan(List<Published> listing, Integer last, boolean preferFull) throws FeedFailure {
        Map<Integer, Published> updates = new TreeMap<>();
        Map<Integer, Published> fulls = new TreeMap<>();
        listing.forEach(p -> (p.full() ? fulls : updates).put(p.number(), p));
        Optional<Published> newestFull = fulls.values().stream().max(Comparator.comparingInt(Published::number));
        List<Published> plan = new ArrayList<>();
        int next;
        if (last == null) {
            Published full = newestFull.orElseThrow(() -> FeedFailure.refused("kboNoFull"));
            plan.add(full);
            next = full.number() + 1;
        } else {
            next = last + 1;
            int expected = next;
            boolean later = listing.stream().anyMatch(p -> p.number() > expected);
            if (!updates.containsKey(next) && !fulls.containsKey(next) && later) {
                Published full = newestFull
                        .filter(f -> f.number() > expected)
                        .orElseThrow(() -> FeedFailure.refused("kboGap", expected));
                plan.add(full);
                next = full.number() + 1;
            }
        }
        while (true) {
            Published extract = preferFull && fulls.containsKey(next) ? fulls.get(next) : updates.get(next);
            if (extract == null) {
                extract = fulls.get(next);
            }
            if (extract == null) {
                return plan;
            }
            plan.add(extract);
            next++;
        }
    }

    private void signIn(HttpClient client) throws FeedFailure, InterruptedException {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("static/j_spring_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(client, request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401
                || response.statusCode() == 403
                || String.valueOf(response.uri().getQuery()).contains("error")) {
            throw refusedAccount(response.statusCode());
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            throw FeedFailure.dropped("unavailable", "KBO Open Data", response.statusCode());
        }
    }

    private FeedFailure refusedAccount(int status) {
        return FeedFailure.refused("kboAccountRefused", status, userVariable, passwordVariable);
    }

    private List<Published> listing(HttpClient client) throws FeedFailure, InterruptedException {
        URI uri = endpoint.resolve("affiliation/xml/?files");
        HttpResponse<String> response = send(
                client,
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw refusedAccount(response.statusCode());
            }
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                throw response.statusCode() == 429
                        ? FeedFailure.rateLimited(HttpAnswers.retryAfter(response), "rateLimited", "KBO Open Data")
                        : FeedFailure.dropped("unavailable", "KBO Open Data", response.statusCode());
            }
            throw FeedFailure.refused("unexpectedStatus", "KBO Open Data", response.statusCode(), uri);
        }
        String page = response.body();
        if (page.contains("j_password")) {
            throw refusedAccount(200);
        }
        Map<String, Published> found = new LinkedHashMap<>();
        Matcher m = EXTRACT.matcher(page);
        while (m.find()) {
            LocalDate day = m.group(6) == null
                    ? LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), 1)
                    : LocalDate.of(
                            Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            found.putIfAbsent(
                    m.group(2),
                    new Published(
                            Integer.parseInt(m.group(3)),
                            m.group(7).equalsIgnoreCase("Full"),
                            m.group(2),
                            response.uri().resolve(m.group(1)),
                            day));
        }
        if (found.isEmpty()) {
            throw FeedFailure.refused("kboListingEmpty", uri);
        }
        return List.copyOf(found.values());
    }

    /** Downloads an extract to a temporary file and checks it is a whole zip (every entry read, its CRC checked). */
    private Path download(HttpClient client, Published extract) throws FeedFailure, InterruptedException {
        Path file;
        try {
            file = Files.createTempFile("vigil-kbo-", ".zip");
        } catch (IOException e) {
            throw FeedFailure.dropped("localFile", extract.name(), e.getMessage());
        }
        HttpResponse<Path> response = send(
                client,
                HttpRequest.newBuilder(extract.uri())
                        .timeout(Duration.ofMinutes(2))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofFile(file));
        if (response.statusCode() != 200) {
            throw FeedFailure.dropped("downloadStatus", extract.name(), response.statusCode());
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] buffer = new byte[1 << 16];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // reading to the end checks the entry's CRC
                    }
                }
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
            throw FeedFailure.dropped("notWholeZip", extract.name(), e.getMessage());
        }
        return file;
    }

    private static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws FeedFailure, InterruptedException {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw FeedFailure.dropped(
                    "unreachable",
                    "KBO Open Data",
                    request.uri(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
