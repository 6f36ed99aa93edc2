package eu.vigil.watchlist.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads every part of a workbook once, unpacked as a stream and nothing kept, before the workbook reader opens it:
 * a part that unpacks beyond its limit, or a cell or tag longer than Excel itself allows, refuses the file, so a
 * small zip cannot expand into gigabytes in memory.
 */
final class XlsxGuard {

    static final long MAX_PART = 512L * 1024 * 1024;
    static final long MAX_SHARED_STRINGS = 64L * 1024 * 1024;
    static final long MAX_TOTAL = 1024L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    /** Excel's 32,767 characters of a cell, at up to 4 bytes each once escaped as XML. */
    static final int MAX_TEXT_BYTES = 32_767 * 4;

    static final int MAX_TAG_BYTES = 64 * 1024;

    private XlsxGuard() {}

    static void check(Path file) {
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int entries = 0;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw oversized("", MAX_ENTRIES + " parts");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                long limit = name.endsWith("sharedStrings.xml") ? MAX_SHARED_STRINGS : MAX_PART;
                try (InputStream in = zip.getInputStream(entry)) {
                    total += scan(in, name, limit, MAX_TOTAL - total);
                }
            }
        } catch (ZipException e) {
            throw new UploadFormatException("watchlist.file.damaged");
        } catch (IOException e) {
            throw new UploadFormatException("watchlist.file.damaged");
        }
    }

    private static long scan(InputStream in, String part, long limit, long left) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        boolean inTag = false;
        int run = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            if (size > limit) {
                throw oversized(part, megabytes(limit));
            }
            if (size > left) {
                throw oversized(part, megabytes(MAX_TOTAL));
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '<') {
                    inTag = true;
                    run = 0;
                } else if (b == '>') {
                    inTag = false;
                    run = 0;
                } else if (++run > (inTag ? MAX_TAG_BYTES : MAX_TEXT_BYTES)) {
                    throw oversized(part, inTag ? "64 KB per tag" : "32,767 characters per cell");
                }
            }
        }
        return size;
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    private static UploadFormatException oversized(String part, String limit) {
        return new UploadFormatException("watchlist.file.oversized", part, limit);
    }
}
