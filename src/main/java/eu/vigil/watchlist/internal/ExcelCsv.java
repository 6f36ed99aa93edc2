package eu.vigil.watchlist.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Splits CSV text into records the way Excel opens it, never refusing a file for its quotes: a quote inside an
 * unquoted field is text; text after a closing quote is kept ({@code "Café" De Kroon}); a quote opened and never
 * closed, or one that would swallow a line break and then go on with text, is taken as a plain character. Cells are
 * limited to Excel's 32,767 characters and rows to its 16,384 columns.
 */
final class ExcelCsv implements Iterator<List<String>> {

    static final int MAX_CELL = 32_767;
    static final int MAX_COLUMNS = 16_384;
    private static final char[] SEPARATORS = {';', ',', '\t', '|'};

    private final String text;
    private final char separator;
    private final int rowOffset;
    private int pos;
    private int records;

    ExcelCsv(String text, char separator, int rowOffset) {
        this.text = text;
        this.separator = separator;
        this.rowOffset = rowOffset;
    }

    @Override
    public boolean hasNext() {
        return pos < text.length();
    }

    /** The row number, as a spreadsheet shows it, of the record {@link #next()} returned last. */
    int row() {
        return records + rowOffset;
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        records++;
        List<String> cells = new ArrayList<>();
        while (true) {
            cells.add(field());
            if (cells.size() > MAX_COLUMNS) {
                throw new UploadFormatException("watchlist.file.tooManyColumns", row(), MAX_COLUMNS);
            }
            if (pos >= text.length()) {
                return cells;
            }
            char c = text.charAt(pos);
            if (c == separator) {
                pos++;
                if (pos >= text.length()) {
                    cells.add("");
                    return cells;
                }
                continue;
            }
            // a line break: \r\n, \n or \r
            pos++;
            if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            return cells;
        }
    }

    private String field() {
        if (pos < text.length() && text.charAt(pos) == '"') {
            String quoted = quoted();
            if (quoted != null) {
                return quoted;
            }
        }
        int start = pos;
        int end = endOfPlain(pos);
        pos = end;
        return cell(text.substring(start, end));
    }

    private int endOfPlain(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == separator || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The quoted field at {@code pos}, moving past it; null when its quote is a plain character after all. */
    private String quoted() {
        StringBuilder value = new StringBuilder();
        boolean spansLines = false;
        int i = pos + 1;
        while (true) {
            int quote = text.indexOf('"', i);
            if (quote < 0 || quote - pos > MAX_CELL + 2) {
                return null;
            }
            for (int k = i; k < quote; k++) {
                char c = text.charAt(k);
                if (c == '\n' || c == '\r') {
                    spansLines = true;
                }
            }
            value.append(text, i, quote);
            if (quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
                value.append('"');
                i = quote + 2;
                continue;
            }
            int after = quote + 1;
            if (after >= text.length() || isEnd(text.charAt(after))) {
                pos = after;
                return cell(value.toString());
            }
            if (spansLines) {
                return null;
            }
            int end = endOfPlain(after);
            value.append(text, after, end);
            pos = end;
            return cell(value.toString());
        }
    }

    private boolean isEnd(char c) {
        return c == separator || c == '\n' || c == '\r';
    }

    private String cell(String value) {
        if (value.length() > MAX_CELL) {
            throw new UploadFormatException("watchlist.file.cellTooLong", row(), MAX_CELL);
        }
        return value;
    }

    /**
     * The separator that splits the first records into the same number of fields most often (at least two),
     * semicolon first on a tie, as Excel in Europe does.
     */
    static char detectSeparator(String text) {
        char best = ';';
        double bestShare = 0;
        int bestFields = 1;
        for (char candidate : SEPARATORS) {
            ExcelCsv csv = new ExcelCsv(text, candidate, 0);
            Map<Integer, Integer> widths = new HashMap<>();
            int records = 0;
            try {
                while (csv.hasNext() && records < 50) {
                    List<String> cells = csv.next();
                    if (cells.size() == 1 && cells.getFirst().isBlank()) {
                        continue;
                    }
                    widths.merge(cells.size(), 1, Integer::sum);
                    records++;
                }
            } catch (UploadFormatException e) {
                continue;
            }
            if (records == 0) {
                continue;
            }
            Map.Entry<Integer, Integer> mode = widths.entrySet().stream()
                    .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow();
            double share = (double) mode.getValue() / records;
            if (mode.getKey() < 2) {
                continue;
            }
            if (share > bestShare + 1e-9 || (Math.abs(share - bestShare) < 1e-9 && mode.getKey() > bestFields)) {
                best = candidate;
                bestShare = share;
                bestFields = mode.getKey();
            }
        }
        return best;
    }
}
