package eu.vigil.feed.connect;

import eu.vigil.feed.FeedConnectionQueries;
import eu.vigil.feed.FeedConnectionStatus;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedMessage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sources Vigil pulls by itself, as configured: one runner per stream on every instance, of which the one holding
 * the stream's lease pulls; leases are renewed on a timer while the instance lives.
 */
@Component
@EnableConfigurationProperties(ConnectionProperties.class)
public class FeedConnections implements SmartLifecycle, FeedConnectionQueries {

    private static final Logger log = LoggerFactory.getLogger(FeedConnections.class);

    private final ConnectionProperties properties;
    private final ConnectionStore store;
    private final FeedIngestion ingestion;
    private final ConnectionMetrics metrics;
    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final List<ConnectionRunner> runners = new CopyOnWriteArrayList<>();
    /** The threshold of every source a runner was opened for, as its settings give it. */
    private final Map<String, Duration> opened = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private volatile ScheduledExecutorService timer;
    private volatile boolean running;
    private String node;

    FeedConnections(
            ConnectionProperties properties,
            ConnectionStore store,
            FeedIngestion ingestion,
            ConnectionMetrics metrics,
            Environment environment,
            JdbcTemplate jdbc,
            MessageSource messages) {
        this.messages = messages;
        this.properties = properties;
        this.store = store;
        this.ingestion = ingestion;
        this.metrics = metrics;
        this.environment = environment;
        this.jdbc = jdbc;
    }

    /** Where every stream of every source Vigil has pulled stands. */
    public List<ConnectionState> states() {
        return store.all();
    }

    @Override
    public List<FeedConnectionStatus> connections() {
        Instant now = Instant.now();
        Map<String, Duration> thresholds = thresholds();
        return store.all().stream()
                .map(s -> status(s, thresholds.get(s.source()), now))
                .toList();
    }

    /** The silence each source pulled here is allowed before it is late (a source not pulled has none). */
    Map<String, Duration> thresholds() {
        return new HashMap<>(opened);
    }

    private static Duration silentAfter(String source, ConnectionProperties settings) {
        return switch (source) {
            case CompaniesHouseStream.SOURCE -> settings.companiesHouse().silentAfter();
            case BodaccPoller.SOURCE -> settings.bodacc().silentAfter();
            case KboOpenData.SOURCE -> settings.kbo().silentAfter();
            default ->
                settings.files().containsKey(source)
                        ? settings.files().get(source).silentAfter()
                        : Duration.ofDays(2);
        };
    }

    static FeedConnectionStatus status(ConnectionState s, Duration threshold, Instant now) {
        Duration lag = s.lag(now);
        boolean enabled = threshold != null;
        boolean late = enabled && lag != null && lag.compareTo(threshold) > 0;
        boolean failing = enabled
                && s.failingSince() != null
                && Duration.between(s.failingSince(), now).compareTo(threshold) > 0;
        return new FeedConnectionStatus(
                s.source(),
                s.stream(),
                enabled,
                s.connected(),
                s.lastSuccessAt(),
                s.newestItemAt(),
                lag,
                s.itemsToday(),
                s.itemsTotal(),
                s.runs(),
                s.nextAttemptAt(),
                s.failures(),
                s.failingSince(),
                s.lastError(),
                s.note(),
                threshold,
                late,
                failing);
    }

    @Override
    public void start() {
        node = nodeName();
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("feed-leases").daemon().factory());
        long every = Math.max(200, properties.lease().toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        ConnectionProperties.CompaniesHouse ch = properties.companiesHouse();
        if (ch.enabled()) {
            String key = environment.getProperty(ch.keyVariable());
            if (key == null || key.isBlank()) {
                for (String stream : ch.streams()) {
                    store.ensure(CompaniesHouseStream.SOURCE, stream);
                    store.note(
                            CompaniesHouseStream.SOURCE,
                            stream,
                            FeedMessage.of("feeds.note.chKeyMissing", ch.keyVariable()));
                }
                log.error(
                        "The Companies House stream connection is enabled, but {} holds no stream key: not connected",
                        ch.keyVariable());
            } else {
                Puller puller = new CompaniesHouseStream(
                        http,
                        ch.endpoint(),
                        key,
                        ch.keyVariable(),
                        ch.commitEvents(),
                        ch.commitEvery(),
                        properties.idleTimeout());
                ch.streams().forEach(stream -> open(puller, stream, Duration.ZERO, node, properties));
            }
        }
        ConnectionProperties.Bodacc bodacc = properties.bodacc();
        if (bodacc.enabled()) {
            open(
                    new BodaccPoller(
                            http, bodacc.endpoint(), bodacc.startFrom(), bodacc.pageSize(), bodacc.runRecords()),
                    BodaccPoller.STREAM,
                    bodacc.interval(),
                    node,
                    properties);
        }
        ConnectionProperties.Kbo kbo = properties.kbo();
        if (kbo.enabled()) {
            String user = environment.getProperty(kbo.userVariable());
            String password = environment.getProperty(kbo.passwordVariable());
            if (user == null || user.isBlank() || password == null || password.isBlank()) {
                store.ensure(KboOpenData.SOURCE, KboOpenData.STREAM);
                store.note(
                        KboOpenData.SOURCE,
                        KboOpenData.STREAM,
                        FeedMessage.of("feeds.note.kboAccountMissing", kbo.userVariable(), kbo.passwordVariable()));
                log.error(
                        "The KBO Open Data connection is enabled, but {} or {} is empty: not connected",
                        kbo.userVariable(),
                        kbo.passwordVariable());
            } else {
                open(
                        new KboOpenData(
                                kbo.endpoint(),
                                user,
                                password,
                                kbo.userVariable(),
                                kbo.passwordVariable(),
                                kbo.preferFull(),
                                ingestion),
                        KboOpenData.STREAM,
                        kbo.interval(),
                        node,
                        properties);
            }
        }
        properties.files().forEach(this::openFileDrop);
        running = true;
    }

    private void openFileDrop(String source, ConnectionProperties.FileDrop drop) {
        if (!drop.enabled()) {
            return;
        }
        if (!ingestion.sources().contains(source) || drop.url() == null) {
            log.error(
                    "vigil.feeds.connections.files.{}: {}; not connected",
                    source,
                    drop.url() == null ? "no url" : "not a source Vigil knows (" + ingestion.sources() + ")");
            return;
        }
        String password = drop.passwordVariable() == null ? null : environment.getProperty(drop.passwordVariable());
        Puller puller = "sftp".equalsIgnoreCase(drop.url().getScheme())
                ? new SftpFolder(
                        source,
                        drop.url(),
                        password,
                        drop.knownHosts() == null ? null : java.nio.file.Path.of(drop.knownHosts()),
                        drop.passwordVariable())
                : new HttpsFile(
                        source,
                        http,
                        drop.url(),
                        drop.userVariable() == null ? null : environment.getProperty(drop.userVariable()),
                        password,
                        drop.passwordVariable());
        open(puller, "files", drop.interval(), node, properties);
    }

    /** Starts pulling {@code stream} as {@code holder}, once the lease is free; stopped with the application. */
    ConnectionRunner open(
            Puller puller, String stream, Duration interval, String holder, ConnectionProperties settings) {
        ConnectionRunner runner =
                new ConnectionRunner(puller, stream, holder, interval, settings, store, ingestion, metrics, messages);
        metrics.lag(puller.source(), () -> newestItem(puller.source()));
        opened.put(puller.source(), silentAfter(puller.source(), settings));
        runners.add(runner);
        return runner.start();
    }

    /** Stops a runner opened here: {@code died} leaves its lease to expire, as a process that died would. */
    void close(ConnectionRunner runner, boolean died) {
        if (died) {
            runner.halt();
        } else {
            runner.stop();
        }
        runners.remove(runner);
        if (runners.stream().noneMatch(r -> r.source().equals(runner.source()))) {
            opened.remove(runner.source());
        }
    }

    private Instant newestItem(String source) {
        return store.all().stream()
                .filter(s -> s.source().equals(source))
                .map(ConnectionState::newestItemAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private void renewLeases() {
        for (ConnectionRunner runner : runners) {
            try {
                runner.renew();
            } catch (RuntimeException e) {
                log.warn("Could not renew the lease of {} {}: {}", runner.source(), runner.stream(), e.getMessage());
            }
        }
    }

    private String nodeName() {
        try {
            String name = jdbc.queryForObject("select current_setting('application_name', true)", String.class);
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (RuntimeException e) {
            log.debug("No application name on the connection: {}", e.getMessage());
        }
        return "vigil-" + UUID.randomUUID().toString().substring(0, 18);
    }

    @Override
    public void stop() {
        running = false;
        runners.parallelStream().forEach(ConnectionRunner::stop);
        runners.clear();
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool, after the rest has started. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
