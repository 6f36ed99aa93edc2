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
 * delivered them.
 */
@Component
class DemoWorldLoader {

    static final long SEED = 20_261_123L;
    private static final Logger log = LoggerFactory.getLogger(DemoWorldLoader.class);

    private final FeedIngestion ingestion;
    private final CompanyRegistry registry;
    private final eu.vigil.feed.FilingDeadlines deadlines;

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
        try {
            List<DemoWorld.Delivery> deliveries = world.write(folder);
            long written = System.nanoTime();
            long rows = 0;
            long events = 0;
            for (DemoWorld.Delivery delivery : deliveries) {
                RunView run = ingestion.ingestInPlace(delivery.source(), delivery.path(), false, "demo");
                if (!"COMPLETED".equals(run.status())) {
                    log.error("The demo world stopped loading: run #{} of {} ended {}: {}", run.id(), delivery.path().getFileName(),
                            run.status(), run.error());
                    return false;
                }
                if (run.rowsRejected() > 0) {
                    log.warn("The demo world's {} had {} rows quarantined (run #{})", delivery.path().getFileName(),
                            run.rowsRejected(), run.id());
                }
                rows += run.rowsRead();
                events += run.signalEvents();
            }
            // the nightly filing-deadline check, as it would have run: the companies that stopped filing are overdue
            events += deadlines.check(LocalDate.now());
            log.info("Loaded the demo world: {} companies from {} to {}, {} feed runs, {} rows, {} signal events "
                            + "(generated in {} ms, ingested in {} ms; vigil.demo.world=false skips it)",
                    world.companyCount(), world.month(0), world.month(DemoWorld.MONTHS), deliveries.size(), rows, events,
                    (written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
            return true;
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the demo world's files in {}: {}", folder, e.getMessage());
        }
    }
}
