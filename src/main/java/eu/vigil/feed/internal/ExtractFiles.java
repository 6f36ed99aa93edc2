package eu.vigil.feed.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of one extract: a zip as published, a folder of unpacked files, or one plain (or gzipped)
 * file such as a JSON Lines snapshot.
 */
public final class ExtractFiles implements Closeable {

    private static final List<String> DATA_SUFFIXES = List.of(".jsonl", ".ndjson", ".json", ".csv", ".jsonl.gz", ".csv.gz");

    private final Path path;
    private final ZipFile zip;
    private final boolean single;

    private ExtractFiles(Path path, ZipFile zip, boolean single) {
        this.path = path;
        this.zip = zip;
        this.single = single;
    }

    public static ExtractFiles open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new ExtractFiles(path, null, false);
        }
        if (!startsWith(path, 'P', 'K')) {
            return new ExtractFiles(path, null, true);
        }
        try {
            return new ExtractFiles(path, new ZipFile(path.toFile(), StandardCharsets.UTF_8), false);
        } catch (java.util.zip.ZipException e) {
            throw new StructureException("The file is not a zip archive of CSV files (" + e.getMessage() + ").");
        }
    }

    private static boolean startsWith(Path file, int first, int second) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == first && in.read() == second;
        }
    }

    /** Whether the extract is one plain file rather than a zip or a folder. */
    public boolean isSingleFile() {
        return single;
    }

    public boolean has(String name) {
        if (single) {
            return false;
        }
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
        if (single) {
            throw new StructureException("The extract is a single file, not a zip archive or folder holding " + name + ".");
        }
        return Files.newBufferedReader(path.resolve(name), StandardCharsets.UTF_8);
    }

    /**
     * The one data file of a record-per-line extract (JSON Lines or CSV): the file itself, or the only
     * {@code .jsonl}/{@code .csv} file of the zip or folder. Gzipped files are unpacked on the fly.
     */
    public Reader openData() throws IOException {
        InputStream raw;
        if (single) {
            raw = Files.newInputStream(path);
        } else if (zip != null) {
            List<? extends ZipEntry> data = zip.stream().filter(e -> !e.isDirectory() && isData(e.getName())).toList();
            raw = zip.getInputStream(only(data.stream().map(ZipEntry::getName).toList(), data).getFirst());
        } else {
            try (Stream<Path> files = Files.list(path)) {
                List<Path> data = files.filter(f -> Files.isRegularFile(f) && isData(f.getFileName().toString())).toList();
                raw = Files.newInputStream(only(data.stream().map(p -> p.getFileName().toString()).toList(), data).getFirst());
            }
        }
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return new InputStreamReader(gzipped ? new GZIPInputStream(in, 1 << 16) : in, StandardCharsets.UTF_8);
    }

    private static <T> List<T> only(List<String> names, List<T> items) {
        if (items.size() != 1) {
            throw new StructureException(items.isEmpty()
                    ? "The extract holds no data file: expected one .jsonl or .csv file."
                    : "The extract holds several data files (" + String.join(", ", names) + "): send one at a time.");
        }
        return items;
    }

    private static boolean isData(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return DATA_SUFFIXES.stream().anyMatch(lower::endsWith) && !lower.contains("__macosx");
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
