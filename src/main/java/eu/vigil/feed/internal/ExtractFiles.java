package eu.vigil.feed.internal;

import eu.vigil.feed.FeedProperties;
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

    private static final List<String> DATA_SUFFIXES =
            List.of(".jsonl", ".ndjson", ".json", ".csv", ".jsonl.gz", ".csv.gz");

    private final Path path;
    private final ZipFile zip;
    private final boolean single;
    private final FeedProperties.Limits limits;

    private ExtractFiles(Path path, ZipFile zip, boolean single, FeedProperties.Limits limits) {
        this.path = path;
        this.zip = zip;
        this.single = single;
        this.limits = limits;
    }

    public static ExtractFiles open(Path path) throws IOException {
        return open(path, FeedProperties.Limits.defaults());
    }

    /** Opens the extract; every part is read within {@code limits}. */
    public static ExtractFiles open(Path path, FeedProperties.Limits limits) throws IOException {
        if (Files.isDirectory(path)) {
            return new ExtractFiles(path, null, false, limits);
        }
        if (!startsWith(path, 'P', 'K')) {
            return new ExtractFiles(path, null, true, limits);
        }
        try {
            return new ExtractFiles(path, new ZipFile(path.toFile(), StandardCharsets.UTF_8), false, limits);
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
            return text(zipEntry(entry), name);
        }
        if (single) {
            throw new StructureException(
                    "The extract is a single file, not a zip archive or folder holding " + name + ".");
        }
        return text(new BoundedInputStream(Files.newInputStream(path.resolve(name)), name, limits, null), name);
    }

    /** A CSV part of the extract, read within the limits on lines and cells. */
    public CsvReader csv(String name) throws IOException {
        return new CsvReader(open(name), ',', name, limits.maxFieldLength());
    }

    public FeedProperties.Limits limits() {
        return limits;
    }

    private InputStream zipEntry(ZipEntry entry) throws IOException {
        long declared = entry.getSize();
        if (declared > limits.maxUnpackedSize().toBytes()) {
            throw new OversizedFileException(
                    entry.getName(),
                    "says it unpacks to " + declared + " bytes, more than "
                            + limits.maxUnpackedSize().toBytes(),
                    "max-unpacked-size");
        }
        long packed = entry.getCompressedSize();
        return new BoundedInputStream(
                zip.getInputStream(entry),
                entry.getName(),
                limits,
                entry.getMethod() == ZipEntry.DEFLATED && packed > 0 ? () -> packed : null);
    }

    private LimitedReader text(InputStream in, String part) {
        return new LimitedReader(new InputStreamReader(in, StandardCharsets.UTF_8), part, limits.maxLineLength());
    }

    /**
     * The one data file of a record-per-line extract (JSON Lines or CSV): the file itself, or the only
     * {@code .jsonl}/{@code .csv} file of the zip or folder. Gzipped files are unpacked on the fly.
     */
    public LimitedReader openData() throws IOException {
        InputStream raw;
        String part;
        if (single) {
            part = path.getFileName().toString();
            raw = new BoundedInputStream(Files.newInputStream(path), part, limits, null);
        } else if (zip != null) {
            List<? extends ZipEntry> data = zip.stream()
                    .filter(e -> !e.isDirectory() && isData(e.getName()))
                    .toList();
            ZipEntry entry =
                    only(data.stream().map(ZipEntry::getName).toList(), data).getFirst();
            part = entry.getName();
            raw = zipEntry(entry);
        } else {
            try (Stream<Path> files = Files.list(path)) {
                List<Path> data = files.filter(f ->
                                Files.isRegularFile(f) && isData(f.getFileName().toString()))
                        .toList();
                Path file = only(
                                data.stream()
                                        .map(p -> p.getFileName().toString())
                                        .toList(),
                                data)
                        .getFirst();
                part = file.getFileName().toString();
                raw = new BoundedInputStream(Files.newInputStream(file), part, limits, null);
            }
        }
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (!gzipped) {
            return text(in, part);
        }
        long[] packed = new long[1];
        InputStream counted = new java.io.FilterInputStream(in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                packed[0] += Math.max(read, 0);
                return read;
            }
        };
        return text(
                new BoundedInputStream(
                        new GZIPInputStream(counted, 1 << 16), part + " (unpacked)", limits, () -> packed[0]),
                part);
    }

    private static <T> List<T> only(List<String> names, List<T> items) {
        if (items.size() != 1) {
            throw new StructureException(
                    items.isEmpty()
                            ? "The extract holds no data file: expected one .jsonl or .csv file."
                            : "The extract holds several data files (" + String.join(", ", names)
                                    + "): send one at a time.");
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
            entry = zip.stream()
                    .filter(e -> !e.isDirectory() && (e.getName().endsWith("/" + name)))
                    .findFirst()
                    .orElse(null);
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
