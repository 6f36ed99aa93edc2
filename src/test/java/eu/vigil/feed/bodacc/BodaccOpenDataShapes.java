package eu.vigil.feed.bodacc;

import eu.vigil.feed.internal.RecordReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BODACC annonces-commerciales records in the shapes the DILA open data publishes them: the flat record of
 * the Explore v2.1 API and of the exports (JSON-in-a-string fields such as {@code jugement}), wrapped as a v2.1
 * answer ({@code total_count, results}), a v1 search answer ({@code nhits, parameters, records[].fields}), or
 * written as the semicolon CSV export.
 */
public final class BodaccOpenDataShapes {

    /** The CSV export's columns, in its order. */
    static final List<String> CSV_COLUMNS = List.of(
            "id",
            "publicationavis",
            "publicationavis_facette",
            "parution",
            "dateparution",
            "numeroannonce",
            "typeavis",
            "typeavis_lib",
            "familleavis",
            "familleavis_lib",
            "numerodepartement",
            "departement_nom_officiel",
            "region_code",
            "region_nom_officiel",
            "tribunal",
            "commercant",
            "ville",
            "registre",
            "cp",
            "pdf_parution_subfolder",
            "listepersonnes",
            "listeetablissements",
            "jugement",
            "acte",
            "modificationsgenerales",
            "radiationaurcs",
            "depot",
            "listeprecedentexploitant",
            "listeprecedentproprietaire",
            "divers",
            "parutionavisprecedent",
            "ispdf_unitaire",
            "url_complete");

    private static final AtomicInteger NEXT = new AtomicInteger(90_000 + (int) (System.nanoTime() % 5_000));

    private BodaccOpenDataShapes() {}

    /** A collective-procedure notice about {@code siren}, published on {@code published}. */
    public static Map<String, Object> judgment(
            String siren, String published, String famille, String nature, String date, String complement) {
        Map<String, Object> record = base(siren, published, "collective", "Procédures collectives");
        Map<String, Object> judgment = new LinkedHashMap<>();
        judgment.put("type", "initial");
        judgment.put("famille", famille);
        judgment.put("nature", nature);
        judgment.put("date", date);
        if (complement != null) {
            judgment.put("complementJugement", complement);
        }
        record.put("jugement", RecordReader.JSON.writeValueAsString(judgment));
        return record;
    }

    static Map<String, Object> base(String siren, String published, String famille, String familleLabel) {
        int number = NEXT.incrementAndGet();
        LocalDate day = LocalDate.parse(published);
        int issue = day.getDayOfYear() / 2 + 1;
        String parution = day.getYear() + "%04d".formatted(issue);
        String id = "A" + day.getYear() + "%03d".formatted(issue) + number;
        String spaced = siren.substring(0, 3) + " " + siren.substring(3, 6) + " " + siren.substring(6);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("publicationavis", "A");
        record.put("publicationavis_facette", "Bodacc A");
        record.put("parution", parution);
        record.put("dateparution", published);
        record.put("numeroannonce", number);
        record.put("typeavis", "annonce");
        record.put("typeavis_lib", "Avis initial");
        record.put("familleavis", famille);
        record.put("familleavis_lib", familleLabel);
        record.put("numerodepartement", "69");
        record.put("departement_nom_officiel", "Rhône");
        record.put("region_code", 84);
        record.put("region_nom_officiel", "Auvergne-Rhône-Alpes");
        record.put("tribunal", "GREFFE DU TRIBUNAL DE COMMERCE DE LYON");
        record.put("commercant", "PROEF TRANSPORTS");
        record.put("ville", "Lyon");
        record.put("registre", List.of(spaced, siren));
        record.put("cp", "69003");
        record.put("pdf_parution_subfolder", null);
        record.put(
                "listepersonnes",
                "{\"personne\": {\"typePersonne\": \"pm\", \"denomination\": \"PROEF TRANSPORTS\", "
                        + "\"formeJuridique\": \"Société par actions simplifiée\", \"numeroImmatriculation\": {\"numeroIdentification\": \""
                        + spaced + "\", \"codeRCS\": \"RCS\", \"nomGreffeImmat\": \"Lyon\"}}}");
        record.put("listeetablissements", null);
        record.put("jugement", null);
        record.put("acte", null);
        record.put("modificationsgenerales", null);
        record.put("radiationaurcs", null);
        record.put("depot", null);
        record.put("listeprecedentexploitant", null);
        record.put("listeprecedentproprietaire", null);
        record.put("divers", null);
        record.put("parutionavisprecedent", null);
        record.put("ispdf_unitaire", "non");
        record.put("url_complete", "https://www.bodacc.fr/pages/annonces-commerciales-detail/?q.id=id:" + id);
        return record;
    }

    /** An Explore v2.1 answer ({@code /api/explore/v2.1/catalog/datasets/annonces-commerciales/records}), pretty-printed. */
    static String v21(List<Map<String, Object>> records) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total_count", records.size());
        answer.put("results", records);
        return RecordReader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
    }

    /** A v1 search answer ({@code /api/records/1.0/search/?dataset=annonces-commerciales}), on one line as the API sends it. */
    static String v1(List<Map<String, Object>> records) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("dataset", "annonces-commerciales");
        parameters.put("rows", 10);
        parameters.put("start", 0);
        parameters.put("sort", List.of("dateparution"));
        parameters.put("format", "json");
        parameters.put("timezone", "UTC");
        List<Map<String, Object>> wrapped = new ArrayList<>();
        for (Map<String, Object> record : records) {
            Map<String, Object> fields = new LinkedHashMap<>();
            record.forEach((key, value) -> {
                if (value != null) {
                    // v1 leaves out empty fields and gives registre as one text
                    fields.put(
                            key,
                            key.equals("registre")
                                    ? String.join(
                                            ",",
                                            ((List<?>) value)
                                                    .stream()
                                                            .map(String::valueOf)
                                                            .toList())
                                    : value);
                }
            });
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("datasetid", "annonces-commerciales");
            one.put("recordid", Integer.toHexString(record.get("id").hashCode()) + "a1b2c3d4e5f6");
            one.put("fields", fields);
            one.put("record_timestamp", record.get("dateparution") + "T05:12:44.123Z");
            wrapped.add(one);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("nhits", records.size());
        answer.put("parameters", parameters);
        answer.put("records", wrapped);
        return RecordReader.JSON.writeValueAsString(answer);
    }

    /** The CSV export: semicolons, a header, cells quoted where they hold a semicolon, quote or newline. */
    static String csv(List<Map<String, Object>> records) {
        StringBuilder out = new StringBuilder("\uFEFF")
                .append(String.join(";", CSV_COLUMNS))
                .append("\r\n");
        for (Map<String, Object> record : records) {
            List<String> cells = new ArrayList<>();
            for (String column : CSV_COLUMNS) {
                Object value = record.get(column);
                String text = value == null
                        ? ""
                        : value instanceof List<?> list
                                ? String.join(
                                        ",", list.stream().map(String::valueOf).toList())
                                : String.valueOf(value);
                cells.add(
                        text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains(",")
                                ? "\"" + text.replace("\"", "\"\"") + "\""
                                : text);
            }
            out.append(String.join(";", cells)).append("\r\n");
        }
        return out.toString();
    }

    static String array(List<Map<String, Object>> records) {
        return RecordReader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(records);
    }
}
