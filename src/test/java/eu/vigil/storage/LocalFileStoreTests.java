package eu.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder store of a single node: files kept by key are read back, listed by prefix and deleted, and a key that
 * could leave the folder is refused before anything is touched.
 */
class LocalFileStoreTests {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @Test
    void aKeptFileIsReadListedAndDeletedByItsKey() throws Exception {
        LocalFileStore store = new LocalFileStore(root);
        Path file = Files.writeString(elsewhere.resolve("in.csv"), "Nummer;Naam\r\n0403.170.701;Acme\r\n");

        store.put("watchlist-uploads/a.upload", file);
        store.put("watchlist-uploads/b.upload", file);
        store.put("feed-inbox/kbo/c.zip", file);

        try (InputStream in = store.open("watchlist-uploads/a.upload")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("Nummer;Naam");
        }
        try (FileStore.LocalCopy copy = store.copy("watchlist-uploads/b.upload")) {
            assertThat(copy.path()).hasSameTextualContentAs(file);
        }
        assertThat(store.list("watchlist-uploads/"))
                .extracting(FileStore.StoredFile::key)
                .containsExactly("watchlist-uploads/a.upload", "watchlist-uploads/b.upload");
        assertThat(store.list("watchlist-uploads/").getFirst().size()).isEqualTo(Files.size(file));

        assertThat(store.delete("watchlist-uploads/a.upload")).isTrue();
        assertThat(store.delete("watchlist-uploads/a.upload"))
                .as("already gone")
                .isFalse();
        assertThatThrownBy(() -> store.open("watchlist-uploads/a.upload")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.copy("watchlist-uploads/a.upload")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void keysThatCouldLeaveTheFolderAreRefused() throws Exception {
        LocalFileStore store = new LocalFileStore(root);
        Path file = Files.writeString(elsewhere.resolve("in.csv"), "x");
        for (String key : new String[] {"../escape.upload", "/etc/passwd", "a/../../b", "a b.csv", "a//b", "", "C:x"}) {
            assertThatThrownBy(() -> store.put(key, file)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        try (var files = Files.list(elsewhere.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("escape.upload");
        }
        assertThat(store.list("")).isEmpty();
    }
}
