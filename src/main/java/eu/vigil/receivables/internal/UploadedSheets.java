package eu.vigil.receivables.internal;

import eu.vigil.receivables.ItemLine;
import eu.vigil.receivables.LedgerColumn;
import eu.vigil.receivables.UploadPreview;
import eu.vigil.tenancy.TenantManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Uploaded exports between preview and load: kept per tenant, read as rows, their header found and columns mapped. */
@Component
public class UploadedSheets {

    /** Rows looked at to find the header, and shown in a preview. */
    static final int SAMPLE_ROWS = 20;

    private final JdbcTemplate jdbc;
    private final TenantManagement tenants;
    private final LedgerStore store;

    UploadedSheets(JdbcTemplate jdbc, TenantManagement tenants, LedgerStore store) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.store = store;
    }

    public UUID keep(UUID tenant, String fileName, byte[] content, String uploadedBy) {
        jdbc.update(
                "delete from receivable_upload where tenant_id = ? and created_at < now() - interval '1 day'", tenant);
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into receivable_upload (id, tenant_id, file_name, content, uploaded_by) values (?, ?, ?, ?, ?)",
                id,
                tenant,
                fileName == null || fileName.isBlank() ? "upload" : clip(fileName.strip(), 255),
                content,
                uploadedBy);
        return id;
    }

    public record Stored(UUID id, String fileName, byte[] content) {}

    public Optional<Stored> stored(UUID tenant, UUID id) {
        return jdbc
                .query(
                        "select id, file_name, content from receivable_upload where tenant_id = ? and id = ?",
                        (rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)),
                        tenant,
                        id)
                .stream()
                .findFirst();
    }

    public void forget(UUID tenant, UUID id) {
        jdbc.update("delete from receivable_upload where tenant_id = ? and id = ?", tenant, id);
    }

    /** The header row (from 1), or 0 when the first rows hold none: the first row with the most header-like cells. */
    static int headerRow(List<SheetReader.SheetRow> sample) {
        int best = 0;
        int bestLikeness = 1;
        for (SheetReader.SheetRow row : sample) {
            int likeness = ColumnWords.headerLikeness(row.cells());
            if (likeness > bestLikeness) {
                best = row.number();
                bestLikeness = likeness;
            }
        }
        return best;
    }

    public UploadPreview preview(UUID tenant, Stored upload, Map<LedgerColumn, Integer> chosen) {
        List<SheetReader.SheetRow> sample = new ArrayList<>();
        try (Stream<SheetReader.SheetRow> rows = SheetReader.rows(upload.content())) {
            rows.limit(SAMPLE_ROWS * 2L).forEach(sample::add);
        }
        int headerRow = headerRow(sample.subList(0, Math.min(sample.size(), SAMPLE_ROWS)));
        List<String> header = headerRow == 0
                ? List.of()
                : sample.stream()
                        .filter(r -> r.number() == headerRow)
                        .findFirst()
                        .orElseThrow()
                        .cells();
        Map<LedgerColumn, Integer> mapping = chosen != null ? chosen : ColumnWords.mapping(header);
        int columns = Math.max(
                1, sample.stream().mapToInt(r -> r.cells().size()).max().orElse(0));
        String country = tenants.country();
        String currency = store.currency(tenant);
        List<UploadPreview.Row> previewRows = new ArrayList<>();
        for (SheetReader.SheetRow row : sample) {
            if (row.number() <= headerRow || blank(row.cells()) || previewRows.size() == SAMPLE_ROWS) {
                continue;
            }
            LineReading.Read read = LineReading.read(line(row, mapping), country, currency);
            LineReading.Item item = read.item();
            previewRows.add(new UploadPreview.Row(
                    row.number(),
                    row.cells(),
                    item == null
                            ? null
                            : new UploadPreview.Item(
                                    item.documentNo(),
                                    item.customerRef(),
                                    item.company() == null
                                            ? null
                                            : item.company().display(),
                                    item.type(),
                                    item.documentDate(),
                                    item.dueDate(),
                                    item.amount(),
                                    item.currency(),
                                    item.paidDate()),
                    read.problems()));
        }
        return new UploadPreview(
                upload.id(), upload.fileName(), headerRow, header, columns, mapping, previewRows, currency);
    }

    /** The file's lines after its header, as the mapping reads them, streamed; close the stream when done. */
    public Stream<ItemLine> lines(Stored upload, Map<LedgerColumn, Integer> mapping) {
        List<SheetReader.SheetRow> sample = new ArrayList<>();
        try (Stream<SheetReader.SheetRow> rows = SheetReader.rows(upload.content())) {
            rows.limit(SAMPLE_ROWS).forEach(sample::add);
        }
        int headerRow = headerRow(sample);
        return SheetReader.rows(upload.content())
                .filter(r -> r.number() > headerRow && !blank(r.cells()))
                .map(r -> line(r, mapping));
    }

    static ItemLine line(SheetReader.SheetRow row, Map<LedgerColumn, Integer> mapping) {
        return new ItemLine(
                row.number(),
                cell(row, mapping, LedgerColumn.DOCUMENT_NUMBER),
                cell(row, mapping, LedgerColumn.CUSTOMER),
                cell(row, mapping, LedgerColumn.COMPANY_NUMBER),
                cell(row, mapping, LedgerColumn.TYPE),
                cell(row, mapping, LedgerColumn.DOCUMENT_DATE),
                cell(row, mapping, LedgerColumn.DUE_DATE),
                cell(row, mapping, LedgerColumn.AMOUNT),
                cell(row, mapping, LedgerColumn.DEBIT),
                cell(row, mapping, LedgerColumn.CREDIT),
                cell(row, mapping, LedgerColumn.CURRENCY),
                cell(row, mapping, LedgerColumn.PAID_DATE));
    }

    private static String cell(SheetReader.SheetRow row, Map<LedgerColumn, Integer> mapping, LedgerColumn column) {
        Integer index = mapping.get(column);
        return index == null || index < 0 || index >= row.cells().size()
                ? null
                : row.cells().get(index);
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
