package eu.vigil.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.vigil.shared.Language;
import eu.vigil.shared.NotFoundException;
import eu.vigil.storage.FileStore;
import eu.vigil.storage.StorageProperties;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.TenantContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An upload nobody took past its preview does not stay forever, nor does its file. */
@VigilTest
class PreviewHousekeepingTests {

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    BrowserImports imports;

    @Autowired
    ImportReports reports;

    @Autowired
    FileStore store;

    @Autowired
    PreviewHousekeeping housekeeping;

    @Autowired
    WatchlistProperties properties;

    @Autowired
    StorageProperties storage;

    @Test
    void anUploadLeftAtItsPreviewForADayIsRemovedWithItsFile() throws Exception {
        assertThat(properties.previewRetention()).isEqualTo(Duration.ofHours(24));
        TestTenant tenant = data.tenant("Forgotten Previews");
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Half done").id());
        Uploader uploader = new Uploader(
                tenant.admin().email(), tenant.admin().id(), tenant.admin().email(), Language.EN);
        UUID forgotten = prepare(tenant, list, uploader, "forgotten.csv");
        UUID recent = prepare(tenant, list, uploader, "recent.csv");
        Path forgottenFile = storedFile(forgotten);
        Path recentFile = storedFile(recent);
        jdbc.update("update watchlist_import set created_at = now() - interval '25 hours' where id = ?", forgotten);
        Path stray = stray(Instant.now().minus(Duration.ofHours(25)));
        Path newStray = stray(Instant.now());

        housekeeping.removeExpired();

        assertThat(forgottenFile).doesNotExist();
        assertThat(count(forgotten)).isZero();
        assertThatThrownBy(
                        () -> TenantContext.callAs(tenant.id(), () -> reports.status(list, forgotten, Locale.ENGLISH)))
                .isInstanceOf(NotFoundException.class);
        assertThat(stray).as("a day-old file no upload waits on").doesNotExist();

        assertThat(recentFile).exists();
        assertThat(count(recent)).isOne();
        assertThat(TenantContext.callAs(
                                tenant.id(), () -> imports.preview(list, recent, null, null, null, Locale.ENGLISH))
                        .rows())
                .as("a recent preview still works")
                .isNotEmpty();
        assertThat(newStray).as("a file may be an upload being saved right now").exists();
        Files.delete(newStray);
    }

    private UUID prepare(TestTenant tenant, UUID list, Uploader uploader, String name) {
        byte[] csv = "Nummer;Naam\r\n0403.170.701;Acme\r\n".getBytes(StandardCharsets.UTF_8);
        return TenantContext.callAs(
                tenant.id(), () -> imports.prepare(list, new ByteArrayInputStream(csv), name, uploader));
    }

    private Path storedFile(UUID upload) {
        String key = jdbc.queryForObject("select stored_file from watchlist_import where id = ?", String.class, upload);
        assertThat(key).startsWith(UploadFiles.PREFIX);
        Path file = storage.local().root().resolve(key);
        assertThat(file).exists();
        return file;
    }

    private Path stray(Instant modified) throws Exception {
        Path folder = storage.local().root().resolve(UploadFiles.PREFIX);
        Files.createDirectories(folder);
        Path file = folder.resolve(UUID.randomUUID() + ".upload");
        Files.writeString(file, "0403.170.701");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private int count(UUID upload) {
        Integer count =
                jdbc.queryForObject("select count(*) from watchlist_import where id = ?", Integer.class, upload);
        return count == null ? 0 : count;
    }
}
