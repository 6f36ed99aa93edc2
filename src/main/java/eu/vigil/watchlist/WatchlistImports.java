package eu.vigil.watchlist;

import eu.vigil.company.CompanyDirectory;
import eu.vigil.company.CompanyId;
import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import eu.vigil.watchlist.internal.ColumnMapping;
import eu.vigil.watchlist.internal.EntryQueries;
import eu.vigil.watchlist.internal.EntryStore;
import eu.vigil.watchlist.internal.Lights;
import eu.vigil.watchlist.internal.NumberReading;
import eu.vigil.watchlist.internal.RawRow;
import eu.vigil.watchlist.internal.RowValidator;
import eu.vigil.watchlist.internal.UploadFormatException;
import eu.vigil.watchlist.internal.UploadReader;
import eu.vigil.watchlist.internal.Watchlist;
import eu.vigil.watchlist.internal.WatchlistImport;
import eu.vigil.watchlist.internal.WatchlistImportRepository;
import eu.vigil.watchlist.internal.Wording;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Uploads into a watchlist: a file (CSV or XLSX) or a list of entries, validated row by row and enrolled
 * in one transaction, so a failure halfway leaves the list as it was. Browser uploads are kept for a
 * preview, then run in the background with progress; the API runs them at once.
 */
@Service
public class WatchlistImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WatchlistImports.class);
    private static final int PREVIEW_ROWS = 10;
    private static final int REPORT_LIMIT = 100_000_000;

    private final WatchlistManagement watchlists;
    private final WatchlistImportRepository imports;
    private final EntryStore store;
    private final EntryQueries queries;
    private final Lights lights;
    private final UserManagement users;
    private final TenantManagement tenants;
    private final CompanyDirectory directory;
    private final FlashbackReports flashbacks;
    private final WatchlistProperties properties;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<UUID, AtomicInteger> progress = new ConcurrentHashMap<>();

    WatchlistImports(
            WatchlistManagement watchlists,
            WatchlistImportRepository imports,
            EntryStore store,
            EntryQueries queries,
            Lights lights,
            UserManagement users,
            TenantManagement tenants,
            CompanyDirectory directory,
            FlashbackReports flashbacks,
            WatchlistProperties properties,
            MessageSource messages,
            JdbcTemplate jdbc,
            ObjectMapper json,
            PlatformTransactionManager transactionManager,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.watchlists = watchlists;
        this.imports = imports;
        this.store = store;
        this.queries = queries;
        this.lights = lights;
        this.users = users;
        this.tenants = tenants;
        this.directory = directory;
        this.flashbacks = flashbacks;
        this.properties = properties;
        this.messages = messages;
        this.jdbc = jdbc;
        this.json = json;
        this.tx = new TransactionTemplate(transactionManager);
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

    // ---------------------------------------------------------------- API: at once

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
        String chosenCountry = country(country);
        Path file = save(content);
        try {
            WatchlistImport started = tx.execute(status -> {
                Watchlist watchlist = watchlists.require(watchlistId);
                WatchlistImport created = new WatchlistImport(
                        watchlist.getId(),
                        safeName(fileName),
                        uploader.actor(),
                        uploader.userId(),
                        uploader.language().code(),
                        WatchlistImport.RUNNING);
                return imports.save(created);
            });
            ColumnMapping mapping;
            try (Stream<RawRow> rows = UploadReader.rows(file)) {
                mapping = detect(rows.limit(ColumnMapping.SAMPLE_ROWS).toList());
                if (chosenCountry != null) {
                    mapping = mapping.withCountry(chosenCountry);
                }
            } catch (UploadFormatException e) {
                failed(started.getId(), e.wording());
                throw refusal(e.wording());
            }
            run(started.getId(), file, mapping, uploader);
            return report(started.getId(), uploader.language().locale());
        } finally {
            delete(file);
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
        String chosenCountry = country(country);
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
            bareCountry = fitting != null ? fitting : tx.execute(status -> tenants.country());
        }
        enroll(started.getId(), rows.stream(), new ColumnMapping(columns, false, bareCountry), uploader, true);
        return report(started.getId(), uploader.language().locale());
    }

    // ---------------------------------------------------------------- browser: preview, then in the background

    /** Keeps the file for its preview; answers the import's id. A file that cannot be read says why at once. */
    public UUID prepare(UUID watchlistId, InputStream content, String fileName, Uploader uploader) {
        Path stored = save(content);
        ColumnMapping mapping;
        List<String> header;
        try (Stream<RawRow> rows = UploadReader.rows(stored)) {
            List<RawRow> first = rows.limit(ColumnMapping.SAMPLE_ROWS).toList();
            if (first.stream().allMatch(RawRow::blank)) {
                throw new UploadFormatException("watchlist.file.empty");
            }
            mapping = detect(first);
            ColumnMapping detected = mapping;
            header = first.stream()
                    .filter(r -> !r.blank() && !detected.aboveHeader(r))
                    .findFirst()
                    .map(RawRow::cells)
                    .orElse(List.of());
        } catch (UploadFormatException e) {
            delete(stored);
            throw refusal(e.wording());
        } catch (RuntimeException e) {
            delete(stored);
            throw e;
        }
        return tx.execute(status -> {
            Watchlist watchlist = watchlists.require(watchlistId);
            WatchlistImport created = new WatchlistImport(
                    watchlist.getId(),
                    safeName(fileName),
                    uploader.actor(),
                    uploader.userId(),
                    uploader.language().code(),
                    WatchlistImport.PREVIEW);
            created.storedAs(stored.toString(), mapping.encode());
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
        WatchlistImport upload = tx.execute(status -> requireImport(watchlistId, importId));
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
        String chosenCountry = country(country);
        if (chosenCountry != null) {
            mapping = mapping.withCountry(chosenCountry);
        }
        List<RawRow> first;
        try (Stream<RawRow> rows = UploadReader.rows(Path.of(upload.getStoredFile()))) {
            first = rows.limit(PREVIEW_ROWS + 1).toList();
        }
        Set<String> onList = tx.execute(status -> store.keysOn(upload.getWatchlistId()));
        RowValidator validator = new RowValidator(mapping, owners());
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
                    .map(w -> warning(w.field(), w.wording(), locale))
                    .toList();
            switch (outcome) {
                case RowValidator.Invalid invalid ->
                    rows.add(new ImportPreview.Row(
                            raw.number(),
                            raw.cells(),
                            "rejected",
                            invalid.wording().in(messages, locale),
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

    private String warning(String field, Wording wording, Locale locale) {
        return messages.getMessage(
                "watchlist.warning.field",
                new Object[] {
                    messages.getMessage("watchlist.column." + field, null, field, locale), wording.in(messages, locale)
                },
                locale);
    }

    /** A country of numbers without a prefix as a form or the API gives it: null for none or "auto". */
    private static String country(String code) {
        if (code == null || code.isBlank() || code.equalsIgnoreCase("auto")) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!NumberReading.COUNTRIES.contains(c)) {
            throw new WatchlistException("watchlist.error.country", code.strip());
        }
        return c;
    }

    private ColumnMapping detect(List<RawRow> first) {
        Map<String, UUID> owners = owners();
        String tenantCountry = tx.execute(status -> tenants.country());
        return ColumnMapping.detect(first, tenantCountry, owners::containsKey);
    }

    /** Starts the previewed upload in the background with this mapping; progress and outcome via {@link #status}. */
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
        UUID tenant = TenantContext.require();
        ColumnMapping chosenMapping = new ColumnMapping(chosen, hasHeader, country(country));
        record Started(Path file, ColumnMapping mapping) {}
        Started started = tx.execute(status -> {
            WatchlistImport upload = requireImport(watchlistId, importId);
            if (!upload.getStatus().equals(WatchlistImport.PREVIEW) || upload.getStoredFile() == null) {
                throw new WatchlistException("watchlist.error.alreadyStarted");
            }
            // the title lines the preview found above the header stay skipped
            ColumnMapping mapping = chosenMapping.withHeaderRow(
                    ColumnMapping.decode(upload.getMapping()).headerRow());
            upload.start(mapping.encode());
            return new Started(Path.of(upload.getStoredFile()), mapping);
        });
        Path file = started.file();
        ColumnMapping mapping = started.mapping();
        progress.put(importId, new AtomicInteger());
        background.submit(() -> TenantContext.runAs(tenant, () -> {
            try {
                run(importId, file, mapping, uploader);
            } catch (RuntimeException e) {
                // run() has recorded the failure on the import
                log.debug("Watchlist import {} failed: {}", importId, e.getMessage());
            } finally {
                delete(file);
            }
        }));
    }

    // ---------------------------------------------------------------- reading back

    /** Where the upload stands; why it failed is said in {@code locale}. */
    public ImportStatus status(UUID watchlistId, UUID importId, Locale locale) {
        WatchlistImport upload = tx.execute(status -> requireImport(watchlistId, importId));
        AtomicInteger read = progress.get(importId);
        return new ImportStatus(
                upload.getId(),
                upload.getWatchlistId(),
                upload.getFileName(),
                upload.getStatus(),
                error(upload, locale),
                read == null ? upload.getRowsTotal() : read.get(),
                upload.getRowsTotal(),
                upload.getAccepted(),
                upload.getPending(),
                upload.getRejected(),
                upload.getDuplicates(),
                upload.getUploadedBy(),
                upload.getCreatedAt(),
                upload.getFinishedAt());
    }

    public List<ImportStatus> recent(UUID watchlistId, Locale locale) {
        return tx.execute(status -> {
            Watchlist watchlist = watchlists.require(watchlistId);
            return imports.findTop10ByWatchlistIdOrderByCreatedAtDesc(watchlist.getId()).stream()
                    .map(i -> new ImportStatus(
                            i.getId(),
                            i.getWatchlistId(),
                            i.getFileName(),
                            i.getStatus(),
                            error(i, locale),
                            i.getRowsTotal(),
                            i.getRowsTotal(),
                            i.getAccepted(),
                            i.getPending(),
                            i.getRejected(),
                            i.getDuplicates(),
                            i.getUploadedBy(),
                            i.getCreatedAt(),
                            i.getFinishedAt()))
                    .toList();
        });
    }

    private String error(WatchlistImport upload, Locale locale) {
        Wording wording = upload.getErrorWording();
        return wording == null ? upload.getError() : wording.in(messages, locale);
    }

    /**
     * The groups of a finished upload (each at most {@code limit} long; all with {@code Integer.MAX_VALUE}),
     * rejections said in {@code locale}.
     */
    public ImportReport report(UUID watchlistId, UUID importId, int limit, Locale locale) {
        WatchlistImport upload = tx.execute(status -> requireImport(watchlistId, importId));
        return report(upload, limit, locale);
    }

    private ImportReport report(UUID importId, Locale locale) {
        WatchlistImport upload = tx.execute(status -> imports.findById(importId).orElseThrow());
        if (upload.getStatus().equals(WatchlistImport.FAILED)) {
            throw refusal(upload.getErrorWording());
        }
        return report(upload, REPORT_LIMIT, locale);
    }

    private ImportReport report(WatchlistImport upload, int limit, Locale locale) {
        return tx.execute(status -> {
            Map<Integer, List<String>> warnings = warnings(upload.getId(), locale);
            List<ImportReport.Entry> accepted = entries(upload.getId(), false, limit, warnings, locale);
            List<ImportReport.Entry> pending = entries(upload.getId(), true, limit, warnings, locale);
            List<ImportReport.Rejected> rejected = jdbc.query(
                    """
                    select row_no, value, reason, detail, detail_key, detail_args from watchlist_import_row
                    where import_id = ? and outcome = 'REJECTED' order by row_no limit ?""",
                    (rs, n) -> new ImportReport.Rejected(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            detail(rs, locale),
                            warnings.getOrDefault(rs.getInt(1), List.of())),
                    upload.getId(),
                    limit);
            return new ImportReport(
                    upload.getId(),
                    upload.getWatchlistId(),
                    upload.getStatus(),
                    error(upload, locale),
                    upload.getRowsTotal(),
                    accepted,
                    pending,
                    rejected,
                    duplicates(upload, limit),
                    warnings.size());
        });
    }

    /** Each row's warnings, worded in {@code locale}, by row. */
    private Map<Integer, List<String>> warnings(UUID importId, Locale locale) {
        Map<Integer, List<String>> byRow = new HashMap<>();
        jdbc.query(
                """
                select row_no, field, detail_key, detail_args from watchlist_import_warning
                where import_id = ? order by row_no, seq""",
                rs -> {
                    Wording wording = new Wording(
                            rs.getString(3), List.of((String[]) rs.getArray(4).getArray()));
                    byRow.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(warning(rs.getString(2), wording, locale));
                },
                importId);
        return byRow;
    }

    private List<ImportReport.Duplicate> duplicates(WatchlistImport upload, int limit) {
        return jdbc.query(
                """
                select row_no, value, detail from watchlist_import_row where import_id = ? and outcome = 'DUPLICATE'
                order by row_no limit ?""", (rs, n) -> duplicate(rs.getInt(1), rs.getString(2), rs.getString(3)), upload.getId(), limit);
    }

    /** A rejected row's reason in {@code locale}: columns {@code detail, detail_key, detail_args} at 4 to 6. */
    private String detail(java.sql.ResultSet rs, Locale locale) throws java.sql.SQLException {
        String key = rs.getString(5);
        if (key == null) {
            return rs.getString(4);
        }
        java.sql.Array args = rs.getArray(6);
        return new Wording(key, List.of((String[]) args.getArray())).in(messages, locale);
    }

    private List<ImportReport.Entry> entries(
            UUID importId, boolean pending, int limit, Map<Integer, List<String>> warnings, Locale locale) {
        record Row(int row, String value, String country, String number, Long companyId) {}
        List<Row> rows = jdbc.query(
                """
                select import_row, import_value, country, number, company_id from watchlist_entry
                where import_id = ? and (company_id is null) = ? order by import_row limit ?""",
                (rs, n) -> new Row(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5)),
                importId,
                pending,
                limit);
        Map<Long, CompanyDirectory.CompanySummary> names = pending
                ? Map.of()
                : directory.summaries(rows.stream().map(Row::companyId).toList(), locale.getLanguage());
        return rows.stream()
                .map(r -> {
                    CompanyDirectory.CompanySummary summary = r.companyId() == null ? null : names.get(r.companyId());
                    return new ImportReport.Entry(
                            r.row(),
                            r.value(),
                            r.country(),
                            r.number(),
                            new CompanyId(r.country(), r.number()).display(),
                            summary == null ? null : summary.name(),
                            summary == null ? null : summary.city(),
                            warnings.getOrDefault(r.row(), List.of()));
                })
                .toList();
    }

    /** The duplicate's detail holds {@code country number firstRow}; firstRow 0 means it was on the list before. */
    private static ImportReport.Duplicate duplicate(int row, String value, String detail) {
        String[] parts = detail.split(" ");
        int first = Integer.parseInt(parts[2]);
        return new ImportReport.Duplicate(row, value, parts[0], parts[1], first == 0 ? null : first);
    }

    /**
     * The rejected rows as a CSV in the upload's own columns, plus the reason and the row's other problems (warnings)
     * in {@code locale}, to fix and upload again.
     */
    public String rejectedCsv(UUID watchlistId, UUID importId, Locale locale) {
        WatchlistImport upload = tx.execute(status -> requireImport(watchlistId, importId));
        List<String> header = new ArrayList<>(
                List.of(json.readValue(upload.getHeader() == null ? "[]" : upload.getHeader(), String[].class)));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            Map<Integer, List<String>> warnings = tx.execute(status -> warnings(upload.getId(), locale));
            List<List<String>> rows = tx.execute(status -> jdbc.query(
                    """
                    select cells, row_no, null, detail, detail_key, detail_args from watchlist_import_row
                    where import_id = ? and outcome = 'REJECTED' order by row_no""",
                    (rs, n) -> {
                        List<String> cells = new ArrayList<>(List.of(json.readValue(rs.getString(1), String[].class)));
                        cells.add(detail(rs, locale));
                        cells.add(String.join(" · ", warnings.getOrDefault(rs.getInt(2), List.of())));
                        return cells;
                    },
                    upload.getId()));
            int width = Math.max(
                    header.size(),
                    rows.stream().mapToInt(r -> r.size() - 2).max().orElse(0));
            if (!header.isEmpty()) {
                while (header.size() < width) {
                    header.add("");
                }
                header.add(messages.getMessage("watchlist.rejected.reasonColumn", null, locale));
                header.add(messages.getMessage("watchlist.rejected.warningsColumn", null, locale));
                printer.printRecord(header.stream().map(Exports::neutralise).toList());
            }
            for (List<String> row : rows) {
                String rowWarnings = row.removeLast();
                String reason = row.removeLast();
                while (row.size() < width) {
                    row.add("");
                }
                row.add(reason);
                row.add(rowWarnings);
                printer.printRecord(row.stream().map(Exports::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "\uFEFF" + out;
    }

    /** The health check and flashback of a finished upload, in {@code language}. */
    public HealthCheck healthCheck(UUID watchlistId, UUID importId, String language) {
        WatchlistImport upload = tx.execute(status -> requireImport(watchlistId, importId));
        return tx.execute(status -> flashbacks.healthCheck(upload.getId(), upload.getAccepted(), language));
    }

    // ---------------------------------------------------------------- the work

    private void run(UUID importId, Path file, ColumnMapping mapping, Uploader uploader) {
        try (Stream<RawRow> rows = UploadReader.rows(file)) {
            enroll(importId, rows, mapping, uploader, false);
        } catch (UploadFormatException e) {
            failed(importId, e.wording());
            throw refusal(e.wording());
        }
    }

    private void enroll(
            UUID importId, Stream<RawRow> rows, ColumnMapping mapping, Uploader uploader, boolean jsonList) {
        AtomicInteger read = progress.computeIfAbsent(importId, k -> new AtomicInteger());
        try {
            tx.executeWithoutResult(status -> {
                long t0 = System.nanoTime();
                WatchlistImport upload = imports.findById(importId).orElseThrow();
                Watchlist watchlist = watchlists.require(upload.getWatchlistId());
                UUID tenant = watchlist.getTenantId();
                Set<String> onList = store.keysOn(watchlist.getId());
                RowValidator validator = new RowValidator(mapping, owners());
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
                    read.incrementAndGet();
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
        } catch (WatchlistException e) {
            failed(importId, Wording.of(e.messageKey(), e.args()));
            throw e;
        } catch (UploadFormatException e) {
            failed(importId, e.wording());
            throw refusal(e.wording());
        } catch (RuntimeException e) {
            log.error("Watchlist import {} failed", importId, e);
            failed(importId, Wording.of("watchlist.error.unexpected"));
            throw e;
        } finally {
            progress.remove(importId);
        }
    }

    private void failed(UUID importId, Wording reason) {
        tx.executeWithoutResult(status -> imports.findById(importId).ifPresent(upload -> {
            upload.fail(reason.in(messages, Locale.ENGLISH), reason);
            imports.save(upload);
        }));
    }

    private static WatchlistException refusal(Wording reason) {
        return reason == null
                ? new WatchlistException("watchlist.error.unexpected")
                : new WatchlistException(reason.key(), reason.arguments());
    }

    private WatchlistImport requireImport(UUID watchlistId, UUID importId) {
        Watchlist watchlist = watchlists.require(watchlistId);
        return imports.findById(importId)
                .filter(i -> i.getWatchlistId().equals(watchlist.getId()))
                .orElseThrow(() -> new NotFoundException("Upload"));
    }

    private Map<String, UUID> owners() {
        Map<String, UUID> owners = new HashMap<>();
        for (UserView user : tx.execute(status -> users.users())) {
            owners.put(user.email().toLowerCase(Locale.ROOT), user.id());
            if (user.displayName() != null && !user.displayName().isBlank()) {
                owners.putIfAbsent(user.displayName().strip().toLowerCase(Locale.ROOT), user.id());
            }
        }
        return owners;
    }

    private Path save(InputStream content) {
        try {
            Files.createDirectories(properties.uploads());
            Path target = properties.uploads().resolve(UUID.randomUUID() + ".upload");
            long max = properties.maxUpload().toBytes();
            try (InputStream limited = content) {
                long copied = Files.copy(
                        new java.io.BufferedInputStream(limited), target, StandardCopyOption.REPLACE_EXISTING);
                if (copied > max) {
                    Files.deleteIfExists(target);
                    throw new WatchlistException("watchlist.error.tooLarge", max / (1024 * 1024));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}: {}", file, e.getMessage());
        }
    }

    private static String safeName(String fileName) {
        String name = fileName == null || fileName.isBlank()
                ? "upload"
                : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        return name.length() > 300 ? name.substring(0, 300) : name;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void destroy() {
        background.shutdown();
    }
}
