package eu.vigil.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * KBO Update extracts (zips) built in memory: the real extract 0147 as it is or with files changed, or an
 * update of a test's own rows with 0147's headers and complete code list (an update always carries it, and
 * the run replaces the stored one, so descriptions stay as they are).
 */
public final class KboUpdateZip {

    public static final String REAL_UPDATE = "/kbo/KboOpenData_0147_2025_10_12_Update.zip";
    private static final Map<String, String> REAL = Collections.unmodifiableMap(read(REAL_UPDATE));

    private KboUpdateZip() {}

    /** The real extract 0147's files by name, to change at will. */
    public static Map<String, String> realUpdateFiles() {
        return new LinkedHashMap<>(REAL);
    }

    public static byte[] zip(Map<String, String> files) {
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

    /** meta.csv of an extract of {@code type} (update, full) number {@code number} taken on {@code snapshot} (dd-MM-yyyy). */
    public static String meta(String type, int number, String snapshot) {
        return "\"Variable\",\"Value\"\n\"SnapshotDate\",\"" + snapshot + "\"\n\"ExtractTimestamp\",\"" + snapshot
                + " 07:00:00\"\n\"ExtractType\",\"" + type + "\"\n\"ExtractNumber\",\"" + number
                + "\"\n\"Version\",\"1.0.0\"\n";
    }

    /** An update numbered {@code extractNumber}, taken on {@code snapshot} (dd-MM-yyyy), with no rows yet. */
    public static Update update(int extractNumber, String snapshot) {
        return new Update(extractNumber, snapshot);
    }

    /** A text cell as KBO writes it: quoted, its quotes doubled. */
    public static String q(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** 0123456749 as KBO writes it: 0123.456.749. */
    public static String dotted(String number) {
        return number.substring(0, 4) + "." + number.substring(4, 7) + "." + number.substring(7);
    }

    /**
     * New active enterprises, each seated in 9000 Gent. {@code names}: enterprise number (10 digits) to name;
     * {@code street}: the seat's street in Dutch and French, then its number.
     */
    public static byte[] newEnterprises(
            Map<String, String> names, LocalDate snapshotDate, String streetNl, String streetFr, String houseNumber) {
        Update update = update(147, snapshotDate.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        // KBO publishes its files sorted by number, and the adapter insists on it
        new TreeMap<>(names).forEach((number, name) -> {
            String key = q(dotted(number));
            update.insert("enterprise", key, q("AC"), q("000"), q("2"), q("014"), "", "01-03-2011")
                    .insert("denomination", key, q("2"), q("001"), q(name))
                    .insert(
                            "address",
                            key,
                            q("REGO"),
                            q(""),
                            q(""),
                            q("9000"),
                            q("Gent"),
                            q("Gand"),
                            q(streetNl),
                            q(streetFr),
                            q(houseNumber),
                            q(""),
                            q(""),
                            "");
        });
        return update.zip();
    }

    /** An Update extract being written: every file of 0147 with its header, and the rows a test adds. */
    public static final class Update {

        private final Map<String, StringBuilder> files = new LinkedHashMap<>();

        private Update(int extractNumber, String snapshot) {
            REAL.forEach((name, content) -> files.put(
                    name,
                    new StringBuilder(
                            switch (name) {
                                case "meta.csv" -> meta("update", extractNumber, snapshot);
                                case "code.csv" -> content;
                                default -> content.substring(0, content.indexOf('\n') + 1);
                            })));
        }

        /** A row of {@code part}_delete.csv (part: enterprise, denomination, address, ...): the quoted key whose rows go. */
        public Update delete(String part, String key) {
            file(part + "_delete.csv").append(key).append('\n');
            return this;
        }

        /** A row of {@code part}_insert.csv, its cells as KBO writes them (text quoted with {@link #q}, dates and empty cells bare). */
        public Update insert(String part, String... cells) {
            file(part + "_insert.csv").append(String.join(",", cells)).append('\n');
            return this;
        }

        public byte[] zip() {
            Map<String, String> text = new LinkedHashMap<>();
            files.forEach((name, content) -> text.put(name, content.toString()));
            return KboUpdateZip.zip(text);
        }

        private StringBuilder file(String name) {
            StringBuilder file = files.get(name);
            if (file == null) {
                throw new IllegalArgumentException("A KBO Update has no " + name);
            }
            return file;
        }
    }

    private static Map<String, String> read(String resource) {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = KboUpdateZip.class.getResourceAsStream(resource);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
