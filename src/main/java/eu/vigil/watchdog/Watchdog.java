package eu.vigil.watchdog;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On every instance: says it is alive, and fails what a dead instance left RUNNING (feed runs, watchlist
 * imports), saying why. Direct SQL on the feed and watchlist tables: the status and owner columns are all
 * it touches, and going through those modules would make them depend on this one for a single update each.
 */
@Component
@EnableConfigurationProperties(WatchdogProperties.class)
class Watchdog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    static final String FEED_RUN_REASON =
            "Failed: the Vigil instance running it (%s) stopped (killed, out of memory or crashed) "
                    + "and did not come back. Nothing of it was applied; ingest the extract again.";
    static final String IMPORT_REASON =
            "The Vigil instance importing this file (%s) stopped (killed, out of memory or crashed). "
                    + "Nothing was imported; upload the file again.";

    private final JdbcTemplate jdbc;
    private final NodeIdentity node;
    private final WatchdogProperties properties;
    private volatile ScheduledExecutorService timer;

    Watchdog(JdbcTemplate jdbc, NodeIdentity node, WatchdogProperties properties) {
        this.jdbc = jdbc;
        this.node = node;
        this.properties = properties;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("watchdog").daemon().factory());
        timer.scheduleWithFixedDelay(this::round, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            jdbc.update("delete from vigil_node where node_id = ?", node.id());
        } catch (RuntimeException e) {
            log.debug("Could not sign off node {}: {}", node.id(), e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }

    private void round() {
        try {
            heartbeat();
            failOrphans();
        } catch (RuntimeException e) {
            log.debug("Watchdog round skipped: {}", e.getMessage());
        }
    }

    void heartbeat() {
        jdbc.update("""
                insert into vigil_node (node_id, started_at, heartbeat_at) values (?, now(), now())
                on conflict (node_id) do update set heartbeat_at = now()""", node.id());
    }

    /** Work whose instance has not said it is alive for longer than the timeout. */
    void failOrphans() {
        long seconds = properties.nodeTimeout().toSeconds();
        String dead = "owner_node is not null and owner_node not in "
                + "(select node_id from vigil_node where heartbeat_at > now() - make_interval(secs => ?))";
        jdbc.query(
                "select id, owner_node from feed_run where status = 'RUNNING' and " + dead,
                rs -> {
                    long id = rs.getLong(1);
                    String owner = rs.getString(2);
                    if (jdbc.update(
                                    "update feed_run set status = 'FAILED', finished_at = now(), error = ? where id = ? and status = 'RUNNING'",
                                    FEED_RUN_REASON.formatted(owner),
                                    id)
                            > 0) {
                        log.warn("Feed run {} was left running by {}, which stopped: marked failed", id, owner);
                    }
                },
                seconds);
        jdbc.query(
                // an import kept in the file store is taken up again by another node (watchlist's ImportExecutor)
                "select id, owner_node from watchlist_import where status = 'RUNNING' and stored_file is null and "
                        + dead,
                rs -> {
                    Object id = rs.getObject(1);
                    String owner = rs.getString(2);
                    if (jdbc.update("""
                    update watchlist_import set status = 'FAILED', finished_at = now(), error = ?,
                        error_key = 'watchlist.import.interrupted', error_args = '{}' where id = ? and status = 'RUNNING'""", IMPORT_REASON.formatted(owner), id) > 0) {
                        log.warn("Watchlist import {} was left running by {}, which stopped: marked failed", id, owner);
                    }
                },
                seconds);
        jdbc.update("delete from vigil_node where heartbeat_at < now() - interval '1 day'");
    }
}
