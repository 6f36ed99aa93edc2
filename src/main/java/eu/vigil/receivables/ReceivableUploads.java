package eu.vigil.receivables;

import eu.vigil.receivables.internal.Ledger;
import eu.vigil.receivables.internal.UploadedSheets;
import eu.vigil.receivables.internal.UploadedSheets.Stored;
import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open-items exports uploaded in the browser: kept, previewed (header found, columns recognised, the first rows read as
 * they will be loaded), then loaded as the API loads them.
 */
@Service
public class ReceivableUploads {

    private final UploadedSheets sheets;
    private final Ledger ledger;

    ReceivableUploads(UploadedSheets sheets, Ledger ledger) {
        this.sheets = sheets;
        this.ledger = ledger;
    }

    @Transactional
    public UUID keep(String fileName, byte[] content, String uploadedBy) {
        if (content == null || content.length == 0) {
            throw new ReceivablesException("receivables.upload.empty");
        }
        return sheets.keep(TenantContext.require(), fileName, content, uploadedBy);
    }

    /** The preview with the columns recognised, or as chosen ({@code mapping} null: recognise them). */
    @Transactional(readOnly = true)
    public UploadPreview preview(UUID id, Map<LedgerColumn, Integer> mapping) {
        UUID tenant = TenantContext.require();
        return sheets.preview(tenant, stored(tenant, id), mapping);
    }

    /** Loads the upload with these columns, then forgets the file. */
    @Transactional
    public LoadReport load(
            UUID id, Map<LedgerColumn, Integer> mapping, LoadMode mode, LocalDate asOf, String loadedBy) {
        UUID tenant = TenantContext.require();
        Stored upload = stored(tenant, id);
        LoadReport report;
        try (Stream<ItemLine> lines = sheets.lines(upload, mapping)) {
            report = ledger.load(tenant, mode, asOf, "UPLOAD", null, Map.of(), lines.iterator(), loadedBy);
        }
        sheets.forget(tenant, id);
        return report;
    }

    private Stored stored(UUID tenant, UUID id) {
        return sheets.stored(tenant, id).orElseThrow(() -> new NotFoundException("Upload"));
    }
}
