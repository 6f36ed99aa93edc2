package eu.vigil.watchlist.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** One upload into a watchlist: PREVIEW (file kept, mapping being chosen), RUNNING, DONE or FAILED. */
@Entity
@Table(name = "watchlist_import")
public class WatchlistImport {

    public static final String PREVIEW = "PREVIEW";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "watchlist_id", nullable = false, updatable = false)
    private UUID watchlistId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "stored_file")
    private String storedFile;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploader_id")
    private UUID uploaderId;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private String status;

    @Column
    private String mapping;

    @Column
    private String header;

    @Column(name = "rows_total", nullable = false)
    private int rowsTotal;

    @Column(nullable = false)
    private int accepted;

    @Column(nullable = false)
    private int pending;

    @Column(nullable = false)
    private int rejected;

    @Column(nullable = false)
    private int duplicates;

    @Column
    private String error;

    @Column(name = "error_key")
    private String errorKey;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "error_args", nullable = false)
    private String[] errorArgs = new String[0];

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WatchlistImport() {}

    public WatchlistImport(
            UUID watchlistId, String fileName, String uploadedBy, UUID uploaderId, String language, String status) {
        this.id = UUID.randomUUID();
        this.watchlistId = watchlistId;
        this.fileName = fileName;
        this.uploadedBy = uploadedBy;
        this.uploaderId = uploaderId;
        this.language = language;
        this.status = status;
        this.createdAt = Instant.now();
    }

    public void storedAs(String path, String detectedMapping) {
        this.storedFile = path;
        this.mapping = detectedMapping;
    }

    public void header(String headerCells) {
        this.header = headerCells;
    }

    public String getHeader() {
        return header;
    }

    public void start(String chosenMapping) {
        this.mapping = chosenMapping;
        this.status = RUNNING;
    }

    public void finish(int rows, int acceptedCount, int pendingCount, int rejectedCount, int duplicateCount) {
        this.rowsTotal = rows;
        this.accepted = acceptedCount;
        this.pending = pendingCount;
        this.rejected = rejectedCount;
        this.duplicates = duplicateCount;
        this.status = DONE;
        this.finishedAt = Instant.now();
        this.storedFile = null;
    }

    /** {@code english} for support; {@code wording} for the reader, in their language. */
    public void fail(String english, Wording wording) {
        this.status = FAILED;
        this.error = english.length() > 2000 ? english.substring(0, 2000) : english;
        this.errorKey = wording.key();
        this.errorArgs = wording.args().toArray(String[]::new);
        this.finishedAt = Instant.now();
        this.storedFile = null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getWatchlistId() {
        return watchlistId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getStoredFile() {
        return storedFile;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public UUID getUploaderId() {
        return uploaderId;
    }

    public String getLanguage() {
        return language;
    }

    public String getStatus() {
        return status;
    }

    public String getMapping() {
        return mapping;
    }

    public int getRowsTotal() {
        return rowsTotal;
    }

    public int getAccepted() {
        return accepted;
    }

    public int getPending() {
        return pending;
    }

    public int getRejected() {
        return rejected;
    }

    public int getDuplicates() {
        return duplicates;
    }

    public String getError() {
        return error;
    }

    /** Why it failed, to be worded in the reader's language; null for imports that failed before wordings were kept. */
    public Wording getErrorWording() {
        return errorKey == null ? null : new Wording(errorKey, java.util.List.of(errorArgs));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
