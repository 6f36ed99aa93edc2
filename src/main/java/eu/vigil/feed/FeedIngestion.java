package eu.vigil.feed;

import eu.vigil.company.ReferenceCodes;
import eu.vigil.company.SectionStore;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.ExtractInfo;
import eu.vigil.feed.internal.FeedAdapter;
import eu.vigil.feed.internal.IngestionContext;
import eu.vigil.feed.internal.RefusedException;
import eu.vigil.feed.internal.RunStore;
import eu.vigil.feed.internal.StructureException;
import eu.vigil.signal.NetworkSignals;
import eu.vigil.signal.SignalEngine;
import eu.vigil.signal.SignalEvents;
import eu.vigil.storage.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs feed extracts: every ingestion is a recorded run, applied in one transaction so that a crash,
 * a structural error or a refusal leaves the registry exactly as it was. Runs of one source never
 * overlap, on any node (a PostgreSQL advisory lock).
 */
@Service
public class FeedIngestion {

    private static final Logger log = LoggerFactory.getLogger(FeedIngestion.class);

    private final Map<String, FeedAdapter> adapters;
    private final RunStore runs;
    private final SectionStore store;
    private final ReferenceCodes codes;
    private final SignalEngine signals;
    private final SignalEvents events;
    private final NetworkSignals network;
    private final ApplicationEventPublisher publisher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate main;
    private final TransactionTemplate aside;
    private final TaskExecutor executor;
    private final FeedProperties properties;
    private final FileStore files;

    /** Where uploaded extracts are kept in the file store, by source. */
    static final String UPLOADS = "feed-uploads/";

    FeedIngestion(
            List<FeedAdapter> adapters,
            RunStore runs,
            SectionStore store,
            ReferenceCodes codes,
            SignalEngine signals,
            SignalEvents events,
            NetworkSignals network,
            ApplicationEventPublisher publisher,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            TaskExecutor executor,
            FeedProperties properties,
            FileStore files) {
        this.files = files;
        this.network = network;
        this.publisher = publisher;
        this.signals = signals;
        this.events = events;
        this.adapters = adapters.stream().collect(Collectors.toMap(FeedAdapter::source, Function.identity()));
        this.runs = runs;
        this.store = store;
        this.codes = codes;
        this.jdbc = jdbc;
        this.main = new TransactionTemplate(transactions);
        this.aside = new TransactionTemplate(transactions);
        this.aside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = executor;
        this.properties = properties;
    }

    public Set<String> sources() {
        return adapters.keySet();
    }

    /** Keeps the upload and queues its run; the run proceeds in the background. */
    public RunView submit(String source, InputStream content, String fileName, boolean force, String triggeredBy) {
        RunView run = record(source, content, fileName, force, triggeredBy);
        executor.execute(() -> execute(run.id()));
        return run;
    }

    /** Keeps the upload, records its run and applies it before returning (inbox, tests, benchmarks). */
    public RunView ingestNow(String source, InputStream content, String fileName, boolean force, String triggeredBy) {
        RunView run = record(source, content, fileName, force, triggeredBy);
        execute(run.id());
        return runs.find(run.id()).orElseThrow();
    }

    /**
     * Applies what a feed connection fetched as one run, like a file. {@code inRunTransaction} (the connection's new
     * position) commits with the run or not at all; the same content twice is not refused, as a stream may repeat
     * itself and each event is applied once anyway.
     */
    public RunView applyFetched(
            String source, InputStream content, String fileName, String triggeredBy, Runnable inRunTransaction) {
        RunView run = record(source, content, fileName, false, triggeredBy);
        execute(run.id(), false, inRunTransaction);
        return runs.find(run.id()).orElseThrow();
    }

    /** Applies an extract already on disk (a folder of CSVs or a zip) without copying it. */
    public RunView ingestInPlace(String source, Path extract, boolean force, String triggeredBy) {
        requireSource(source);
        long id = runs.create(
                source,
                extract.getFileName().toString(),
                extract.toAbsolutePath().toString(),
                Files.isDirectory(extract) ? folderKey(extract) : sha256(extract),
                force,
                triggeredBy);
        execute(id);
        return runs.find(id).orElseThrow();
    }

    private RunView record(String source, InputStream content, String fileName, boolean force, String triggeredBy) {
        requireSource(source);
        String safeName = Path.of(fileName == null || fileName.isBlank() ? "extract.zip" : fileName)
                .getFileName()
                .toString();
        // the key keeps the name's letters and its ending, which tells the extract's format
        String key = UPLOADS + source + "/" + UUID.randomUUID() + "-" + safeName.replaceAll("[^A-Za-z0-9._-]", "_");
        Path received = null;
        try {
            received = Files.createTempFile("vigil-extract-", ".upload");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content, digest)) {
                Files.copy(in, received, StandardCopyOption.REPLACE_EXISTING);
            }
            files.put(key, received);
            long id = runs.create(source, safeName, key, HexFormat.of().formatHex(digest.digest()), force, triggeredBy);
            return runs.find(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the uploaded extract", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (received != null) {
                try {
                    Files.deleteIfExists(received);
                } catch (IOException e) {
                    log.warn("Could not delete {}: {}", received, e.getMessage());
                }
            }
        }
    }

    /** An uploaded extract kept in the file store (any node may run it), or an extract applied in place. */
    private FileStore.LocalCopy readable(String stored) throws IOException {
        if (stored.startsWith(UPLOADS)) {
            return files.copy(stored);
        }
        Path path = Path.of(stored);
        return new FileStore.LocalCopy() {
            @Override
            public Path path() {
                return path;
            }

            @Override
            public void close() {}
        };
    }

    private void requireSource(String source) {
        if (!adapters.containsKey(source)) {
            throw new UnknownSourceException(source, adapters.keySet());
        }
    }

    /** Applies a queued run. Never throws: how it ended is in the run. */
    public void execute(long runId) {
        execute(runId, true, () -> {});
    }

    private void execute(long runId, boolean refuseSameFile, Runnable inRunTransaction) {
        String source = runs.source(runId);
        FeedAdapter adapter = adapters.get(source);
        try {
            main.executeWithoutResult(status -> {
                jdbc.execute("select pg_advisory_xact_lock(hashtext('vigil-feed-" + source + "'))");
                aside.executeWithoutResult(s -> {
                    runs.markInterrupted(source, runId);
                    runs.markRunning(runId);
                });
                String stored = runs.filePath(runId).orElseThrow();
                try (FileStore.LocalCopy local = readable(stored);
                        ExtractFiles files = ExtractFiles.open(local.path(), properties.limits())) {
                    ExtractInfo extract = adapter.inspect(files);
                    aside.executeWithoutResult(
                            s -> runs.describe(runId, extract.number(), extract.type(), extract.snapshot()));
                    boolean forced = runs.forced(runId);
                    if (!forced) {
                        Optional<Long> same = refuseSameFile
                                ? runs.completedWithSameFile(source, runs.sha256(runId))
                                : Optional.empty();
                        if (same.isPresent()) {
                            throw new RefusedException("This extract was already applied by run #" + same.get()
                                    + "; applying it again would change nothing.");
                        }
                        adapter.checkOrder(extract, runs.lastCompleted(source));
                    }
                    IngestionContext context = IngestionContext.of(
                            runId,
                            source,
                            extract,
                            store,
                            codes,
                            signals,
                            events,
                            network,
                            runs,
                            counters -> aside.executeWithoutResult(s -> runs.progress(runId, counters)));
                    adapter.ingest(files, extract, context);
                    context.flush();
                    var counted = context.counters();
                    if (counted.read != counted.applied + counted.rejected + counted.setAside) {
                        log.warn(
                                "Run #{} does not account for every row: {} read, {} applied, {} rejected, {} set aside",
                                runId,
                                counted.read,
                                counted.applied,
                                counted.rejected,
                                counted.setAside);
                    }
                    context.publishSignals();
                    inRunTransaction.run();
                    runs.complete(runId, context.counters());
                    publisher.publishEvent(new FeedRunCompleted(runId, source));
                    log.info(
                            "Run #{} applied {}: {} rows read, {} rejected, {} companies changed ({} new, {} left)",
                            runId,
                            extract.name(),
                            context.counters().read,
                            context.counters().rejected,
                            context.counters().changed,
                            context.counters().created,
                            context.counters().left);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RefusedException e) {
            runs.fail(runId, "REFUSED", e.getMessage());
            log.warn("Run #{} refused: {}", runId, e.getMessage());
        } catch (StructureException e) {
            runs.fail(runId, "FAILED", e.getMessage());
            log.warn("Run #{} failed: {}", runId, e.getMessage());
        } catch (OutOfMemoryError e) {
            // the process is to stop (ExitOnOutOfMemoryError); the run at least says what happened
            runs.fail(runId, "FAILED", "The extract could not be applied: the process ran out of memory reading it.");
            throw e;
        } catch (RuntimeException e) {
            String message = e instanceof UncheckedIOException io && io.getCause() != null
                    ? io.getCause().getMessage()
                    : e.getMessage();
            runs.fail(runId, "FAILED", "The extract could not be applied: " + message);
            log.error("Run #{} failed", runId, e);
        }
    }

    /** The last extract of {@code source} applied, by any way it came (upload, inbox, connection). */
    public Optional<RunView> lastApplied(String source) {
        return runs.lastCompleted(source);
    }

    /** Whether an extract of {@code type} (e.g. a KBO full) of {@code source} was ever applied. */
    public boolean appliedOfType(String source, String type) {
        return runs.completedOfType(source, type);
    }

    public Optional<RunView> run(long id) {
        return runs.find(id);
    }

    public List<RunView> runs(int limit) {
        return runs.recent(Math.clamp(limit, 1, 500));
    }

    public List<QuarantinedRow> quarantine(long runId, int limit) {
        return runs.quarantined(runId, Math.clamp(limit, 1, 10_000));
    }

    /** A folder is not hashed (it may be huge): its path stands for it, itself hashed to fit the column. */
    private static String folderKey(Path folder) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(folder.toAbsolutePath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "folder:" + HexFormat.of().formatHex(digest).substring(0, 57);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A source Vigil has no adapter for. */
    public static class UnknownSourceException extends RuntimeException {
        public UnknownSourceException(String source, Set<String> known) {
            super("Unknown feed source '" + source + "'; known sources: " + String.join(", ", known));
        }
    }
}
