package eu.vigil.watchlist;

import eu.vigil.shared.Language;
import eu.vigil.storage.FileStore;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.internal.ColumnMapping;
import eu.vigil.watchlist.internal.Wording;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs browser imports in the background, on whichever node claims them. The node that starts an import owns it
 * (its {@code owner_node}) and runs it at once. On every node, a poll claims running imports whose owner is no longer
 * alive (its heartbeat in {@code vigil_node} is older than {@code vigil.watchdog.node-timeout}) and whose row no
 * import transaction holds ({@code FOR UPDATE SKIP LOCKED}), and runs them again from their stored file: the dead
 * node's transaction was rolled back, so nothing of it is left. After {@value #MAX_ATTEMPTS} attempts an import is
 * marked failed, to be uploaded again.
 */
@Component
class ImportExecutor implements SmartLifecycle {

    static final int MAX_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ImportExecutor.class);

    private final ImportEnrolment enrolment;
    private final ImportSupport support;
    private final UploadFiles files;
    private final JdbcTemplate jdbc;
    private final Duration nodeTimeout;
    private final Duration pollInterval;
    private volatile ExecutorService background;
    private volatile ScheduledExecutorService poller;

    ImportExecutor(
            ImportEnrolment enrolment,
            ImportSupport support,
            UploadFiles files,
            JdbcTemplate jdbc,
            // the watchdog's timeout: a node silent for longer is dead, and its work is taken up
            @Value("${vigil.watchdog.node-timeout:30s}") Duration nodeTimeout,
            WatchlistProperties properties) {
        this.enrolment = enrolment;
        this.support = support;
        this.files = files;
        this.jdbc = jdbc;
        this.nodeTimeout = nodeTimeout;
        this.pollInterval = properties.resumeInterval();
    }

    /** Runs the started import {@code importId} on this node, in the background. */
    void submit(UUID importId) {
        background.submit(() -> runStored(importId));
    }

    @Override
    public void start() {
        enrolment.running();
        background = Executors.newVirtualThreadPerTaskExecutor();
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("watchlist-import-claims").daemon().factory());
        poller.scheduleWithFixedDelay(
                this::claimOrphans, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        enrolment.stopping();
        if (poller == null) {
            return;
        }
        poller.shutdownNow();
        // running imports are interrupted and rolled back; their rows stay RUNNING for another node to claim
        background.shutdownNow();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return background != null && !background.isShutdown();
    }

    /** Claims, one at a time, the imports that dead nodes left running. */
    void claimOrphans() {
        try {
            while (!poller.isShutdown()) {
                List<Claimed> claimed = jdbc.query(
                        """
                        update watchlist_import set owner_node = nullif(current_setting('application_name', true), ''),
                            attempts = attempts + 1
                        where id = (select id from watchlist_import
                                    where status = 'RUNNING' and stored_file is not null
                                    and (owner_node is null or owner_node not in (
                                        select node_id from vigil_node
                                        where heartbeat_at > now() - make_interval(secs => ?)))
                                    order by created_at limit 1 for update skip locked)
                        returning id, owner_node, attempts""",
                        (rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getInt(3)),
                        (double) nodeTimeout.toMillis() / 1000);
                if (claimed.isEmpty()) {
                    return;
                }
                Claimed orphan = claimed.getFirst();
                if (orphan.attempts() > MAX_ATTEMPTS) {
                    log.warn("Watchlist import {} was interrupted {} times: marked failed", orphan.id(), MAX_ATTEMPTS);
                    giveUp(orphan.id());
                } else {
                    log.info(
                            "Watchlist import {} was left running by a node that stopped: running it here",
                            orphan.id());
                    background.submit(() -> runStored(orphan.id()));
                }
            }
        } catch (RuntimeException e) {
            log.debug("Claiming interrupted watchlist imports skipped: {}", e.getMessage());
        }
    }

    private record Claimed(UUID id, int attempts) {}

    private record Stored(
            UUID tenant, String key, String mapping, String uploadedBy, UUID uploaderId, String language) {}

    private void runStored(UUID importId) {
        Stored stored = jdbc
                .query(
                        """
                        select tenant_id, stored_file, mapping, uploaded_by, uploader_id, language
                        from watchlist_import where id = ? and status = 'RUNNING' and stored_file is not null""",
                        (rs, n) -> new Stored(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, UUID.class),
                                rs.getString(6)),
                        importId)
                .stream()
                .findFirst()
                .orElse(null);
        if (stored == null) {
            return;
        }
        Language language = Language.fromCode(stored.language()).orElse(Language.EN);
        // a person's upload: the actor is their e-mail address, where the flashback goes
        Uploader uploader = new Uploader(
                stored.uploadedBy(),
                stored.uploaderId(),
                stored.uploaderId() == null ? null : stored.uploadedBy(),
                language);
        TenantContext.runAs(stored.tenant(), () -> {
            try (FileStore.LocalCopy copy = files.open(stored.key())) {
                enrolment.run(importId, copy.path(), ColumnMapping.decode(stored.mapping()), uploader, true);
                files.remove(stored.key());
            } catch (ImportEnrolment.Abandoned e) {
                log.debug("Watchlist import {} not run here: {}", importId, e.getMessage());
            } catch (WatchlistException e) {
                // the import has recorded why it failed
                log.debug("Watchlist import {} failed: {}", importId, e.getMessage());
                files.remove(stored.key());
            } catch (Exception e) {
                log.warn("Watchlist import {} could not be run: {}", importId, e.toString());
                if (!isRunning()) {
                    return;
                }
                support.failed(importId, Wording.of("watchlist.error.unexpected"));
                files.remove(stored.key());
            }
        });
    }

    private void giveUp(UUID importId) {
        String key =
                jdbc.queryForObject("select stored_file from watchlist_import where id = ?", String.class, importId);
        jdbc.update("""
                update watchlist_import set status = 'FAILED', finished_at = now(), stored_file = null,
                    error = 'Interrupted too often', error_key = 'watchlist.import.interrupted', error_args = '{}'
                where id = ? and status = 'RUNNING'""", importId);
        if (key != null) {
            files.remove(key);
        }
    }
}
