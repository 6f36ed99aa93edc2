package eu.vigil.watchlist.internal;

import java.util.List;

/** One row of an uploaded file as its cells, numbered as a spreadsheet shows it (first row = 1). */
public record RawRow(int number, List<String> cells) {

    public String cell(Integer column) {
        return column == null || column < 0 || column >= cells.size() ? "" : cells.get(column);
    }

    public boolean blank() {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
