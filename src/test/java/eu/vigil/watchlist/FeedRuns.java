package eu.vigil.watchlist;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.RunView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Companies brought the way production brings them: through a real KBO Update or bureau snapshot run. */
final class FeedRuns {

    private FeedRuns() {
    }

    /** A KBO Update that brings these active enterprises (number to name), seated in 9000 Gent. */
    static RunView kbo(FeedIngestion ingestion, Map<String, String> names) {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = FeedRuns.class.getResourceAsStream("/kbo/KboOpenData_0147_2025_10_12_Update.zip");
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String content = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                files.put(entry.getName(), entry.getName().equals("code.csv") ? content : content.substring(0, content.indexOf('\n') + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String snapshot = LocalDate.now().minusDays(1).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        files.put("meta.csv", "\"Variable\",\"Value\"\n\"SnapshotDate\",\"" + snapshot + "\"\n\"ExtractTimestamp\",\"" + snapshot
                + " 07:00:00\"\n\"ExtractType\",\"update\"\n\"ExtractNumber\",\"147\"\n\"Version\",\"1.0.0\"\n");
        StringBuilder enterprises = new StringBuilder(files.get("enterprise_insert.csv"));
        StringBuilder denominations = new StringBuilder(files.get("denomination_insert.csv"));
        StringBuilder addresses = new StringBuilder(files.get("address_insert.csv"));
        // KBO publishes its files sorted by number, and the adapter insists on it
        new java.util.TreeMap<>(names).forEach((number, name) -> {
            String dotted = MessyUpload.dotted(number);
            enterprises.append("\"").append(dotted).append("\",\"AC\",\"000\",\"2\",\"014\",,01-03-2011\n");
            denominations.append("\"").append(dotted).append("\",\"2\",\"001\",\"").append(name).append("\"\n");
            addresses.append("\"").append(dotted).append("\",\"REGO\",\"\",\"\",\"9000\",\"Gent\",\"Gand\",\"Veldstraat\",")
                    .append("\"Rue des Champs\",\"1\",\"\",\"\",\n");
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
        return completed(ingestion.ingestNow("kbo", new ByteArrayInputStream(bytes.toByteArray()), "KboOpenData_0147_watchlist_Update.zip",
                true, "test"));
    }

    /** A bureau snapshot of one company as of today; {@code fields} are the line's other JSON members. */
    static RunView bureau(FeedIngestion ingestion, String number, String fields) {
        String line = "{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"" + LocalDate.now() + "\",\"bureau\":\"test\"," + fields + "}";
        return completed(ingestion.ingestNow("bureau", FeedLines.file(line), "snapshot.jsonl", true, "test"));
    }

    private static RunView completed(RunView run) {
        if (!"COMPLETED".equals(run.status()) || run.rowsRejected() > 0) {
            throw new IllegalStateException("Run " + run.id() + " " + run.status() + ": " + run.error() + ", rejected " + run.rowsRejected());
        }
        return run;
    }
}
