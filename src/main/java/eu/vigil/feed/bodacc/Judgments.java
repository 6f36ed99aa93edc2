package eu.vigil.feed.bodacc;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a BODACC judgment means (src/docs/feeds.md §3): {@code jugement.nature} is free text, so it is normalised
 * (case, accents, apostrophes, spaces), its lead-in ("Jugement d'ouverture d'une procédure de", "Jugement
 * prononçant la", ...) is dropped, and what is left is matched on the spec's prefixes. Dates come ISO or,
 * in old notices, as French text ("10 décembre 2009").
 */
final class Judgments {

    static final String SAUVEGARDE = "sauvegarde";
    static final String REDRESSEMENT = "redressement";
    static final String LIQUIDATION = "liquidation";
    static final String PLAN = "plan";
    static final String CLOSED_INSUFFICIENT = "cloture-insuffisance";
    static final String CLOSED_PAID = "cloture-extinction";
    static final String OTHER = "other";

    private static final Set<String> LEAD_IN = Set.of("jugement", "arret", "ordonnance", "d'ouverture", "l'ouverture",
            "ouverture", "prononcant", "arretant", "d'extension", "extension", "de", "d'une", "d'un", "une", "un", "la", "le",
            "les", "du", "des", "l'", "d'", "procedure", "en", "et", ":", "-");

    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("sauvegarde", SAUVEGARDE),
            Map.entry("redressement judiciaire", REDRESSEMENT),
            Map.entry("liquidation judiciaire", LIQUIDATION),
            Map.entry("plan de sauvegarde", PLAN),
            Map.entry("plan de continuation", PLAN),
            Map.entry("plan de redressement", PLAN));

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("janvier", 1), Map.entry("fevrier", 2),
            Map.entry("mars", 3), Map.entry("avril", 4), Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juillet", 7),
            Map.entry("aout", 8), Map.entry("septembre", 9), Map.entry("octobre", 10), Map.entry("novembre", 11),
            Map.entry("decembre", 12));
    private static final Pattern FRENCH_DATE = Pattern.compile("^(\\d{1,2})(?:er)?\\s+([a-z]+)\\s+(\\d{4})$");
    private static final Pattern SLASHED_DATE = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$");

    private Judgments() {
    }

    /** The kind of judgment a nature (or, lacking one, a famille) describes; {@link #OTHER} when none of the spec's. */
    static String kind(String nature) {
        String text = withoutLeadIn(normalise(nature));
        for (var prefix : PREFIXES) {
            if (text.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        if (text.startsWith("conversion") || text.startsWith("resolution du plan")) {
            // "conversion en liquidation judiciaire", "résolution du plan et liquidation judiciaire": what it turns into
            return text.contains("liquidation judiciaire") ? LIQUIDATION : text.contains("redressement judiciaire") ? REDRESSEMENT : OTHER;
        }
        if (text.startsWith("cloture")) {
            return text.contains("insuffisance d'actif") ? CLOSED_INSUFFICIENT : text.contains("extinction du passif") ? CLOSED_PAID : OTHER;
        }
        return OTHER;
    }

    /** Lower case, no accents, one kind of apostrophe, single spaces. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('`', '\'').replace('\u00a0', ' ')
                .replaceAll("\\s+", " ").trim();
    }

    private static String withoutLeadIn(String text) {
        String rest = text;
        while (!rest.isEmpty()) {
            int space = rest.indexOf(' ');
            if (!LEAD_IN.contains(space < 0 ? rest : rest.substring(0, space))) {
                return rest;
            }
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        return rest;
    }

    /** A date as BODACC writes it: ISO (possibly with a time), dd/mm/yyyy, or French text; null when it is none of those. */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = normalise(text);
        try {
            if (plain.length() >= 10 && plain.charAt(4) == '-' && plain.charAt(7) == '-') {
                return LocalDate.parse(plain.substring(0, 10));
            }
            Matcher slashed = SLASHED_DATE.matcher(plain);
            if (slashed.matches()) {
                return LocalDate.of(Integer.parseInt(slashed.group(3)), Integer.parseInt(slashed.group(2)),
                        Integer.parseInt(slashed.group(1)));
            }
            Matcher french = FRENCH_DATE.matcher(plain);
            if (french.matches() && MONTHS.containsKey(french.group(2))) {
                return LocalDate.of(Integer.parseInt(french.group(3)), MONTHS.get(french.group(2)), Integer.parseInt(french.group(1)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
