package eu.vigil.watchlist;

import java.util.Locale;
import java.util.UUID;

/**
 * What the list shows: each field null or blank means no filter. {@code light} is red, amber, green or
 * pending; {@code sort} one of {@link #SORTS}, with {@code desc} for the reverse order.
 */
public record EntryFilter(
        String light,
        Relationship type,
        UUID owner,
        String tag,
        Boolean hasAlerts,
        String q,
        String sort,
        boolean desc) {

    public static final java.util.List<String> SORTS =
            java.util.List.of("added", "reference", "number", "light", "type", "limit", "exposure");

    public static EntryFilter none() {
        return new EntryFilter(null, null, null, null, null, null, "added", true);
    }

    public EntryFilter {
        light = light == null || light.isBlank() ? null : light.toLowerCase(Locale.ROOT);
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        q = q == null || q.isBlank() ? null : q.strip();
        sort = sort == null || !SORTS.contains(sort) ? "added" : sort;
    }
}
