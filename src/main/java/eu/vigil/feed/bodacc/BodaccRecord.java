package eu.vigil.feed.bodacc;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.ParseResult;
import eu.vigil.feed.bodacc.BodaccDocuments.Notice;
import eu.vigil.feed.internal.RecordReader;
import eu.vigil.feed.internal.RecordValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One BODACC annonces-commerciales record (src/docs/feeds.md §3), checked: its notice, the companies it is about
 * (the SIRENs of {@code registre}) and their name and town. The fields BODACC encodes as JSON inside a
 * string are parsed; one that is broken makes the record unusable, with the field named.
 */
record BodaccRecord(
        Notice notice, List<String> sirens, String name, String city, String postcode, List<Person> persons) {

    /** A natural person a notice names ({@code listepersonnes}, typePersonne pp): whom a sanction is about. */
    record Person(String surname, String forenames) {

        String display() {
            return (forenames == null ? "" : forenames + " ") + surname;
        }
    }

    /** The fields that hold JSON in a string in the DILA export. */
    private static final List<String> INNER_JSON = List.of(
            "jugement",
            "depot",
            "acte",
            "radiationaurcs",
            "modificationsgenerales",
            "listepersonnes",
            "listeetablissements",
            "parutionavisprecedent",
            "listeprecedentexploitant",
            "listeprecedentproprietaire",
            "divers");

    private static final Pattern SIREN = Pattern.compile("(?<!\\d)(\\d{3}) ?(\\d{3}) ?(\\d{3})(?!\\d)");
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("procedures collectives", "collective"),
            Map.entry("procedures de conciliation", "conciliation"),
            Map.entry("procedures de retablissement professionnel", "retablissement_professionnel"),
            Map.entry("ventes et cessions", "vente"),
            Map.entry("depots des comptes", "dpc"),
            Map.entry("radiations", "radiation"),
            Map.entry("immatriculations", "immatriculation"),
            Map.entry("creations", "creation"),
            Map.entry("modifications diverses", "modification"),
            Map.entry("annonces diverses", "divers"));

    /** Reads a record (a v1 API record's {@code fields} too); throws {@link IllegalArgumentException} saying what is wrong. */
    static BodaccRecord parse(ObjectNode raw) {
        JsonNode fields = raw.get("fields");
        ObjectNode record = fields instanceof ObjectNode inner ? inner : raw;
        String id = RecordValues.text(record, "id");
        if (id == null) {
            throw new IllegalArgumentException("id is missing: every BODACC notice has one (e.g. A202002333642)");
        }
        LocalDate published = Judgments.date(RecordValues.text(record, "dateparution"));
        if (published == null) {
            throw new IllegalArgumentException(
                    "dateparution is missing or not a date: '" + RecordValues.text(record, "dateparution") + "'");
        }
        java.util.Map<String, JsonNode> inner = new java.util.HashMap<>();
        for (String field : INNER_JSON) {
            JsonNode value = record.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isString()) {
                String text = value.asString().trim();
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    inner.put(field, RecordReader.JSON.readTree(text));
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(field + " is not valid JSON: " + e.getOriginalMessage());
                }
            } else {
                inner.put(field, value);
            }
        }
        List<String> sirens = sirens(record.get("registre"));
        String type = type(record);
        String family = family(record);
        JsonNode judgment = inner.get("jugement");
        String nature = judgment == null
                ? null
                : first(RecordValues.text(judgment, "nature"), RecordValues.text(judgment, "famille"));
        String complement = judgment == null ? null : RecordValues.text(judgment, "complementJugement");
        String kind = switch (family) {
            case "collective" -> Judgments.kind(nature, complement);
            case "conciliation", "vente", "radiation", "dpc" -> family;
            default -> Judgments.OTHER;
        };
        LocalDate date = published;
        if (judgment != null && RecordValues.text(judgment, "date") != null) {
            LocalDate judged = Judgments.date(RecordValues.text(judgment, "date"));
            if (judged != null) {
                date = judged;
            }
        }
        String target = target(inner.get("parutionavisprecedent"));
        if (BodaccDocuments.ANNULATION.equals(type) && target == null) {
            throw new IllegalArgumentException("an annulation must name the notice it cancels (parutionavisprecedent "
                    + "with nomPublication, numeroParution and numeroAnnonce)");
        }
        String closing = null;
        if (inner.get("depot") != null) {
            LocalDate closed = Judgments.date(RecordValues.text(inner.get("depot"), "dateCloture"));
            closing = closed == null ? null : closed.toString();
        }
        if ("dpc".equals(family) && closing == null) {
            closing = published.toString();
        }
        String implied = Judgments.DURING.equals(kind) ? Judgments.implied(nature, complement) : null;
        Notice notice = new Notice(
                id, published.toString(), date.toString(), type, family, kind, nature, target, closing, implied);
        return new BodaccRecord(
                notice,
                sirens,
                RecordValues.text(record, "commercant"),
                RecordValues.text(record, "ville"),
                RecordValues.text(record, "cp"),
                persons(inner.get("listepersonnes")));
    }

    /** The natural persons of {@code listepersonnes} ({@code personne}: one object or a list). */
    private static List<Person> persons(JsonNode list) {
        List<Person> persons = new ArrayList<>();
        JsonNode people = list == null ? null : list.get("personne");
        if (people == null) {
            return persons;
        }
        for (JsonNode person : people.isArray() ? people.values() : List.of(people)) {
            if (person.isObject() && "pp".equalsIgnoreCase(RecordValues.text(person, "typePersonne"))) {
                String surname = first(RecordValues.text(person, "nom"), RecordValues.text(person, "nomUsage"));
                if (surname != null) {
                    persons.add(new Person(surname, RecordValues.text(person, "prenom")));
                }
            }
        }
        return persons;
    }

    /** The SIRENs of {@code registre}: a list or a comma-separated text, each written with or without spaces. */
    private static List<String> sirens(JsonNode registre) {
        List<String> texts = new ArrayList<>();
        if (registre != null && registre.isArray()) {
            registre.values().forEach(v -> texts.add(v.asString("")));
        } else if (registre != null && !registre.isNull()) {
            texts.add(registre.asString(""));
        }
        Set<String> valid = new LinkedHashSet<>();
        List<String> refused = new ArrayList<>();
        for (String text : texts) {
            Matcher m = SIREN.matcher(text);
            while (m.find()) {
                String siren = m.group(1) + m.group(2) + m.group(3);
                switch (CompanyNumbers.parse(siren, "FR")) {
                    case ParseResult.Valid v -> valid.add(v.id().number());
                    case ParseResult.Invalid invalid -> refused.add(invalid.detail());
                }
            }
        }
        if (valid.isEmpty()) {
            throw new IllegalArgumentException(
                    refused.isEmpty()
                            ? "no SIREN in registre ("
                                    + (registre == null || registre.isNull() ? "absent" : registre.toString())
                                    + "): the notice names no company"
                            : "no valid SIREN in registre: " + String.join("; ", refused));
        }
        return List.copyOf(valid);
    }

    private static String type(ObjectNode record) {
        String text = Judgments.normalise(
                first(RecordValues.text(record, "typeavis"), RecordValues.text(record, "typeavis_lib")));
        if (text.contains("rectif")) {
            return BodaccDocuments.RECTIFICATIF;
        }
        if (text.contains("annul")) {
            return BodaccDocuments.ANNULATION;
        }
        return BodaccDocuments.ANNONCE;
    }

    private static String family(ObjectNode record) {
        String family = Judgments.normalise(RecordValues.text(record, "familleavis"));
        if (!family.isEmpty()) {
            return family.replace(' ', '_');
        }
        String label = Judgments.normalise(RecordValues.text(record, "familleavis_lib"));
        return FAMILIES.getOrDefault(label, label.isEmpty() ? "divers" : label);
    }

    /** The id of the notice {@code parutionavisprecedent} names: the publication's letter, the issue and the notice number. */
    private static String target(JsonNode previous) {
        if (previous == null || !previous.isObject()) {
            return null;
        }
        String publication = RecordValues.text(previous, "nomPublication");
        String issue = RecordValues.text(previous, "numeroParution");
        String number = RecordValues.text(previous, "numeroAnnonce");
        if (publication == null || issue == null || number == null) {
            return null;
        }
        String[] words = publication.trim().split("\\s+");
        return words[words.length - 1].toUpperCase(java.util.Locale.ROOT) + issue + number;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
