package eu.vigil.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A KBO Update extract (as a zip) holding only new active enterprises, each seated in 9000 Gent, with the
 * real extract 0147's headers and code list so that descriptions stay as they are.
 */
public final class KboUpdateZip {

    private KboUpdateZip() {
    }

    /** {@code names}: enterprise number (10 digits) to name; {@code street}: the seat's street in Dutch and French, then its number. */
    public static byte[] newEnterprises(Map<String, String> names, LocalDate snapshotDate, String streetNl, String streetFr,
                                        String houseNumber) {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = KboUpdateZip.class.getResourceAsStream("/kbo/KboOpenData_0147_2025_10_12_Update.zip");
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String content = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                files.put(entry.getName(), entry.getName().equals("code.csv") ? content : content.substring(0, content.indexOf('\n') + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String snapshot = snapshotDate.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        files.put("meta.csv", "\"Variable\",\"Value\"\n\"SnapshotDate\",\"" + snapshot + "\"\n\"ExtractTimestamp\",\"" + snapshot
                + " 07:00:00\"\n\"ExtractType\",\"update\"\n\"ExtractNumber\",\"147\"\n\"Version\",\"1.0.0\"\n");
        StringBuilder enterprises = new StringBuilder(files.get("enterprise_insert.csv"));
        StringBuilder denominations = new StringBuilder(files.get("denomination_insert.csv"));
        StringBuilder addresses = new StringBuilder(files.get("address_insert.csv"));
        // KBO publishes its files sorted by number, and the adapter insists on it
        new TreeMap<>(names).forEach((number, name) -> {
            String dotted = number.substring(0, 4) + "." + number.substring(4, 7) + "." + number.substring(7);
            enterprises.append("\"").append(dotted).append("\",\"AC\",\"000\",\"2\",\"014\",,01-03-2011\n");
            denominations.append("\"").append(dotted).append("\",\"2\",\"001\",\"").append(name).append("\"\n");
            addresses.append("\"").append(dotted).append("\",\"REGO\",\"\",\"\",\"9000\",\"Gent\",\"Gand\",\"").append(streetNl)
                    .append("\",\"").append(streetFr).append("\",\"").append(houseNumber).append("\",\"\",\"\",\n");
        });
        files.put("enterprise_insert.csv", enterprises.toString());
        files.put("denomination_insert.csv", denominations.toString());
        files.put("address_insert.csv", addresses.toString());
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
}
