package eu.vigil.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Files in a folder of this node: for a single node, where every request reaches the same disk. */
final class LocalFileStore implements FileStore {

    private final Path root;

    LocalFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        // written aside, then moved: a reader never sees half a file
        Path partial = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public LocalCopy copy(String key) throws IOException {
        Path path = resolve(key);
        if (!Files.isRegularFile(path)) {
            throw new java.nio.file.NoSuchFileException(key);
        }
        return new LocalCopy() {
            @Override
            public Path path() {
                return path;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(resolve(key));
    }

    @Override
    public List<StoredFile> list(String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String key = root.relativize(path).toString().replace('\\', '/');
                if (key.startsWith(prefix) && !key.endsWith(".part")) {
                    files.add(new StoredFile(
                            key,
                            Files.size(path),
                            Files.getLastModifiedTime(path).toInstant()));
                }
            }
        }
        files.sort(Comparator.comparing(StoredFile::key));
        return files;
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    private Path resolve(String key) {
        Path path = root.resolve(FileStore.checked(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return path;
    }
}
