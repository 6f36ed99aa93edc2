package eu.vigil.watchlist.internal;

import eu.vigil.company.NameFolding;
import eu.vigil.watchlist.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a column header names, read by its words (case, accents and punctuation folded, camelCase split) against
 * a vocabulary in English, French, Dutch, Italian and German. Words, never substrings: "Managers Conseil Financier"
 * is no owner column and {@code liv_accessibili} no VAT column.
 */
final class HeaderWords {

    /** A header's meaning: a column, or a name column (never the number), and for a number the country it implies. */
    record Meaning(Column column, boolean name, String country, boolean strong) {

        static final Meaning NAME = new Meaning(null, true, null, true);
    }

    private record Phrase(List<String> words, String country) {}

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z][a-z])");

    /** Phrases that name a company number wherever they stand in a header, with the country they imply. */
    private static final List<Phrase> NUMBER_PHRASES = phrases(
            "BE:kbo",
            "BE:bce",
            "BE:kbo nummer",
            "BE:kbonummer",
            "BE:kbo nr",
            "BE:ondernemingsnummer",
            "BE:ondernemingsnr",
            "BE:numero d entreprise",
            "BE:n d entreprise",
            "BE:numero entreprise",
            "BE:enterprise number",
            "BE:enterprise no",
            "BE:numero bce",
            "BE:n bce",
            "BE:kbo bce",
            "NL:kvk",
            "NL:kvknummer",
            "NL:kvknr",
            "NL:rsin",
            "NL:kamer van koophandel",
            "FR:siren",
            "FR:siret",
            "FR:numero siren",
            "FR:numero siret",
            "IT:partita iva",
            "IT:partitaiva",
            "IT:p iva",
            "IT:piva",
            "IT:codice fiscale",
            "IT:codicefiscale",
            "IT:cod fiscale",
            "IT:cf",
            "IT:c f",
            "IT:iva",
            "IT:numero iva",
            "IT:cf piva",
            "GB:crn",
            "GB:companies house",
            "GB:company registration number",
            "GB:company reg no",
            "GB:registered number",
            "GB:company number",
            "GB:companynumber",
            "GB:company no",
            "GB:company registration no",
            "DE:ust idnr",
            "DE:ustidnr",
            "DE:ust id",
            "DE:ustid",
            "DE:ust id nr",
            "DE:umsatzsteuer id",
            "DE:umsatzsteuer identifikationsnummer",
            "DE:umsatzsteueridentifikationsnummer",
            "DE:hrb",
            "DE:hra",
            ":handelsregister",
            ":handelsregisternummer",
            ":handelsregister nummer",
            ":vat",
            ":vat number",
            ":vat no",
            ":vat id",
            ":vatin",
            ":tva",
            ":tva intracommunautaire",
            ":btw",
            ":btwnummer",
            ":btw nummer",
            ":btw nr",
            ":btw id",
            ":company id",
            ":registration number",
            ":registration no",
            ":reg no",
            ":reg nr",
            ":identifiant entreprise",
            ":numero identification",
            ":numero de tva",
            ":n tva",
            ":numero tva",
            ":identificatienummer",
            ":registernummer",
            ":numero registro imprese");

    /** Headers that are only a number, without saying which: a weak hint the content can overrule. */
    private static final Set<String> WEAK_NUMBER = Set.of(
            "number", "nummer", "numero", "no", "nr", "n", "num", "nummero", "identifier", "identifiant", "ident");

    private static final Set<String> NAME_WORDS = Set.of(
            "name",
            "names",
            "naam",
            "nom",
            "noms",
            "nome",
            "denomination",
            "denominazione",
            "ragione",
            "raison",
            "bedrijfsnaam",
            "firmenname",
            "firma",
            "company",
            "companies",
            "societe",
            "entreprise",
            "onderneming",
            "bedrijf",
            "impresa",
            "azienda",
            "ente",
            "organisation",
            "organization",
            "organisatie",
            "enseigne",
            "handelsnaam",
            "unternehmen",
            "business",
            "amministrazione");

    private static final Set<String> OWNER = Set.of(
            "owner",
            "eigenaar",
            "proprietaire",
            "account manager",
            "accountmanager",
            "credit manager",
            "creditmanager",
            "kredietbeheerder",
            "credit controller",
            "gestionnaire",
            "gestionnaire compte",
            "gestionnaire credit",
            "charge compte",
            "charge affaires",
            "responsable compte",
            "verantwoordelijke",
            "beheerder",
            "sales rep",
            "salesperson",
            "vertegenwoordiger",
            "assigned to",
            "toegewezen aan",
            "owner email",
            "betreuer",
            "kundenbetreuer",
            "eigenaar email",
            "suivi par",
            "gestore",
            "accountbeheerder",
            "klantbeheerder");
    /** Headers that may name an owner column or something else (a company's own e-mail, its manager): the content decides. */
    private static final Set<String> MAYBE_OWNER = Set.of(
            "email",
            "e mail",
            "mail",
            "manager",
            "sales",
            "commercial",
            "responsable",
            "responsabile",
            "referente",
            "agente",
            "commerciale",
            "zustandig",
            "verantwortlich",
            "contact");

    private static final Set<String> LIMIT_WORDS = Set.of(
            "limit",
            "limite",
            "limiet",
            "kredietlimiet",
            "kredietlimit",
            "fido",
            "plafond",
            "kreditlimit",
            "kreditrahmen",
            "affidamento",
            "autorise",
            "autorisé");

    private static final Set<String> EXPOSURE_WORDS = Set.of(
            "exposure",
            "outstanding",
            "encours",
            "openstaand",
            "openstaande",
            "esposizione",
            "exposition",
            "blootstelling",
            "solde",
            "saldo",
            "balance",
            "uitstaand",
            "offen",
            "offener",
            "forderung",
            "forderungen",
            "scoperto",
            "creance",
            "creances",
            "vordering",
            "vorderingen",
            "crediti");
    private static final Set<String> EXPOSURE_PHRASES =
            Set.of("montant du", "amount due", "open amount", "open bedrag", "importo dovuto", "offener betrag");
    private static final Set<String> NOT_EXPOSURE =
            Set.of("sheet", "bilan", "total", "totaal", "totale", "summe", "nom");

    private static final Set<String> TYPE = Set.of(
            "relationship",
            "relation",
            "relation type",
            "type relation",
            "relatie",
            "relatietype",
            "type relatie",
            "soort relatie",
            "tipo relazione",
            "relazione",
            "tipo rapporto",
            "beziehung",
            "partner type",
            "type partenaire",
            "relationship type",
            "customer type",
            "type client",
            "tipo cliente",
            "klanttype",
            "beziehungstyp");
    /** Headers that may name the relationship or some other kind of thing: the content decides. */
    private static final Set<String> MAYBE_TYPE =
            Set.of("type", "soort", "tipo", "kind", "art", "rapporto", "categorie", "category", "categoria");

    private static final Set<String> COUNTRY = Set.of(
            "country",
            "country code",
            "pays",
            "code pays",
            "land",
            "landcode",
            "paese",
            "nazione",
            "stato",
            "iso",
            "country iso",
            "iso country",
            "nation",
            "nationality");

    private static final Set<String> TAG_WORDS = Set.of(
            "tags",
            "tag",
            "labels",
            "label",
            "etiquettes",
            "etiquette",
            "etiketten",
            "etiket",
            "etichette",
            "etichetta",
            "schlagworte",
            "kenmerken");

    private static final Set<String> REFERENCE_KEYS = Set.of(
            "reference",
            "ref",
            "referentie",
            "riferimento",
            "referenz",
            "customer",
            "client",
            "klant",
            "klantnummer",
            "klantnr",
            "klantcode",
            "debiteur",
            "debiteurnummer",
            "debiteurnr",
            "debtor",
            "cliente",
            "kunde",
            "kundennummer",
            "kundennr",
            "account",
            "compte",
            "erp",
            "supplier",
            "fournisseur",
            "leverancier",
            "leveranciersnummer",
            "fornitore",
            "lieferant",
            "lieferantennummer",
            "external",
            "externe",
            "relatienummer",
            "id",
            "code",
            "codice");
    private static final Set<String> REFERENCE_EXTRA = Set.of(
            "id",
            "code",
            "no",
            "nr",
            "n",
            "number",
            "numero",
            "nummer",
            "num",
            "de",
            "du",
            "d",
            "the",
            "of",
            "van",
            "di",
            "del",
            "interne",
            "internal",
            "intern",
            "our",
            "notre",
            "onze",
            "nostro",
            "erp",
            "ref",
            "reference",
            "account",
            "codice",
            "sap",
            "crm");

    private static final Set<String> FILLER = Set.of(
            "de", "du", "des", "d", "la", "le", "l", "les", "the", "of", "van", "het", "di", "del", "della", "dello",
            "der", "die", "das", "a", "en", "et", "and", "e", "in");

    private HeaderWords() {}

    /** The header's words: {@code "N° de TVA"} is {@code [n, de, tva]}, {@code "KvK-nummer"} {@code [kvk, nummer]}. */
    static List<String> words(String header) {
        if (header == null) {
            return List.of();
        }
        String split = CAMEL.matcher(header).replaceAll(" ").replace('º', ' ').replace('ª', ' ');
        String folded = NameFolding.fold(split);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    /** Null when the header says nothing Vigil reads. */
    static Meaning meaning(String header) {
        List<String> words = words(header);
        if (words.isEmpty()) {
            return null;
        }
        List<String> meaningful =
                words.stream().filter(w -> !FILLER.contains(w)).toList();
        String all = String.join(" ", meaningful);
        for (Phrase phrase : NUMBER_PHRASES) {
            if (contains(words, phrase.words()) || contains(meaningful, phrase.words())) {
                return new Meaning(Column.NUMBER, false, phrase.country(), true);
            }
        }
        if (words.stream().anyMatch(w -> NAME_WORDS.contains(w) || w.endsWith("naam") || w.endsWith("name"))) {
            return Meaning.NAME;
        }
        if (OWNER.contains(all)) {
            return new Meaning(Column.OWNER, false, null, true);
        }
        if (MAYBE_OWNER.contains(all)) {
            return new Meaning(Column.OWNER, false, null, false);
        }
        if (words.stream().anyMatch(LIMIT_WORDS::contains)
                || all.contains("encours autorise")
                || all.contains("encours max")) {
            return new Meaning(Column.CREDIT_LIMIT, false, null, true);
        }
        if ((words.stream().anyMatch(EXPOSURE_WORDS::contains) || EXPOSURE_PHRASES.contains(String.join(" ", words)))
                && words.stream().noneMatch(NOT_EXPOSURE::contains)) {
            return new Meaning(Column.EXPOSURE, false, null, true);
        }
        if (TYPE.contains(all)) {
            return new Meaning(Column.TYPE, false, null, true);
        }
        if (COUNTRY.contains(all)) {
            return new Meaning(Column.COUNTRY, false, null, true);
        }
        if (MAYBE_TYPE.contains(all)) {
            return new Meaning(Column.TYPE, false, null, false);
        }
        if (meaningful.size() <= 2 && meaningful.stream().anyMatch(TAG_WORDS::contains)) {
            return new Meaning(Column.TAGS, false, null, true);
        }
        if (meaningful.stream().allMatch(w -> REFERENCE_KEYS.contains(w) || REFERENCE_EXTRA.contains(w))
                && meaningful.stream().anyMatch(REFERENCE_KEYS::contains)) {
            boolean strong =
                    meaningful.stream().anyMatch(w -> !w.equals("id") && !w.equals("code") && !w.equals("codice"));
            return new Meaning(Column.REFERENCE, false, null, strong);
        }
        if (meaningful.size() == 1 && WEAK_NUMBER.contains(meaningful.getFirst())) {
            return new Meaning(Column.NUMBER, false, null, false);
        }
        return null;
    }

    private static boolean contains(List<String> words, List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            for (int k = 0; k < phrase.size(); k++) {
                if (!words.get(i + k).equals(phrase.get(k))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static List<Phrase> phrases(String... specs) {
        List<Phrase> phrases = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            String country = colon == 0 ? null : spec.substring(0, colon);
            phrases.add(new Phrase(List.of(spec.substring(colon + 1).split(" ")), country));
        }
        return phrases;
    }
}
