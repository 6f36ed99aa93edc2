package eu.vigil.watchlist;

import eu.vigil.company.CompanyDirectory;
import eu.vigil.company.CompanyId;
import eu.vigil.watchlist.internal.Watchlist;
import eu.vigil.watchlist.internal.WatchlistImport;
import eu.vigil.watchlist.internal.WatchlistImportRepository;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading uploads back: where one stands (with its progress while it runs), its report, its health check. */
@Service
public class ImportReports {

    private static final int REPORT_LIMIT = 100_000_000;

    private final WatchlistManagement watchlists;
    private final WatchlistImportRepository imports;
    private final CompanyDirectory directory;
    private final FlashbackReports flashbacks;
    private final ImportSupport support;
    private final ImportProgress progress;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ImportReports(
            WatchlistManagement watchlists,
            WatchlistImportRepository imports,
            CompanyDirectory directory,
            FlashbackReports flashbacks,
            ImportSupport support,
            ImportProgress progress,
            JdbcTemplate jdbc) {
        this.watchlists = watchlists;
        this.imports = imports;
        this.directory = directory;
        this.flashbacks = flashbacks;
        this.support = support;
        this.progress = progress;
        this.jdbc = jdbc;
        this.tx = support.tx();
    }

    /** Where the upload stands; why it failed is said in {@code locale}. */
    public ImportStatus status(UUID watchlistId, UUID importId, Locale locale) {
        WatchlistImport upload = tx.execute(status -> support.requireImport(watchlistId, importId));
        Integer read = upload.getStatus().equals(WatchlistImport.RUNNING) ? progress.rowsRead(importId) : null;
        return new ImportStatus(
                upload.getId(),
                upload.getWatchlistId(),
                upload.getFileName(),
                upload.getStatus(),
                support.error(upload, locale),
                read == null ? upload.getRowsTotal() : read,
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
                            support.error(i, locale),
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

    public ImportReport report(UUID watchlistId, UUID importId, int limit, Locale locale) {
        WatchlistImport upload = tx.execute(status -> support.requireImport(watchlistId, importId));
        return report(upload, limit, locale);
    }

    /** The report of an import just run; its refusal when it failed. */
    ImportReport finished(UUID importId, Locale locale) {
        WatchlistImport upload = tx.execute(status -> imports.findById(importId).orElseThrow());
        if (upload.getStatus().equals(WatchlistImport.FAILED)) {
            throw ImportSupport.refusal(upload.getErrorWording());
        }
        return report(upload, REPORT_LIMIT, locale);
    }

    private ImportReport report(WatchlistImport upload, int limit, Locale locale) {
        return tx.execute(status -> {
            Map<Integer, List<String>> warnings = support.warnings(upload.getId(), locale);
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
                            support.detail(rs, locale),
                            warnings.getOrDefault(rs.getInt(1), List.of())),
                    upload.getId(),
                    limit);
            return new ImportReport(
                    upload.getId(),
                    upload.getWatchlistId(),
                    upload.getStatus(),
                    support.error(upload, locale),
                    upload.getRowsTotal(),
                    accepted,
                    pending,
                    rejected,
                    duplicates(upload, limit),
                    warnings.size());
        });
    }

    private List<ImportReport.Duplicate> duplicates(WatchlistImport upload, int limit) {
        return jdbc.query(
                """
                select row_no, value, detail from watchlist_import_row where import_id = ? and outcome = 'DUPLICATE'
                order by row_no limit ?""", (rs, n) -> duplicate(rs.getInt(1), rs.getString(2), rs.getString(3)), upload.getId(), limit);
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

    /** The health check and flashback of a finished upload, in {@code language}. */
    public HealthCheck healthCheck(UUID watchlistId, UUID importId, String language) {
        WatchlistImport upload = tx.execute(status -> support.requireImport(watchlistId, importId));
        return tx.execute(status -> flashbacks.healthCheck(upload.getId(), upload.getAccepted(), language));
    }
}
