package eu.vigil.watchlist;

import eu.vigil.watchlist.internal.ColumnMapping;
import eu.vigil.watchlist.internal.EntryStore;
import eu.vigil.watchlist.internal.Lights;
import eu.vigil.watchlist.internal.RawRow;
import eu.vigil.watchlist.internal.RowValidator;
import eu.vigil.watchlist.internal.UploadFormatException;
import eu.vigil.watchlist.internal.UploadReader;
import eu.vigil.watchlist.internal.Watchlist;
import eu.vigil.watchlist.internal.WatchlistImport;
import eu.vigil.watchlist.internal.WatchlistImportRepository;
import eu.vigil.watchlist.internal.Wording;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The import itself: every row read, checked and enrolled in one transaction, so an import that fails or whose node
 * dies halfway leaves the list as it was. The transaction holds the import's row (FOR NO KEY UPDATE) from its first
 * statement: while it runs, no other node can claim the import (see {@link ImportExecutor}).
 */
@Component
class ImportEnrolment {

    private static final Logger log = LoggerFactory.getLogger(ImportEnrolment.class);

    private final WatchlistManagement watchlists;
    private final WatchlistImportRepository imports;
    private final EntryStore store;
    private final Lights lights;
    private final FlashbackReports flashbacks;
    private final WatchlistProperties properties;
    private final ImportSupport support;
    private final ImportProgress progress;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private volatile boolean stopping;

    ImportEnrolment(
            WatchlistManagement watchlists,
            WatchlistImportRepository imports,
            EntryStore store,
            Lights lights,
            FlashbackReports flashbacks,
            WatchlistProperties properties,
            ImportSupport support,
            ImportProgress progress,
            JdbcTemplate jdbc,
            ObjectMapper json,
            ApplicationEventPublisher events) {
        this.watchlists = watchlists;
        this.imports = imports;
        this.store = store;
        this.lights = lights;
        this.flashbacks = flashbacks;
        this.properties = properties;
        this.support = support;
        this.progress = progress;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.tx = support.tx();
    }

    /** The import was not run here: another node holds it, or this node is stopping and leaves it to another. */
    static final class Abandoned extends RuntimeException {

        Abandoned() {
            super("left to another node", null, false, false);
        }
    }

    /** From now on a failing background import is left for another node instead of being marked failed. */
    void stopping() {
        stopping = true;
    }

    /** Started again (a test context resumed): background imports that fail are marked failed again. */
    void running() {
        stopping = false;
    }

    /** Imports the rows of {@code file} with {@code mapping}, in a request or (when {@code inBackground}) not. */
    void run(UUID importId, Path file, ColumnMapping mapping, Uploader uploader, boolean inBackground) {
        try (Stream<RawRow> rows = UploadReader.rows(file)) {
            enroll(importId, rows, mapping, uploader, false, inBackground);
        } catch (UploadFormatException e) {
            support.failed(importId, e.wording());
            throw ImportSupport.refusal(e.wording());
        }
    }

    /** Whether this node still owns the running import; locks its row until the transaction ends. */
    private boolean holds(UUID importId) {
        return !jdbc.queryForList("""
                        select 1 from watchlist_import where id = ? and status = 'RUNNING'
                        and owner_node is not distinct from nullif(current_setting('application_name', true), '')
                        for no key update""", Integer.class, importId).isEmpty();
    }

    void enroll(
            UUID importId,
            Stream<RawRow> rows,
            ColumnMapping mapping,
            Uploader uploader,
            boolean jsonList,
            boolean inBackground) {
        try {
            tx.executeWithoutResult(status -> {
                if (!holds(importId)) {
                    throw new Abandoned();
                }
                ImportProgress.Counter read = progress.counter(importId);
                long t0 = System.nanoTime();
                WatchlistImport upload = imports.findById(importId).orElseThrow();
                Watchlist watchlist = watchlists.require(upload.getWatchlistId());
                UUID tenant = watchlist.getTenantId();
                Set<String> onList = store.keysOn(watchlist.getId());
                RowValidator validator = new RowValidator(mapping, support.owners());
                Map<String, Integer> firstRowOf = new HashMap<>();
                List<RowValidator.Valid> valid = new ArrayList<>();
                List<EntryStore.Problem> problems = new ArrayList<>();
                List<EntryStore.RowWarning> warnings = new ArrayList<>();
                int[] counts = new int[3];
                boolean[] headerSkipped = {!mapping.header()};
                List<String> header = new ArrayList<>();
                rows.forEach(raw -> {
                    if (raw.blank() && !jsonList || mapping.aboveHeader(raw)) {
                        return;
                    }
                    if (!headerSkipped[0]) {
                        headerSkipped[0] = true;
                        header.addAll(raw.cells());
                        return;
                    }
                    counts[0]++;
                    if (counts[0] > properties.maxRows()) {
                        throw new WatchlistException("watchlist.error.tooManyRows", counts[0], properties.maxRows());
                    }
                    read.increment();
                    RowValidator.Outcome outcome = raw.blank()
                            ? new RowValidator.Invalid(raw.number(), "", "EMPTY", Wording.of("watchlist.number.EMPTY"))
                            : validator.check(raw);
                    int seq = 0;
                    for (RowValidator.Warning w : outcome.warnings()) {
                        warnings.add(new EntryStore.RowWarning(raw.number(), seq++, w.field(), w.value(), w.wording()));
                    }
                    switch (outcome) {
                        case RowValidator.Invalid invalid ->
                            problems.add(new EntryStore.Problem(
                                    raw.number(),
                                    "REJECTED",
                                    invalid.value(),
                                    invalid.reason(),
                                    invalid.detail(),
                                    invalid.wording(),
                                    json.writeValueAsString(raw.cells())));
                        case RowValidator.Valid ok -> {
                            String key = EntryStore.key(ok.id());
                            Integer first = firstRowOf.putIfAbsent(key, raw.number());
                            if (onList.contains(key) || first != null) {
                                problems.add(new EntryStore.Problem(
                                        raw.number(),
                                        "DUPLICATE",
                                        ok.value(),
                                        "DUPLICATE",
                                        ok.id().country() + " " + ok.id().number() + " " + (first == null ? 0 : first),
                                        null,
                                        "[]"));
                            } else {
                                valid.add(ok);
                            }
                        }
                    }
                });
                if (!header.isEmpty() && upload.getHeader() == null) {
                    upload.header(json.writeValueAsString(header));
                }
                long t1 = System.nanoTime();
                Map<String, Long> known = store.companyIds(
                        valid.stream().map(RowValidator.Valid::id).toList());
                Set<Long> watched = store.alreadyWatched(tenant, known.values());
                List<EntryStore.NewEntry> entries = new ArrayList<>(valid.size());
                Set<Long> enrolled = new HashSet<>();
                int pending = 0;
                for (RowValidator.Valid ok : valid) {
                    Long companyId = known.get(EntryStore.key(ok.id()));
                    if (companyId == null) {
                        pending++;
                    } else {
                        enrolled.add(companyId);
                    }
                    entries.add(new EntryStore.NewEntry(
                            ok.id(),
                            companyId,
                            ok.data(),
                            ok.row(),
                            ok.value(),
                            companyId != null && !watched.contains(companyId)));
                }
                long t2 = System.nanoTime();
                store.insert(tenant, watchlist.getId(), importId, entries);
                store.insertProblems(importId, problems);
                store.insertWarnings(importId, warnings);
                long t3 = System.nanoTime();
                lights.refresh(enrolled);
                if (entries.size() >= 10_000) {
                    // fresh statistics, so the first pages of a big new list are planned for its real size
                    jdbc.execute("analyze watchlist_entry");
                    jdbc.execute("analyze company_light");
                }
                log.info(
                        "Watchlist import {}: {} rows read and checked in {} ms, matched in {} ms, written in {} ms, lights in {} ms",
                        importId,
                        counts[0],
                        (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000,
                        (t3 - t2) / 1_000_000,
                        (System.nanoTime() - t3) / 1_000_000);
                int rejected = (int) problems.stream()
                        .filter(p -> p.outcome().equals("REJECTED"))
                        .count();
                upload.finish(counts[0], valid.size() - pending, pending, rejected, problems.size() - rejected);
                imports.save(upload);
                progress.clear(importId);
                events.publishEvent(new eu.vigil.tenancy.Audited(
                        tenant,
                        uploader.actor(),
                        "UploadImported",
                        upload.getFileName(),
                        List.of(
                                watchlist.getName(),
                                String.valueOf(valid.size() - pending),
                                String.valueOf(pending),
                                String.valueOf(rejected))));
                if (uploader.email() != null && !jsonList) {
                    flashbacks.mailAfterCommit(
                            upload.getId(), watchlist.getName(), watchlist.getId(), valid.size() - pending, uploader);
                }
            });
        } catch (Abandoned e) {
            throw e;
        } catch (RuntimeException e) {
            if (stopping
                    && inBackground
                    && !(e instanceof WatchlistException)
                    && !(e instanceof UploadFormatException)) {
                // this node is stopping: the import's transaction is rolled back, another node takes it up again
                log.info("Watchlist import {} left to another node: this one is stopping", importId);
                throw new Abandoned();
            }
            if (e instanceof WatchlistException refused) {
                support.failed(importId, Wording.of(refused.messageKey(), refused.args()));
                throw refused;
            }
            if (e instanceof UploadFormatException unreadable) {
                support.failed(importId, unreadable.wording());
                throw ImportSupport.refusal(unreadable.wording());
            }
            log.error("Watchlist import {} failed", importId, e);
            support.failed(importId, Wording.of("watchlist.error.unexpected"));
            throw e;
        }
    }
}
