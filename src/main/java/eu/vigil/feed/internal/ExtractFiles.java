package eu.vigil.feed.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The CSV files of one extract, from a zip as published or from a folder of unpacked files. */
public final class ExtractFiles implements Closeable {

    private final Path path;
    private final ZipFile zip;

    private ExtractFiles(Path path, ZipFile zip) {
        this.path = path;
        this.zip = zip;
    }

    public static ExtractFiles open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new ExtractFiles(path, null);
        }
        try {
            return new ExtractFiles(path, new ZipFile(path.toFile(), StandardCharsets.UTF_8));
        } catch (java.util.zip.ZipException e) {
            throw new StructureException("The file is not a zip archive of CSV files (" + e.getMessage() + ").");
        }
    }

    public boolean has(String name) {
        return zip != null ? entry(name) != null : Files.isRegularFile(path.resolve(name));
    }

    public Reader open(String name) throws IOException {
        if (zip != null) {
            ZipEntry entry = entry(name);
            if (entry == null) {
                throw new StructureException("The extract has no " + name + ".");
            }
            return new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(path.resolve(name), StandardCharsets.UTF_8);
    }

    private ZipEntry entry(String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            entry = zip.stream().filter(e -> !e.isDirectory() && (e.getName().endsWith("/" + name)))
                    .findFirst().orElse(null);
        }
        return entry;
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
