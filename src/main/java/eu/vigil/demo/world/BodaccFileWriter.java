package eu.vigil.demo.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes BODACC annonces-commerciales records as the DILA export has them (src/docs/feeds.md §3): {@code jugement},
 * {@code depot} and {@code parutionavisprecedent} are JSON inside a string, {@code registre} a list of SIRENs
 * (each compact and spaced, as BODACC gives them). JSON Lines, or one JSON array as the bulk export.
 */
public final class BodaccFileWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BodaccFileWriter() {}

    /** A judgment; {@code date} as published: ISO, or French text in old notices ("10 décembre 2009"). */
    public record Judgment(String famille, String nature, String date) {}

    /** The notice a rectificatif or an annulation names. */
    public record Previous(String publication, String issue, String number, LocalDate published) {

        /** The previous notice of this id ({@code A202002333642}: publication A, issue 20200233, notice 3642). */
        public static Previous of(String id, LocalDate published) {
            return new Previous("BODACC " + id.charAt(0), id.substring(1, 9), id.substring(9), published);
        }
    }

    /**
     * One notice; {@code type} annonce, rectificatif or annulation; {@code family} collective, conciliation, vente,
     * dpc, radiation, immatriculation, modification, ...; {@code accountsClosing} for dpc.
     */
    public record Notice(
            String id,
            LocalDate published,
            String type,
            String family,
            List<String> sirens,
            String name,
            String town,
            String postcode,
            Judgment judgment,
            LocalDate accountsClosing,
            Previous previous) {}

    public static Map<String, Object> record(Notice n) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", n.id());
        record.put("publicationavis", n.id().substring(0, 1));
        record.put("publicationavis_facette", "Bodacc " + n.id().charAt(0));
        record.put("parution", n.id().substring(1, 9));
        record.put("dateparution", n.published().toString());
        record.put("numeroannonce", Integer.parseInt(n.id().substring(9)));
        record.put("typeavis", n.type());
        record.put("familleavis", n.family());
        record.put("tribunal", "GREFFE DU TRIBUNAL DE COMMERCE DE " + n.town().toUpperCase(java.util.Locale.ROOT));
        record.put("commercant", n.name());
        record.put("ville", n.town());
        record.put("cp", n.postcode());
        record.put(
                "registre",
                n.sirens().stream()
                        .flatMap(s -> java.util.stream.Stream.of(
                                s, s.substring(0, 3) + " " + s.substring(3, 6) + " " + s.substring(6)))
                        .toList());
        if (n.judgment() != null) {
            Map<String, Object> judgment = new LinkedHashMap<>();
            judgment.put("type", "initial");
            judgment.put("famille", n.judgment().famille());
            judgment.put("nature", n.judgment().nature());
            judgment.put("date", n.judgment().date());
            record.put("jugement", JSON.writeValueAsString(judgment));
        }
        if (n.accountsClosing() != null) {
            Map<String, Object> depot = new LinkedHashMap<>();
            depot.put("dateCloture", n.accountsClosing().toString());
            depot.put("typeDepot", "Comptes annuels et rapports");
            record.put("depot", JSON.writeValueAsString(depot));
        }
        if (n.previous() != null) {
            Map<String, Object> previous = new LinkedHashMap<>();
            previous.put("nomPublication", n.previous().publication());
            previous.put("numeroParution", n.previous().issue());
            previous.put("dateParution", n.previous().published().toString());
            previous.put("numeroAnnonce", n.previous().number());
            record.put("parutionavisprecedent", JSON.writeValueAsString(previous));
        }
        return record;
    }

    public static String line(Notice notice) {
        return JSON.writeValueAsString(record(notice));
    }

    /** JSON Lines, one record per line. */
    public static Path writeLines(Path file, Iterable<Notice> notices) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Notice notice : notices) {
                out.write(line(notice));
                out.write('\n');
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON array, as the bulk export writes it. */
    public static Path writeArray(Path file, List<Notice> notices) {
        try {
            Files.writeString(
                    file,
                    JSON.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(notices.stream()
                                    .map(BodaccFileWriter::record)
                                    .toList()),
                    StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
