package eu.vigil.watchlist;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** How the tenant relates to a watched company. */
public enum Relationship {
    CUSTOMER,
    SUPPLIER,
    PROSPECT,
    OTHER;

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    /** Understands the words people type in English, French, Dutch and Italian. */
    public static Optional<Relationship> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (!v.chars().allMatch(c -> c < 128)) {
            v = MARKS.matcher(Normalizer.normalize(v, Normalizer.Form.NFD)).replaceAll("");
        }
        return switch (v) {
            case "customer", "client", "klant", "cliente", "debtor", "debiteur", "c" -> Optional.of(CUSTOMER);
            case "supplier", "fournisseur", "leverancier", "fornitore", "vendor", "creditor", "crediteur", "s" ->
                Optional.of(SUPPLIER);
            case "prospect", "prospekt", "potentieel", "potenziale", "lead", "p" -> Optional.of(PROSPECT);
            case "other", "autre", "ander", "andere", "altro", "o" -> Optional.of(OTHER);
            default -> Optional.empty();
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
