package eu.vigil.watchlist.internal;

import eu.vigil.company.CompanyId;
import eu.vigil.company.ParseResult;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.Column;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.Relationship;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Turns one row into an entry or a rejection that names the value and the reason. */
public final class RowValidator {

    private static final char LIST_SEPARATOR = '\u001F';
    private static final java.util.regex.Pattern TAG_SEPARATORS = java.util.regex.Pattern.compile("[,;|]");

    private final ColumnMapping mapping;
    private final Map<String, UUID> owners;

    /** {@code owners}: the tenant's people by lower-case email and display name. */
    public RowValidator(ColumnMapping mapping, Map<String, UUID> owners) {
        this.mapping = mapping;
        this.owners = owners;
    }

    public sealed interface Outcome {
        int row();

        String value();

        List<Warning> warnings();
    }

    /** An optional field that could not be taken: the company is still watched, that field left empty. */
    public record Warning(String field, String value, Wording wording) {}

    public record Valid(int row, String value, CompanyId id, EntryData data, List<Warning> warnings)
            implements Outcome {}

    /** {@code reason} is a stable code; {@code detail} the English technical text kept for support; {@code wording} what the reader sees. */
    public record Invalid(int row, String value, String reason, String detail, Wording wording, List<Warning> warnings)
            implements Outcome {

        public Invalid(int row, String value, String reason, Wording wording) {
            this(row, value, reason, null, wording, List.of());
        }
    }

    /** Null for a row with nothing in it. Every problem of the row is said; only the number can reject it. */
    public Outcome check(RawRow row) {
        if (row.blank()) {
            return null;
        }
        List<Warning> warnings = new ArrayList<>();
        String reference = row.cell(mapping.column(Column.REFERENCE));
        if (reference.length() > 100) {
            warnings.add(new Warning(
                    Column.REFERENCE.key(),
                    clip(reference),
                    Wording.of("watchlist.warning.reference", reference.length())));
            reference = null;
        }
        String typeText = row.cell(mapping.column(Column.TYPE));
        Relationship relationship = null;
        if (!typeText.isBlank()) {
            relationship = Relationship.parse(typeText).orElse(null);
            if (relationship == null) {
                warnings.add(new Warning(
                        Column.TYPE.key(), typeText, Wording.of("watchlist.warning.type", typeText.strip())));
            }
        }
        Amount limit = amount(row, Column.CREDIT_LIMIT, warnings);
        Amount exposure = amount(row, Column.EXPOSURE, warnings);
        String ownerText = row.cell(mapping.column(Column.OWNER));
        UUID owner = null;
        if (!ownerText.isBlank()) {
            owner = owners.get(ownerText.strip().toLowerCase(Locale.ROOT));
            if (owner == null) {
                warnings.add(new Warning(
                        Column.OWNER.key(), ownerText, Wording.of("watchlist.warning.owner", ownerText.strip())));
            }
        }
        List<String> tags = new ArrayList<>();
        for (String tag : splitTags(row.cell(mapping.column(Column.TAGS)))) {
            if (tag.length() > 50) {
                warnings.add(new Warning(
                        Column.TAGS.key(), clip(tag), Wording.of("watchlist.warning.tag", clip(tag), tag.length())));
            } else if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        String value = row.cell(mapping.column(Column.NUMBER));
        String rowCountry = NumberReading.countryNamed(row.cell(mapping.column(Column.COUNTRY)));
        ParseResult parsed = NumberReading.read(value, rowCountry != null ? rowCountry : mapping.country());
        if (parsed instanceof ParseResult.Invalid invalid) {
            Wording wording = NumberReading.AMBIGUOUS.equals(invalid.detail())
                    ? Wording.of("watchlist.number.ambiguous", value.strip())
                    : NumberReading.PERSONAL.equals(invalid.detail())
                            ? Wording.of("watchlist.number.personal", value.strip())
                            : Wording.ofNumber(value, invalid);
            return new Invalid(
                    row.number(), value, invalid.reason().name(), invalid.detail(), wording, List.copyOf(warnings));
        }
        CompanyId id = ((ParseResult.Valid) parsed).id();
        return new Valid(
                row.number(),
                value,
                id,
                new EntryData(reference, relationship, limit, exposure, owner, tags),
                List.copyOf(warnings));
    }

    private Amount amount(RawRow row, Column column, List<Warning> warnings) {
        String text = row.cell(mapping.column(column));
        String field = column == Column.CREDIT_LIMIT ? "creditLimit" : "exposure";
        try {
            Amount amount = Amount.parse(text).orElse(null);
            if (amount != null && amount.value().signum() < 0) {
                warnings.add(new Warning(
                        column.key(), text, Wording.of("watchlist.warning." + field + ".negative", text.strip())));
                return null;
            }
            return amount;
        } catch (IllegalArgumentException e) {
            String key = e instanceof Amount.TooLargeException
                    ? "watchlist.warning." + field + ".tooLarge"
                    : "watchlist.warning." + field;
            warnings.add(new Warning(column.key(), text, Wording.of(key, clip(text.strip()))));
            return null;
        }
    }

    private static String clip(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    private static List<String> splitTags(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        String[] parts = text.indexOf(LIST_SEPARATOR) >= 0
                ? text.split(String.valueOf(LIST_SEPARATOR))
                : TAG_SEPARATORS.split(text);
        for (String tag : parts) {
            String t = tag.strip();
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        return tags;
    }

    /** Tags as a cell holds them, split on commas, semicolons or pipes; a list given as such keeps each tag whole. */
    public static List<String> tags(String text) {
        return splitTags(text).stream().filter(t -> t.length() <= 50).distinct().toList();
    }

    /** Joins a list of tags into one cell that {@link #tags} splits back into exactly these tags. */
    public static String listCell(List<String> tags) {
        StringBuilder cell = new StringBuilder();
        for (String tag : tags) {
            cell.append(LIST_SEPARATOR).append(tag);
        }
        return cell.toString();
    }
}
