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
 * prononçant la", ...) is dropped, and what is left is matched on prefixes. When the nature is one of
 * BODACC's catch-alls ("Autre jugement et ordonnance", "Autre jugement prononçant") the decision is read the
 * same way from {@code complementJugement} ("Ouvre les opérations de la liquidation judiciaire"). Dates
 * come ISO or, in old notices, as French text ("10 décembre 2009").
 */
final class Judgments {

    static final String SAUVEGARDE = "sauvegarde";
    static final String REDRESSEMENT = "redressement";
    static final String LIQUIDATION = "liquidation";
    static final String PLAN = "plan";
    static final String CLOSED_INSUFFICIENT = "cloture-insuffisance";
    static final String CLOSED_PAID = "cloture-extinction";
    static final String OTHER = "other";
    /** The proceeding ends without a closure for lack of assets: back to normal ("mettant fin à la procédure"). */
    static final String ENDED = "fin-procedure";
    /** A closure that does not say why: insufficient assets after a liquidation, the end of it otherwise. */
    static final String CLOSED = "cloture";
    /** The court orders the business sold (plan de cession). */
    static final String CESSION = "cession";
    /** A notice that only exists while a proceeding runs (claims lists, distributions, appointments, plan changes). */
    static final String DURING = "pendant-procedure";
    /** A sanction on a person: interdiction de gérer, faillite personnelle. */
    static final String SANCTION = "sanction";

    private static final Set<String> LEAD_IN = Set.of(
            "jugement",
            "arret",
            "ordonnance",
            "d'ouverture",
            "l'ouverture",
            "ouverture",
            "prononcant",
            "arretant",
            "d'extension",
            "extension",
            "de",
            "d'une",
            "d'un",
            "une",
            "un",
            "la",
            "le",
            "les",
            "du",
            "des",
            "l'",
            "d'",
            "procedure",
            "en",
            "et",
            ":",
            "-",
            "autre",
            "ouvre",
            "ouvrant",
            "operations",
            "prononce",
            "ordonne",
            "arrete",
            "reprise",
            "sur",
            "avec",
            "judiciaire");

    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("plan de sauvegarde", PLAN),
            Map.entry("plan de continuation", PLAN),
            Map.entry("plan de redressement", PLAN),
            Map.entry("plan de traitement de sortie de crise", PLAN),
            Map.entry("plan de cession", CESSION),
            Map.entry("sauvegarde", SAUVEGARDE),
            Map.entry("redressement", REDRESSEMENT),
            Map.entry("traitement de sortie de crise", REDRESSEMENT),
            Map.entry("liquidation", LIQUIDATION),
            Map.entry("interdiction de gerer", SANCTION),
            Map.entry("faillite personnelle", SANCTION),
            Map.entry("depot", DURING),
            Map.entry("avis de depot", DURING),
            Map.entry("liste des creances", DURING),
            Map.entry("etat des creances", DURING),
            Map.entry("l'etat des creances", DURING),
            Map.entry("projet de repartition", DURING),
            Map.entry("etat de collocation", DURING),
            Map.entry("designation", DURING),
            Map.entry("modifiant", DURING),
            Map.entry("accordant", DURING),
            Map.entry("prorogeant", DURING),
            Map.entry("remplacement", DURING));

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("janvier", 1),
            Map.entry("fevrier", 2),
            Map.entry("mars", 3),
            Map.entry("avril", 4),
            Map.entry("mai", 5),
            Map.entry("juin", 6),
            Map.entry("juillet", 7),
            Map.entry("aout", 8),
            Map.entry("septembre", 9),
            Map.entry("octobre", 10),
            Map.entry("novembre", 11),
            Map.entry("decembre", 12));
    private static final Pattern FRENCH_DATE = Pattern.compile("^(\\d{1,2})(?:er)?\\s+([a-z]+)\\s+(\\d{4})$");
    private static final Pattern SLASHED_DATE = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$");

    private Judgments() {}

    /** The kind of judgment a nature (or, lacking one, a famille) describes; {@link #OTHER} when none is known. */
    static String kind(String nature) {
        String text = withoutLeadIn(normalise(nature));
        if (text.startsWith("mettant fin") || text.startsWith("met fin")) {
            // "mettant fin à la procédure de traitement de sortie de crise et ouvrant une procédure de redressement
            // judiciaire"
            int opening = text.indexOf(" ouvr");
            return opening < 0 ? ENDED : kind(text.substring(opening + 1));
        }
        if (text.startsWith("conversion") || text.startsWith("resolution du plan")) {
            // "conversion en liquidation judiciaire", "résolution du plan et liquidation judiciaire": what it turns
            // into
            return text.contains("liquidation judiciaire")
                    ? LIQUIDATION
                    : text.contains("redressement judiciaire") ? REDRESSEMENT : OTHER;
        }
        if (text.startsWith("cloture")) {
            return text.contains("insuffisance d'actif")
                    ? CLOSED_INSUFFICIENT
                    : text.contains("extinction du passif") ? CLOSED_PAID : CLOSED;
        }
        for (var prefix : PREFIXES) {
            if (text.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return OTHER;
    }

    /**
     * The kind of a judgment read from its nature and, where the nature does not decide (a catch-all such as
     * "Autre jugement et ordonnance", or a notice of the proceeding's course), from its complement.
     */
    static String kind(String nature, String complement) {
        String byNature = kind(nature);
        if (!byNature.equals(OTHER) && !byNature.equals(DURING) || complement == null) {
            return byNature;
        }
        // the complement is prose: its first sentence holds the decision
        String first = normalise(complement).split("[.;]", 2)[0];
        String byComplement = kind(first);
        if (byNature.equals(DURING)) {
            return byComplement.equals(SANCTION) || byComplement.equals(DURING) ? byComplement : DURING;
        }
        if (byComplement.equals(OTHER)) {
            // "Prononce à l'encontre de M. Jean Martin la faillite personnelle": a sanction named further on
            String whole = normalise(complement);
            return whole.contains("faillite personnelle") || whole.contains("interdiction de gerer") ? SANCTION : OTHER;
        }
        return byComplement;
    }

    /**
     * The proceeding a notice of its course names ("liste des créances ... d'une procédure de liquidation
     * judiciaire"): the company is in it when nothing else said so; null when it names none.
     */
    static String implied(String nature, String complement) {
        String text = normalise(nature) + " " + normalise(complement);
        return text.contains("liquidation judiciaire")
                ? LIQUIDATION
                : text.contains("redressement judiciaire")
                        ? REDRESSEMENT
                        : text.contains("sauvegarde") ? SAUVEGARDE : null;
    }

    /** Lower case, no accents, one kind of apostrophe, single spaces. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace('`', '\'')
                .replace('\u00a0', ' ')
                .replaceAll("\\s+", " ")
                .trim();
    }

    private static String withoutLeadIn(String text) {
        String rest = text;
        while (!rest.isEmpty()) {
            int space = rest.indexOf(' ');
            String word = space < 0 ? rest : rest.substring(0, space);
            if (!LEAD_IN.contains(word)) {
                if ((word.startsWith("d'") || word.startsWith("l'")) && word.length() > 2) {
                    // "d'interdiction de gérer": the word without its elided article
                    rest = rest.substring(2);
                    continue;
                }
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
                return LocalDate.of(
                        Integer.parseInt(slashed.group(3)),
                        Integer.parseInt(slashed.group(2)),
                        Integer.parseInt(slashed.group(1)));
            }
            Matcher french = FRENCH_DATE.matcher(plain);
            if (french.matches() && MONTHS.containsKey(french.group(2))) {
                return LocalDate.of(
                        Integer.parseInt(french.group(3)),
                        MONTHS.get(french.group(2)),
                        Integer.parseInt(french.group(1)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
