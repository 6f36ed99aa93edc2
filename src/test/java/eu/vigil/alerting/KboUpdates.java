package eu.vigil.alerting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * KBO Update extracts, as KBO publishes them, for a few enterprises: each listed with its complete current rows
 * (an active enterprise, its name and seat), in a given juridical situation ({@code 000} normal, {@code 050}
 * bankrupt). An enterprise seen before is deleted first, as KBO does for a changed key.
 */
public final class KboUpdates {

    /** Enterprise numbers from 0600.000.000 upward are the alerting tests'. */
    private static final AtomicLong NEXT = new AtomicLong(6_000_000 + (System.nanoTime() % 1000) * 100);
    private static final AtomicInteger EXTRACT = new AtomicInteger(8_300_000 + (int) (System.nanoTime() % 1000) * 10);
    private static final byte[] CODES = realCodes();

    private KboUpdates() {
    }

    /** A fresh valid Belgian enterprise number, ten digits. */
    public static String number() {
        long first8 = NEXT.incrementAndGet();
        return "%08d%02d".formatted(first8, 97 - first8 % 97);
    }

    public record Enterprise(String number, String name, String situation, boolean seenBefore) {
    }

    public static byte[] update(String snapshot, Enterprise... enterprises) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        String[][] headers = {
                {"enterprise", "\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\""},
                {"establishment", "\"EstablishmentNumber\",\"StartDate\",\"EnterpriseNumber\""},
                {"denomination", "\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\""},
                {"address", "\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\",\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\""},
                {"contact", "\"EntityNumber\",\"EntityContact\",\"ContactType\",\"Value\""},
                {"activity", "\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\""},
                {"branch", "\"Id\",\"StartDate\",\"EnterpriseNumber\""}};
        for (String[] header : headers) {
            files.put(header[0] + "_delete.csv", new StringBuilder(header[1].substring(0, header[1].indexOf(',')) + "\n"));
            files.put(header[0] + "_insert.csv", new StringBuilder(header[1] + "\n"));
        }
        for (Enterprise e : enterprises) {
            String key = q(e.number().substring(0, 4) + "." + e.number().substring(4, 7) + "." + e.number().substring(7));
            if (e.seenBefore()) {
                for (String part : new String[] {"enterprise", "denomination", "address", "activity"}) {
                    files.get(part + "_delete.csv").append(key).append('\n');
                }
            }
            files.get("enterprise_insert.csv").append(String.join(",", key, q("AC"), q(e.situation()), q("2"), q("014"), "",
                    "15-03-2010")).append('\n');
            files.get("denomination_insert.csv").append(String.join(",", key, q("2"), q("001"), q(e.name()))).append('\n');
            files.get("address_insert.csv").append(String.join(",", key, q("REGO"), q(""), q(""), q("2000"), q("Antwerpen"),
                    q("Antwerpen"), q("Kerkstraat"), q("Kerkstraat"), q("1"), "", "", "")).append('\n');
            files.get("activity_insert.csv").append(String.join(",", key, q("003"), q("2025"), q("62100"), q("MAIN"))).append('\n');
        }
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("meta.csv", ("\"Variable\",\"Value\"\n\"SnapshotDate\",\"" + snapshot + "\"\n\"ExtractTimestamp\",\"" + snapshot
                + " 07:00:00\"\n\"ExtractType\",\"update\"\n\"ExtractNumber\",\"" + EXTRACT.incrementAndGet()
                + "\"\n\"Version\",\"1.0.0\"\n").getBytes(StandardCharsets.UTF_8));
        zip.put("code.csv", CODES);
        files.forEach((name, content) -> zip.put(name, content.toString().getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var file : zip.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String q(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static byte[] realCodes() {
        try (InputStream in = KboUpdates.class.getResourceAsStream("/kbo/KboOpenData_0147_2025_10_12_Update.zip");
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("code.csv")) {
                    return zip.readAllBytes();
                }
            }
            throw new IllegalStateException("The real KBO extract has no code.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
