package eu.vigil.watchlist;

import eu.vigil.watchlist.internal.ColumnMapping;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads through the API: a file (CSV or XLSX) or a list of entries, validated row by row and enrolled at once in
 * one transaction; the answer is the import's report.
 */
@Service
public class ApiImports {

    private final WatchlistManagement watchlists;
    private final WatchlistImportRepository imports;
    private final WatchlistProperties properties;
    private final ImportSupport support;
    private final UploadFiles files;
    private final ImportEnrolment enrolment;
    private final ImportReports reports;
    private final TransactionTemplate tx;

    ApiImports(
            WatchlistManagement watchlists,
            WatchlistImportRepository imports,
            WatchlistProperties properties,
            ImportSupport support,
            UploadFiles files,
            ImportEnrolment enrolment,
            ImportReports reports) {
        this.watchlists = watchlists;
        this.imports = imports;
        this.properties = properties;
        this.support = support;
        this.files = files;
        this.enrolment = enrolment;
        this.reports = reports;
        this.tx = support.tx();
    }

    /** One entry as the API's JSON list gives it. */
    public record SubmittedEntry(
            String number,
            String reference,
            String type,
            String creditLimit,
            String exposure,
            String owner,
            List<String> tags) {}

    /** Validates and enrolls a whole file now, columns detected from its first rows. */
    public ImportReport importFile(UUID watchlistId, InputStream content, String fileName, Uploader uploader) {
        return importFile(watchlistId, content, fileName, null, uploader);
    }

    /**
     * Validates and enrolls a whole file now, columns detected from its first rows; {@code country} (an ISO code,
     * null: detected) is the country of its numbers written without a prefix.
     */
    public ImportReport importFile(
            UUID watchlistId, InputStream content, String fileName, String country, Uploader uploader) {
        String chosenCountry = ImportSupport.country(country);
        Path file = files.receive(content);
        try {
            WatchlistImport started = tx.execute(status -> {
                Watchlist watchlist = watchlists.require(watchlistId);
                WatchlistImport created = new WatchlistImport(
                        watchlist.getId(),
                        ImportSupport.safeName(fileName),
                        uploader.actor(),
                        uploader.userId(),
                        uploader.language().code(),
                        WatchlistImport.RUNNING);
                return imports.save(created);
            });
            ColumnMapping mapping;
            try (Stream<RawRow> rows = UploadReader.rows(file)) {
                mapping = support.detect(rows.limit(ColumnMapping.SAMPLE_ROWS).toList());
                if (chosenCountry != null) {
                    mapping = mapping.withCountry(chosenCountry);
                }
            } catch (UploadFormatException e) {
                support.failed(started.getId(), e.wording());
                throw ImportSupport.refusal(e.wording());
            }
            enrolment.run(started.getId(), file, mapping, uploader, false);
            return reports.finished(started.getId(), uploader.language().locale());
        } finally {
            UploadFiles.discard(file);
        }
    }

    /** Validates and enrolls a list of entries now; row numbers count from 1 in the list's order. */
    public ImportReport importEntries(UUID watchlistId, List<SubmittedEntry> entries, Uploader uploader) {
        return importEntries(watchlistId, entries, null, uploader);
    }

    /**
     * Validates and enrolls a list of entries now; {@code country} (an ISO code, null: the one the numbers fit, else
     * the tenant's) is the country of numbers given without a prefix.
     */
    public ImportReport importEntries(
            UUID watchlistId, List<SubmittedEntry> entries, String country, Uploader uploader) {
        String chosenCountry = ImportSupport.country(country);
        if (entries.size() > properties.maxRows()) {
            throw new WatchlistException("watchlist.error.tooManyRows", entries.size(), properties.maxRows());
        }
        WatchlistImport started = tx.execute(status -> {
            Watchlist watchlist = watchlists.require(watchlistId);
            return imports.save(new WatchlistImport(
                    watchlist.getId(),
                    "api.json",
                    uploader.actor(),
                    uploader.userId(),
                    uploader.language().code(),
                    WatchlistImport.RUNNING));
        });
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        Column[] order = {
            Column.NUMBER,
            Column.REFERENCE,
            Column.TYPE,
            Column.CREDIT_LIMIT,
            Column.EXPOSURE,
            Column.OWNER,
            Column.TAGS
        };
        for (int i = 0; i < order.length; i++) {
            columns.put(order[i], i);
        }
        List<RawRow> rows = new ArrayList<>(entries.size());
        int row = 0;
        for (SubmittedEntry e : entries) {
            row++;
            if (e == null) {
                rows.add(new RawRow(row, List.of("")));
                continue;
            }
            rows.add(new RawRow(
                    row,
                    List.of(
                            nz(e.number()),
                            nz(e.reference()),
                            nz(e.type()),
                            nz(e.creditLimit()),
                            nz(e.exposure()),
                            nz(e.owner()),
                            e.tags() == null
                                    ? ""
                                    : RowValidator.listCell(e.tags().stream()
                                            .filter(java.util.Objects::nonNull)
                                            .toList()))));
        }
        String bareCountry = chosenCountry;
        if (bareCountry == null && !"auto".equalsIgnoreCase(country)) {
            String fitting = NumberReading.country(rows.stream()
                    .limit(ColumnMapping.SAMPLE_ROWS)
                    .map(r -> r.cell(0))
                    .toList());
            bareCountry = fitting != null ? fitting : support.tenantCountry();
        }
        enrolment.enroll(
                started.getId(), rows.stream(), new ColumnMapping(columns, false, bareCountry), uploader, true, false);
        return reports.finished(started.getId(), uploader.language().locale());
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
