package eu.vigil.demo;

import eu.vigil.company.CompanyRegistry;
import eu.vigil.demo.world.DemoWorld;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads the demo world into an empty registry through the real feeds: the KBO Full of two years ago, then month
 * by month the KBO Update, the filings and the bureau snapshot, so runs and events look as if the feeds had
 * delivered them. It loads in two steps: the history up to {@link #RECENT_MONTHS} months ago, then (once the demo
 * tenant's watchlist is enrolled, see {@link DemoWorldRecentMonths}) the recent months, so the demo tenant's alerts
 * are raised as they would have been had it watched its customers for half a year.
 */
@Component
class DemoWorldLoader {

    static final long SEED = 20_261_123L;
    static final int RECENT_MONTHS = 6;
    private static final Logger log = LoggerFactory.getLogger(DemoWorldLoader.class);

    private final FeedIngestion ingestion;
    private final CompanyRegistry registry;
    private final eu.vigil.feed.FilingDeadlines deadlines;

    /** The recent months' extracts, written and waiting for {@link #loadRecent()}; null when there are none. */
    private Pending pending;

    private record Pending(Path folder, List<DemoWorld.Delivery> deliveries, LocalDate last, long started) {}

    DemoWorldLoader(FeedIngestion ingestion, CompanyRegistry registry, eu.vigil.feed.FilingDeadlines deadlines) {
        this.ingestion = ingestion;
        this.registry = registry;
        this.deadlines = deadlines;
    }

    /** Loads the world unless the registry already holds a company; answers whether it did. */
    boolean loadIfEmpty() {
        if (registry.count("BE") > 0) {
            return false;
        }
        long started = System.nanoTime();
        DemoWorld world = DemoWorld.generate(SEED, LocalDate.now());
        Path folder;
        try {
            folder = Files.createTempDirectory("vigil-demo-world");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean keep = false;
        try {
            List<DemoWorld.Delivery> deliveries = world.write(folder);
            LocalDate enrolled = world.month(DemoWorld.MONTHS - RECENT_MONTHS);
            List<DemoWorld.Delivery> history =
                    deliveries.stream().filter(d -> !d.date().isAfter(enrolled)).toList();
            if (!ingest(history)) {
                return false;
            }
            log.info(
                    "Loaded the demo world's history: {} companies from {} to {}, {} feed runs (generated in {} ms); "
                            + "the last {} months follow once the demo watchlist is enrolled",
                    world.companyCount(),
                    world.month(0),
                    enrolled,
                    history.size(),
                    (System.nanoTime() - started) / 1_000_000,
                    RECENT_MONTHS);
            pending = new Pending(
                    folder,
                    deliveries.subList(history.size(), deliveries.size()),
                    world.month(DemoWorld.MONTHS),
                    System.nanoTime());
            keep = true;
            return true;
        } finally {
            if (!keep) {
                delete(folder);
            }
        }
    }

    /** Loads the recent months left by {@link #loadIfEmpty()}, then runs the filing-deadline check as the nightly job would have. */
    boolean loadRecent() {
        Pending recent = pending;
        pending = null;
        if (recent == null) {
            return false;
        }
        try {
            if (!ingest(recent.deliveries())) {
                return false;
            }
            long events = deadlines.check(LocalDate.now());
            log.info(
                    "Loaded the demo world's last {} months up to {}: {} feed runs and {} overdue filings in {} ms "
                            + "(vigil.demo.world=false skips the world)",
                    RECENT_MONTHS,
                    recent.last(),
                    recent.deliveries().size(),
                    events,
                    (System.nanoTime() - recent.started()) / 1_000_000);
            return true;
        } finally {
            delete(recent.folder());
        }
    }

    private boolean ingest(List<DemoWorld.Delivery> deliveries) {
        for (DemoWorld.Delivery delivery : deliveries) {
            RunView run = ingestion.ingestInPlace(delivery.source(), delivery.path(), false, "demo");
            if (!"COMPLETED".equals(run.status())) {
                log.error(
                        "The demo world stopped loading: run #{} of {} ended {}: {}",
                        run.id(),
                        delivery.path().getFileName(),
                        run.status(),
                        run.error());
                return false;
            }
            if (run.rowsRejected() > 0) {
                log.warn(
                        "The demo world's {} had {} rows quarantined (run #{})",
                        delivery.path().getFileName(),
                        run.rowsRejected(),
                        run.id());
            }
        }
        return true;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the demo world's files in {}: {}", folder, e.getMessage());
        }
    }
}
