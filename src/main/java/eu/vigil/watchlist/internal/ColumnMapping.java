package eu.vigil.watchlist.internal;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.ParseResult;
import eu.vigil.watchlist.Column;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Which column holds what, and whether the first row is a header; guessed from the file, then adjustable. */
public record ColumnMapping(Map<Column, Integer> columns, boolean header) {

    public ColumnMapping {
        columns = columns.isEmpty() ? Map.of() : new EnumMap<>(columns);
    }

    public Integer column(Column column) {
        return columns.get(column);
    }

    /** As stored: {@code header=true;NUMBER=0;REFERENCE=2}. */
    public String encode() {
        StringBuilder text = new StringBuilder("header=").append(header);
        columns.forEach((column, index) -> text.append(';').append(column.name()).append('=').append(index));
        return text.toString();
    }

    public static ColumnMapping decode(String text) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        boolean header = false;
        for (String part : text.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("header")) {
                header = Boolean.parseBoolean(kv[1]);
            } else {
                columns.put(Column.valueOf(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return new ColumnMapping(columns, header);
    }

    /** The best guess from the first rows: header names in four languages, else the column whose values are company numbers. */
    public static ColumnMapping detect(List<RawRow> firstRows) {
        List<RawRow> rows = firstRows.stream().filter(r -> !r.blank()).toList();
        if (rows.isEmpty()) {
            return new ColumnMapping(Map.of(), false);
        }
        RawRow first = rows.getFirst();
        Map<Column, Integer> byName = new EnumMap<>(Column.class);
        for (int i = 0; i < first.cells().size(); i++) {
            Column column = byHeaderName(first.cells().get(i));
            if (column != null && !byName.containsKey(column)) {
                byName.put(column, i);
            }
        }
        boolean firstRowHasNumber = first.cells().stream().anyMatch(ColumnMapping::isCompanyNumber);
        boolean header = !byName.isEmpty() && !firstRowHasNumber || (!firstRowHasNumber && rows.size() > 1
                && rows.get(1).cells().stream().anyMatch(ColumnMapping::isCompanyNumber));
        Map<Column, Integer> columns = header ? byName : new EnumMap<>(Column.class);
        if (!columns.containsKey(Column.NUMBER)) {
            Integer guessed = mostlyNumbers(header ? rows.subList(1, rows.size()) : rows);
            if (guessed != null) {
                columns.values().remove(guessed);
                columns.put(Column.NUMBER, guessed);
            }
        }
        return new ColumnMapping(columns, header);
    }

    private static Integer mostlyNumbers(List<RawRow> rows) {
        int width = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        int best = -1;
        int bestCount = 0;
        for (int c = 0; c < width; c++) {
            int count = 0;
            for (RawRow row : rows) {
                if (isCompanyNumber(row.cell(c))) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best < 0 ? (width > 0 ? 0 : null) : best;
    }

    private static boolean isCompanyNumber(String value) {
        return !value.isBlank() && CompanyNumbers.parse(value, null) instanceof ParseResult.Valid;
    }

    static Column byHeaderName(String raw) {
        String h = Normalizer.normalize(raw.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z]", "");
        if (h.isEmpty() || h.contains("name") || h.contains("naam") || h.startsWith("nom") || h.contains("denomin")
                || h.contains("ragione") || h.contains("raison")) {
            return null;
        }
        if (h.contains("owner") || h.contains("manager") || h.contains("gestionnaire") || h.contains("responsab")
                || h.contains("verantwoordelijke") || h.contains("eigenaar") || h.contains("proprietaire")
                || h.contains("beheerder") || h.contains("email") || h.contains("referent")) {
            return Column.OWNER;
        }
        if (h.startsWith("tag") || h.startsWith("label") || h.startsWith("etiquet") || h.startsWith("etiket") || h.startsWith("etichett")) {
            return Column.TAGS;
        }
        if (h.contains("limit") || h.contains("limiet") || h.contains("fido") || h.contains("plafond") || h.contains("limite")) {
            return Column.CREDIT_LIMIT;
        }
        if (h.contains("exposure") || h.contains("outstanding") || h.contains("balance") || h.contains("encours")
                || h.contains("saldo") || h.contains("openstaand") || h.contains("esposizione") || h.contains("exposition")
                || h.contains("blootstelling") || h.contains("solde")) {
            return Column.EXPOSURE;
        }
        if (h.equals("type") || h.contains("relationship") || h.contains("relation") || h.contains("relatie")
                || h.equals("soort") || h.equals("tipo") || h.contains("relazione") || h.equals("categorie") || h.equals("kind")) {
            return Column.TYPE;
        }
        if (h.contains("vat") || h.contains("btw") || h.contains("tva") || h.contains("iva") || h.contains("kbo")
                || h.contains("bce") || h.contains("siren") || h.contains("siret") || h.contains("onderneming")
                || h.contains("entreprise") || h.contains("impresa") || h.contains("enterprise") || h.contains("company")
                || h.contains("registration") || h.contains("kvk") || h.equals("number") || h.equals("nummer")
                || h.equals("numero") || h.equals("no") || h.equals("nr")) {
            return Column.NUMBER;
        }
        if (h.startsWith("ref") || h.contains("customer") || h.contains("client") || h.contains("klant") || h.contains("debt")
                || h.contains("debit") || h.contains("erp") || h.contains("supplier") || h.contains("fournisseur")
                || h.contains("leverancier") || h.contains("fornitore") || h.equals("id") || h.equals("code") || h.contains("riferimento")) {
            return Column.REFERENCE;
        }
        return null;
    }
}
