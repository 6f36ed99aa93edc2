package eu.vigil.watchlist;

import java.util.List;

public record EntryPage(List<EntryView> entries, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
