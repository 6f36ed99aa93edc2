package eu.vigil.watchlist;

import eu.vigil.company.CompanyDirectory;
import eu.vigil.shared.NotFoundException;
import eu.vigil.storage.FileStore;
import eu.vigil.watchlist.internal.ColumnMapping;
import eu.vigil.watchlist.internal.EntryStore;
import eu.vigil.watchlist.internal.NumberReading;
import eu.vigil.watchlist.internal.RawRow;
import eu.vigil.watchlist.internal.RowValidator;
import eu.vigil.watchlist.internal.UploadFormatException;
import eu.vigil.watchlist.internal.UploadReader;
import eu.vigil.watchlist.internal.Watchlist;
import eu.vigil.watchlist.internal.WatchlistImport;
import eu.vigil.watchlist.internal.WatchlistImportRepository;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Uploads through the browser: the file is kept in the shared store for its preview (the first rows and what each
 * would become, as the columns are chosen), then imported in the background by {@link ImportExecutor}.
 */
@Service
public class BrowserImports {

    private static final int PREVIEW_ROWS = 10;

    private final WatchlistManagement watchlists;
    private final WatchlistImportRepository imports;
    private final EntryStore store;
    private final CompanyDirectory directory;
    private final ImportSupport support;
    private final UploadFiles files;
    private final ImportExecutor executor;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate tx;

    BrowserImports(
            WatchlistManagement watchlists,
            WatchlistImportRepository imports,
            EntryStore store,
            CompanyDirectory directory,
            ImportSupport support,
            UploadFiles files,
            ImportExecutor executor,
            JdbcTemplate jdbc,
            ObjectMapper json) {
        this.watchlists = watchlists;
        this.imports = imports;
        this.store = store;
        this.directory = directory;
        this.support = support;
        this.files = files;
        this.executor = executor;
        this.jdbc = jdbc;
        this.json = json;
        this.tx = support.tx();
    }

    /** Keeps the file for its preview; answers the import's id. A file that cannot be read says why at once. */
    public UUID prepare(UUID watchlistId, InputStream content, String fileName, Uploader uploader) {
        Path received = files.receive(content);
        ColumnMapping mapping;
        List<String> header;
        String stored;
        try (Stream<RawRow> rows = UploadReader.rows(received)) {
            List<RawRow> first = rows.limit(ColumnMapping.SAMPLE_ROWS).toList();
            if (first.stream().allMatch(RawRow::blank)) {
                throw new UploadFormatException("watchlist.file.empty");
            }
            mapping = support.detect(first);
            ColumnMapping detected = mapping;
            header = first.stream()
                    .filter(r -> !r.blank() && !detected.aboveHeader(r))
                    .findFirst()
                    .map(RawRow::cells)
                    .orElse(List.of());
            String key = files.keep(received);
            stored = key;
        } catch (UploadFormatException e) {
            throw ImportSupport.refusal(e.wording());
        } finally {
            UploadFiles.discard(received);
        }
        String key = stored;
        return tx.execute(status -> {
            Watchlist watchlist = watchlists.require(watchlistId);
            WatchlistImport created = new WatchlistImport(
                    watchlist.getId(),
                    ImportSupport.safeName(fileName),
                    uploader.actor(),
                    uploader.userId(),
                    uploader.language().code(),
                    WatchlistImport.PREVIEW);
            created.storedAs(key, mapping.encode());
            created.header(json.writeValueAsString(mapping.header() ? header : List.of()));
            return imports.save(created).getId();
        });
    }

    /**
     * The first rows with {@code mapping} (null: as detected) and {@code country} for numbers without a prefix (null: as
     * detected), and what each would become, said in {@code locale}: the same groups and words as the import's report.
     */
    public ImportPreview preview(
            UUID watchlistId,
            UUID importId,
            Map<Column, Integer> chosen,
            Boolean hasHeader,
            String country,
            Locale locale) {
        WatchlistImport upload = tx.execute(status -> support.requireImport(watchlistId, importId));
        if (upload.getStoredFile() == null) {
            throw new NotFoundException("Upload");
        }
        ColumnMapping detected = ColumnMapping.decode(upload.getMapping());
        ColumnMapping mapping = chosen == null
                ? detected
                : new ColumnMapping(
                        chosen,
                        hasHeader == null ? detected.header() : hasHeader,
                        detected.country(),
                        detected.headerRow());
        String chosenCountry = ImportSupport.country(country);
        if (chosenCountry != null) {
            mapping = mapping.withCountry(chosenCountry);
        }
        List<RawRow> first;
        try (FileStore.LocalCopy copy = files.open(upload.getStoredFile());
                Stream<RawRow> rows = UploadReader.rows(copy.path())) {
            first = rows.limit(PREVIEW_ROWS + 1).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<String> onList = tx.execute(status -> store.keysOn(upload.getWatchlistId()));
        RowValidator validator = new RowValidator(mapping, support.owners());
        List<RowValidator.Valid> valid = new ArrayList<>();
        List<RowValidator.Outcome> outcomes = new ArrayList<>();
        for (RawRow raw : first) {
            RowValidator.Outcome outcome = raw.blank() || mapping.aboveHeader(raw) ? null : validator.check(raw);
            outcomes.add(outcome);
            if (outcome instanceof RowValidator.Valid ok) {
                valid.add(ok);
            }
        }
        Map<String, Long> known = tx.execute(status ->
                store.companyIds(valid.stream().map(RowValidator.Valid::id).toList()));
        Map<Long, CompanyDirectory.CompanySummary> names =
                tx.execute(status -> directory.summaries(known.values(), locale.getLanguage()));
        Map<String, Integer> seen = new HashMap<>();
        List<ImportPreview.Row> rows = new ArrayList<>();
        boolean headerSkipped = !mapping.header();
        List<String> header = List.of();
        int columns = 0;
        for (int i = 0; i < first.size(); i++) {
            RawRow raw = first.get(i);
            columns = Math.max(columns, raw.cells().size());
            if (raw.blank()) {
                rows.add(new ImportPreview.Row(raw.number(), raw.cells(), "blank", "", List.of()));
                continue;
            }
            if (mapping.aboveHeader(raw)) {
                rows.add(new ImportPreview.Row(raw.number(), raw.cells(), "title", "", List.of()));
                continue;
            }
            if (!headerSkipped) {
                headerSkipped = true;
                header = raw.cells();
                rows.add(new ImportPreview.Row(raw.number(), raw.cells(), "header", "", List.of()));
                continue;
            }
            RowValidator.Outcome outcome = outcomes.get(i);
            List<String> warnings = outcome.warnings().stream()
                    .map(w -> support.warning(w.field(), w.wording(), locale))
                    .toList();
            switch (outcome) {
                case RowValidator.Invalid invalid ->
                    rows.add(new ImportPreview.Row(
                            raw.number(),
                            raw.cells(),
                            "rejected",
                            support.worded(invalid.wording(), locale),
                            warnings));
                case RowValidator.Valid ok -> {
                    String key = EntryStore.key(ok.id());
                    Integer firstRow = seen.putIfAbsent(key, raw.number());
                    String number = ok.id().country() + " " + ok.id().display();
                    Long companyId = known.get(key);
                    if (onList.contains(key) || firstRow != null) {
                        rows.add(new ImportPreview.Row(raw.number(), raw.cells(), "duplicate", number, warnings));
                    } else if (companyId == null) {
                        rows.add(new ImportPreview.Row(raw.number(), raw.cells(), "pending", number, warnings));
                    } else {
                        CompanyDirectory.CompanySummary summary = names.get(companyId);
                        rows.add(new ImportPreview.Row(
                                raw.number(),
                                raw.cells(),
                                "accepted",
                                summary == null ? number : number + " · " + named(summary),
                                warnings));
                    }
                }
            }
        }
        return new ImportPreview(
                upload.getId(),
                upload.getWatchlistId(),
                upload.getFileName(),
                columns,
                header,
                mapping.header(),
                mapping.headerRow(),
                mapping.columns(),
                mapping.country(),
                NumberReading.COUNTRIES,
                rows.size() > PREVIEW_ROWS ? rows.subList(0, PREVIEW_ROWS) : rows);
    }

    private static String named(CompanyDirectory.CompanySummary summary) {
        String name = summary.name() == null ? "" : summary.name();
        return summary.city() == null || summary.city().isBlank() ? name : name + ", " + summary.city();
    }

    public void start(
            UUID watchlistId,
            UUID importId,
            Map<Column, Integer> chosen,
            boolean hasHeader,
            String country,
            Uploader uploader) {
        if (!chosen.containsKey(Column.NUMBER)) {
            throw new WatchlistException("watchlist.error.noNumberColumn");
        }
        ColumnMapping chosenMapping = new ColumnMapping(chosen, hasHeader, ImportSupport.country(country));
        tx.executeWithoutResult(status -> {
            WatchlistImport upload = support.requireImport(watchlistId, importId);
            if (!upload.getStatus().equals(WatchlistImport.PREVIEW) || upload.getStoredFile() == null) {
                throw new WatchlistException("watchlist.error.alreadyStarted");
            }
            // the title lines the preview found above the header stay skipped
            ColumnMapping mapping = chosenMapping.withHeaderRow(
                    ColumnMapping.decode(upload.getMapping()).headerRow());
            upload.start(mapping.encode());
            imports.saveAndFlush(upload);
            jdbc.update("update watchlist_import set attempts = 1 where id = ?", importId);
        });
        executor.submit(importId);
    }
}
