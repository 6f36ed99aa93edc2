package eu.vigil.watchlist.internal;

import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.Column;
import eu.vigil.watchlist.Relationship;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which column holds what, whether there is a header row (its row number {@code headerRow}, 0: the first non-blank
 * row; a report's title lines above it are skipped), and the country of numbers written without a prefix (null: each
 * by its own form); guessed from the file, then adjustable.
 */
public record ColumnMapping(Map<Column, Integer> columns, boolean header, String country, int headerRow) {

    /** How many rows {@link #detect} looks at. */
    public static final int SAMPLE_ROWS = 200;

    public ColumnMapping {
        columns = columns.isEmpty() ? Map.of() : new EnumMap<>(columns);
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
    }

    public ColumnMapping(Map<Column, Integer> columns, boolean header) {
        this(columns, header, null, 0);
    }

    public ColumnMapping(Map<Column, Integer> columns, boolean header, String country) {
        this(columns, header, country, 0);
    }

    /** A line above the header row: a report's title, skipped. */
    public boolean aboveHeader(RawRow row) {
        return header && headerRow > 0 && row.number() < headerRow;
    }

    public ColumnMapping withHeaderRow(int row) {
        return new ColumnMapping(columns, header, country, row);
    }

    public Integer column(Column column) {
        return columns.get(column);
    }

    public ColumnMapping withCountry(String bareCountry) {
        return new ColumnMapping(columns, header, bareCountry, headerRow);
    }

    /** As stored: {@code header=true;NUMBER=0;REFERENCE=2;country=NL}. */
    public String encode() {
        StringBuilder text = new StringBuilder("header=").append(header);
        columns.forEach((column, index) ->
                text.append(';').append(column.name()).append('=').append(index));
        if (country != null) {
            text.append(";country=").append(country);
        }
        if (headerRow > 0) {
            text.append(";headerRow=").append(headerRow);
        }
        return text.toString();
    }

    public static ColumnMapping decode(String text) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        boolean header = false;
        String country = null;
        int headerRow = 0;
        for (String part : text.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            switch (kv[0]) {
                case "header" -> header = Boolean.parseBoolean(kv[1]);
                case "country" -> country = kv[1];
                case "headerRow" -> headerRow = Integer.parseInt(kv[1]);
                default -> columns.put(Column.valueOf(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return new ColumnMapping(columns, header, country, headerRow);
    }

    public static ColumnMapping detect(List<RawRow> firstRows) {
        return detect(firstRows, null, value -> true);
    }

    /**
     * The best reading of the first rows. Headers are matched by their words; the number column is the one whose cells
     * most often are valid company numbers (a column named for numbers wins a tie, a column of names never does); a
     * first row that reads like the rows below it is data. Other columns are kept only when their content fits (an
     * owner column must name one of the tenant's people: {@code isOwner}). The country of bare numbers is the one the
     * number column's header names, else the one the bare numbers fit, else {@code tenantCountry}.
     */
    public static ColumnMapping detect(List<RawRow> firstRows, String tenantCountry, Predicate<String> isOwner) {
        List<RawRow> rows =
                firstRows.stream().filter(r -> !r.blank()).limit(SAMPLE_ROWS).toList();
        if (rows.isEmpty()) {
            return new ColumnMapping(Map.of(), false, tenantCountry);
        }
        int titleLines = titleLines(rows);
        if (titleLines > 0) {
            ColumnMapping below = detect(rows.subList(titleLines, rows.size()), tenantCountry, isOwner);
            return below.header() ? below.withHeaderRow(rows.get(titleLines).number()) : below;
        }
        RawRow first = rows.getFirst();
        List<RawRow> below = rows.subList(1, rows.size());
        int width = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        List<HeaderWords.Meaning> meanings = new ArrayList<>();
        int[] valid = new int[width];
        for (int c = 0; c < width; c++) {
            meanings.add(HeaderWords.meaning(first.cell(c)));
            for (RawRow row : below) {
                if (NumberReading.validSomewhere(row.cell(c))) {
                    valid[c]++;
                }
            }
        }
        Integer number = numberColumn(meanings, valid, below, width);
        boolean firstIsData = number != null && NumberReading.validSomewhere(first.cell(number));
        boolean named = meanings.stream().anyMatch(m -> m != null && m.strong());
        boolean header = !firstIsData
                && rows.size() > 1
                && (named
                        || meanings.stream().anyMatch(m -> m != null)
                        || (number != null && valid[number] > 0 && !mostlyDigits(first.cell(number))));
        if (rows.size() == 1 && !firstIsData && named) {
            header = true;
        }
        if (!header && number == null) {
            int[] all = new int[width];
            for (int c = 0; c < width; c++) {
                all[c] = valid[c] + (NumberReading.validSomewhere(first.cell(c)) ? 1 : 0);
            }
            number = bestByContent(all, width, meanings, false);
        }
        List<RawRow> data = header ? below : rows;
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        if (number != null) {
            columns.put(Column.NUMBER, number);
        }
        if (header) {
            for (boolean strongPass : new boolean[] {true, false}) {
                for (int c = 0; c < width; c++) {
                    HeaderWords.Meaning meaning = meanings.get(c);
                    if (meaning == null
                            || meaning.column() == null
                            || meaning.column() == Column.NUMBER
                            || meaning.strong() != strongPass
                            || columns.containsKey(meaning.column())
                            || columns.containsValue(c)
                            || (!meaning.strong() || meaning.column() == Column.COUNTRY)
                                    && !fits(meaning.column(), data, c, isOwner)) {
                        continue;
                    }
                    columns.put(meaning.column(), c);
                }
            }
        }
        String country = tenantCountry;
        if (number != null) {
            HeaderWords.Meaning meaning = header ? meanings.get(number) : null;
            int column = number;
            List<String> values = data.stream().map(r -> r.cell(column)).toList();
            String fitting = NumberReading.country(values);
            if (meaning != null
                    && meaning.country() != null
                    && (fitting == null
                            || fitting.equals(meaning.country())
                            || NumberReading.share(values, meaning.country()) >= 0.5)) {
                country = meaning.country();
            } else if (fitting != null) {
                country = fitting;
            }
        }
        return new ColumnMapping(columns, header, country);
    }

    /**
     * How many lines a report puts above its header row (a title, a date, an empty-looking line): the header is the
     * row among the first ten that names the most columns Vigil reads, when no row above it holds a company number.
     */
    private static int titleLines(List<RawRow> rows) {
        int best = 0;
        int bestNamed = namedColumns(rows.getFirst());
        for (int k = 1; k < Math.min(10, rows.size()); k++) {
            RawRow row = rows.get(k - 1);
            if (row.cells().stream().anyMatch(NumberReading::validSomewhere)) {
                break;
            }
            int named = namedColumns(rows.get(k));
            if (named > bestNamed) {
                best = k;
                bestNamed = named;
            }
        }
        return bestNamed >= 2 || best > 0 && bestNamed >= 1 && namedColumns(rows.getFirst()) == 0 ? best : 0;
    }

    private static int namedColumns(RawRow row) {
        int named = 0;
        for (String cell : row.cells()) {
            HeaderWords.Meaning meaning = HeaderWords.meaning(cell);
            if (meaning != null && meaning.strong()) {
                named++;
            }
        }
        return named;
    }

    private static Integer numberColumn(
            List<HeaderWords.Meaning> meanings, int[] valid, List<RawRow> below, int width) {
        Integer named = null;
        for (int c = 0; c < width; c++) {
            HeaderWords.Meaning m = meanings.get(c);
            if (m != null && m.column() == Column.NUMBER && m.strong() && (named == null || valid[c] > valid[named])) {
                named = c;
            }
        }
        Integer content = bestByContent(valid, width, meanings, true);
        if (named != null) {
            if (valid[named] > 0 || content == null) {
                return named;
            }
            int filled = nonEmpty(below, content);
            return valid[content] * 2 >= filled ? content : named;
        }
        if (content != null) {
            return content;
        }
        for (int c = 0; c < width; c++) {
            HeaderWords.Meaning m = meanings.get(c);
            if (m != null && m.column() == Column.NUMBER) {
                return c;
            }
        }
        return null;
    }

    /** The column with the most valid numbers, a number header first on a tie, never a name column; null when none has any. */
    private static Integer bestByContent(
            int[] valid, int width, List<HeaderWords.Meaning> meanings, boolean useMeanings) {
        Integer best = null;
        for (int c = 0; c < width; c++) {
            if (valid[c] == 0) {
                continue;
            }
            HeaderWords.Meaning m = useMeanings ? meanings.get(c) : null;
            if (m != null && m.name()) {
                continue;
            }
            boolean numberHint = m != null && m.column() == Column.NUMBER;
            if (best == null || valid[c] > valid[best]) {
                best = c;
            } else if (valid[c] == valid[best] && numberHint) {
                HeaderWords.Meaning bm = meanings.get(best);
                if (bm == null || bm.column() != Column.NUMBER) {
                    best = c;
                }
            }
        }
        return best;
    }

    private static boolean mostlyDigits(String value) {
        long digits = value.chars().filter(Character::isDigit).count();
        return digits > 0 && digits * 2 >= value.strip().length();
    }

    private static int nonEmpty(List<RawRow> rows, int column) {
        int count = 0;
        for (RawRow row : rows) {
            if (!row.cell(column).isBlank()) {
                count++;
            }
        }
        return count;
    }

    /** Whether a column's cells hold what its header says: most amounts parse, a type is a type, an owner one of ours. */
    private static boolean fits(Column column, List<RawRow> rows, int c, Predicate<String> isOwner) {
        int filled = 0;
        int fitting = 0;
        for (RawRow row : rows) {
            String value = row.cell(c);
            if (value.isBlank()) {
                continue;
            }
            filled++;
            boolean fits = switch (column) {
                case CREDIT_LIMIT, EXPOSURE -> parsesAsAmount(value);
                case TYPE -> Relationship.parse(value).isPresent();
                case COUNTRY -> NumberReading.countryNamed(value) != null;
                case OWNER -> isOwner.test(value.strip().toLowerCase(Locale.ROOT));
                default -> true;
            };
            if (fits) {
                fitting++;
            }
        }
        if (filled == 0) {
            return true;
        }
        return switch (column) {
            case CREDIT_LIMIT, EXPOSURE -> fitting * 2 >= filled;
            case TYPE, OWNER -> fitting > 0;
            case COUNTRY -> fitting * 2 >= filled;
            default -> true;
        };
    }

    private static boolean parsesAsAmount(String value) {
        try {
            return Amount.parse(value).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
