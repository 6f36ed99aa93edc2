package eu.vigil.watchlist.internal;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
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
    }

    public record Valid(int row, String value, CompanyId id, EntryData data) implements Outcome {
    }

    /** {@code reason} is a stable code; {@code detail} the English technical text kept for support; {@code wording} what the reader sees. */
    public record Invalid(int row, String value, String reason, String detail, Wording wording) implements Outcome {

        public Invalid(int row, String value, String reason, Wording wording) {
            this(row, value, reason, null, wording);
        }
    }

    /** Null for a row with nothing in it. */
    public Outcome check(RawRow row) {
        if (row.blank()) {
            return null;
        }
        String value = row.cell(mapping.column(Column.NUMBER));
        ParseResult parsed = CompanyNumbers.parse(value, null);
        if (parsed instanceof ParseResult.Invalid invalid) {
            return new Invalid(row.number(), value, invalid.reason().name(), invalid.detail(), Wording.ofNumber(value, invalid));
        }
        CompanyId id = ((ParseResult.Valid) parsed).id();
        String reference = row.cell(mapping.column(Column.REFERENCE));
        if (reference.length() > 100) {
            return new Invalid(row.number(), value, "INVALID_REFERENCE", Wording.of("watchlist.detail.reference", reference.length()));
        }
        String typeText = row.cell(mapping.column(Column.TYPE));
        Relationship relationship = Relationship.CUSTOMER;
        if (!typeText.isBlank()) {
            var parsedType = Relationship.parse(typeText);
            if (parsedType.isEmpty()) {
                return new Invalid(row.number(), value, "INVALID_TYPE", Wording.of("watchlist.detail.type", typeText));
            }
            relationship = parsedType.get();
        }
        Amount limit;
        Amount exposure;
        String limitText = row.cell(mapping.column(Column.CREDIT_LIMIT));
        try {
            limit = Amount.parse(limitText).orElse(null);
        } catch (IllegalArgumentException e) {
            return new Invalid(row.number(), value, "INVALID_AMOUNT", e.getMessage(),
                    Wording.of(e instanceof Amount.TooLargeException ? "watchlist.detail.creditLimit.tooLarge" : "watchlist.detail.creditLimit", limitText.strip()));
        }
        String exposureText = row.cell(mapping.column(Column.EXPOSURE));
        try {
            exposure = Amount.parse(exposureText).orElse(null);
        } catch (IllegalArgumentException e) {
            return new Invalid(row.number(), value, "INVALID_AMOUNT", e.getMessage(),
                    Wording.of(e instanceof Amount.TooLargeException ? "watchlist.detail.exposure.tooLarge" : "watchlist.detail.exposure", exposureText.strip()));
        }
        String ownerText = row.cell(mapping.column(Column.OWNER));
        UUID owner = null;
        if (!ownerText.isBlank()) {
            owner = owners.get(ownerText.strip().toLowerCase(Locale.ROOT));
            if (owner == null) {
                return new Invalid(row.number(), value, "UNKNOWN_OWNER", Wording.of("watchlist.detail.owner", ownerText.strip()));
            }
        }
        return new Valid(row.number(), value, id, new EntryData(reference, relationship, limit, exposure, owner,
                tags(row.cell(mapping.column(Column.TAGS)))));
    }

    public static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        if (text.isEmpty()) {
            return List.of();
        }
        for (String tag : TAG_SEPARATORS.split(text)) {
            String t = tag.strip();
            if (!t.isEmpty() && t.length() <= 50 && !tags.contains(t)) {
                tags.add(t);
            }
        }
        return tags;
    }
}
