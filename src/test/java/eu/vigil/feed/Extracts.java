package eu.vigil.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Builds KBO-shaped zips in memory: from scratch, or from the real extract 147 with files changed or removed. */
final class Extracts {

    static final String REAL_UPDATE = "/kbo/KboOpenData_0147_2025_10_12_Update.zip";

    private Extracts() {
    }

    static Map<String, String> realUpdateFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = Extracts.class.getResourceAsStream(REAL_UPDATE); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String meta(String type, int number, String snapshot) {
        return "\"Variable\",\"Value\"\n\"SnapshotDate\",\"" + snapshot + "\"\n\"ExtractTimestamp\",\"" + snapshot
                + " 07:00:00\"\n\"ExtractType\",\"" + type + "\"\n\"ExtractNumber\",\"" + number + "\"\n\"Version\",\"1.0.0\"\n";
    }
}
