package eu.vigil.receivables.internal;

import eu.vigil.company.NameFolding;
import eu.vigil.receivables.LedgerColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the column headers of ERP exports mean, in English, French, Dutch, Italian and German (SAP FBL5N, Exact Online,
 * Odoo, Sage and hand-made lists): a header names a field when its words are one of the field's phrases (best) or
 * contain one as whole words (the longer the phrase, the better), never by a substring of a word.
 */
final class ColumnWords {

    private static final Map<LedgerColumn, List<List<String>>> PHRASES = new EnumMap<>(LedgerColumn.class);

    static {
        phrases(
                LedgerColumn.DOCUMENT_NUMBER,
                "document number",
                "document no",
                "doc no",
                "documentno",
                "document",
                "invoice number",
                "invoice no",
                "invoice",
                "number",
                "journal entry",
                "reference",
                "belnr",
                "belegnummer",
                "belegnr",
                "beleg",
                "rechnungsnummer",
                "numero de piece",
                "no piece",
                "n piece",
                "piece",
                "numero facture",
                "n facture",
                "facture",
                "documentnummer",
                "factuurnummer",
                "factuur",
                "boekstuknummer",
                "boekstuk",
                "numero documento",
                "n documento",
                "documento",
                "numero fattura",
                "fattura");
        phrases(
                LedgerColumn.CUSTOMER,
                "customer",
                "customer reference",
                "customer code",
                "customer number",
                "customer no",
                "customer account",
                "account",
                "debtor",
                "partner",
                "partner reference",
                "partner ref",
                "kunnr",
                "client",
                "code client",
                "compte tiers",
                "n compte tiers",
                "no compte tiers",
                "numero compte tiers",
                "tiers",
                "klant",
                "klantnummer",
                "klantcode",
                "debiteur",
                "debiteurnummer",
                "relatie code",
                "relatiecode",
                "cliente",
                "codice cliente",
                "kunde",
                "kundennummer",
                "konto",
                "debitor");
        phrases(
                LedgerColumn.COMPANY_NUMBER,
                "company number",
                "company registration number",
                "registration number",
                "enterprise number",
                "vat",
                "vat number",
                "vat no",
                "kbo",
                "btw",
                "btw nummer",
                "btwnummer",
                "ondernemingsnummer",
                "kvk",
                "kvk nummer",
                "numero d entreprise",
                "numero entreprise",
                "siren",
                "siret",
                "tva",
                "n tva",
                "numero tva",
                "partita iva",
                "p iva",
                "codice fiscale",
                "ust id",
                "ustid",
                "ust idnr",
                "handelsregisternummer",
                "partner vat",
                "partner tax id");
        phrases(
                LedgerColumn.TYPE,
                "type",
                "document type",
                "doc type",
                "blart",
                "belegart",
                "art",
                "type de piece",
                "type piece",
                "soort",
                "documentsoort",
                "boekstuksoort",
                "tipo",
                "tipo documento");
        phrases(
                LedgerColumn.DOCUMENT_DATE,
                "date",
                "document date",
                "doc date",
                "invoice date",
                "posting date",
                "bldat",
                "belegdatum",
                "rechnungsdatum",
                "buchungsdatum",
                "date piece",
                "date de piece",
                "date facture",
                "date de facture",
                "datum",
                "factuurdatum",
                "documentdatum",
                "boekdatum",
                "data",
                "data documento",
                "data fattura");
        phrases(
                LedgerColumn.DUE_DATE,
                "due date",
                "net due date",
                "due",
                "due on",
                "maturity",
                "maturity date",
                "date maturity",
                "nettofalligkeit",
                "falligkeit",
                "falligkeitsdatum",
                "echeance",
                "date echeance",
                "date d echeance",
                "vervaldatum",
                "vervaldag",
                "scadenza",
                "data scadenza");
        phrases(
                LedgerColumn.AMOUNT,
                "amount",
                "amount in local currency",
                "amount in local cur",
                "amount in doc curr",
                "amount due",
                "amount residual",
                "open amount",
                "outstanding",
                "balance",
                "residual",
                "betrag",
                "betrag in hw",
                "offener betrag",
                "montant",
                "montant du",
                "solde",
                "reste du",
                "bedrag",
                "openstaand",
                "openstaand bedrag",
                "saldo",
                "importo",
                "importo residuo");
        phrases(LedgerColumn.DEBIT, "debit", "debet", "soll", "dare", "debit amount");
        phrases(LedgerColumn.CREDIT, "credit", "haben", "avere", "credit amount");
        phrases(
                LedgerColumn.CURRENCY,
                "currency",
                "currency code",
                "curr",
                "lcurr",
                "waers",
                "hwahr",
                "wahrung",
                "devise",
                "valuta",
                "munt",
                "divisa");
        phrases(
                LedgerColumn.PAID_DATE,
                "paid date",
                "paid on",
                "payment date",
                "date paid",
                "clearing date",
                "clearing",
                "augdt",
                "ausgleich",
                "ausgleichsdatum",
                "ausgl datum",
                "zahlungsdatum",
                "date de paiement",
                "date paiement",
                "date de reglement",
                "date reglement",
                "betaaldatum",
                "datum betaling",
                "betaald op",
                "data pagamento",
                "data incasso");
    }

    /** An open-items export with both the invoice's amount and what is left of it: what is left is outstanding. */
    private static final java.util.Set<String> OPEN_AMOUNT = java.util.Set.of(
            "amount due",
            "amount residual",
            "open amount",
            "outstanding",
            "residual",
            "balance",
            "offener betrag",
            "montant du",
            "reste du",
            "solde",
            "openstaand",
            "openstaand bedrag",
            "saldo",
            "importo residuo");

    private ColumnWords() {}

    /** A header's words in their order, folded (accents, case, punctuation). */
    static List<String> words(String header) {
        List<String> words = new ArrayList<>();
        for (String word : NameFolding.fold(header == null ? "" : header).split(" +")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static void phrases(LedgerColumn column, String... phrases) {
        List<List<String>> list = new ArrayList<>();
        for (String phrase : phrases) {
            list.add(Arrays.asList(phrase.split(" ")));
        }
        PHRASES.put(column, list);
    }

    /** How well a header names a column: 0 not at all; a whole-header match beats a phrase within it. */
    static int score(String header, LedgerColumn column) {
        List<String> words = words(header);
        if (words.isEmpty()) {
            return 0;
        }
        int best = 0;
        for (List<String> phrase : PHRASES.get(column)) {
            if (words.equals(phrase)) {
                return column == LedgerColumn.AMOUNT && OPEN_AMOUNT.contains(String.join(" ", phrase)) ? 110 : 100;
            }
            if (contains(words, phrase)) {
                best = Math.max(best, 10 * phrase.size());
            }
        }
        return best;
    }

    /** The columns a header row names, each column to at most one field, best matches first. */
    static Map<LedgerColumn, Integer> mapping(List<String> header) {
        record Candidate(LedgerColumn column, int index, int score) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            for (LedgerColumn column : LedgerColumn.values()) {
                int score = score(header.get(i), column);
                if (score > 0) {
                    candidates.add(new Candidate(column, i, score));
                }
            }
        }
        candidates.sort((a, b) -> a.score() != b.score() ? b.score() - a.score() : a.index() - b.index());
        Map<LedgerColumn, Integer> mapping = new EnumMap<>(LedgerColumn.class);
        Map<Integer, LedgerColumn> taken = new HashMap<>();
        for (Candidate c : candidates) {
            if (!mapping.containsKey(c.column()) && !taken.containsKey(c.index())) {
                mapping.put(c.column(), c.index());
                taken.put(c.index(), c.column());
            }
        }
        return mapping;
    }

    /** How many cells of a row read as headers of some field: the header row is the first with the most. */
    static int headerLikeness(List<String> row) {
        int count = 0;
        for (String cell : row) {
            for (LedgerColumn column : LedgerColumn.values()) {
                if (score(cell, column) >= 20 || score(cell, column) == 100) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static boolean contains(List<String> words, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
