package eu.vigil.feed.companieshouse;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.Hashes;
import eu.vigil.company.ParseResult;
import eu.vigil.feed.internal.RecordValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One envelope of a Companies House stream (src/docs/feeds.md §2), checked: what kind of resource it is about,
 * which company, and the event's identity (resource URI and etag) and time.
 *
 * @param company  the canonical company number, or null for a disqualified officer (not a company resource)
 * @param etag     {@code data.etag}, or a hash of {@code data} when the stream left it out; null for a deletion without data
 */
record StreamEvent(
        Kind kind,
        String uri,
        String resourceId,
        String company,
        String etag,
        Long timepoint,
        Instant publishedAt,
        boolean deleted,
        ObjectNode data,
        long line,
        String raw,
        String resourceKind) {

    /** A resource kind as the streams name them (company-exemptions, filing-history, company-psc-individual, ...). */
    private static final java.util.regex.Pattern RESOURCE_KIND =
            java.util.regex.Pattern.compile("[a-z][a-z0-9-]{2,60}");

    /**
     * The streams Vigil reads; every other stream (filing-history, PSC, company-exemptions, ...) is counted by
     * its name and set aside.
     */
    enum Kind {
        PROFILE,
        OFFICER,
        INSOLVENCY,
        CHARGE,
        DISQUALIFIED_OFFICER,
        IGNORED;

        static Kind of(String resourceKind) {
            return switch (resourceKind) {
                case "company-profile" -> PROFILE;
                case "company-officers" -> OFFICER;
                case "company-insolvency" -> INSOLVENCY;
                case "company-charges" -> CHARGE;
                case "disqualified-officer-natural", "disqualified-officer-corporate" -> DISQUALIFIED_OFFICER;
                default -> RESOURCE_KIND.matcher(resourceKind).matches() ? IGNORED : null;
            };
        }
    }

    /** The day the event was published (UTC): the date of what it changed unless its data dates it better. */
    LocalDate day() {
        return publishedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Reads an envelope; throws {@link IllegalArgumentException} saying what is wrong, for the quarantine. */
    static StreamEvent parse(ObjectNode envelope, long line, String raw) {
        String resourceKind = RecordValues.text(envelope, "resource_kind");
        if (resourceKind == null) {
            throw new IllegalArgumentException("resource_kind is missing: not a Companies House stream event");
        }
        Kind kind = Kind.of(resourceKind.toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new IllegalArgumentException("resource_kind '"
                    + (resourceKind.length() > 60 ? resourceKind.substring(0, 57) + "..." : resourceKind)
                    + "' is not a Companies House stream's (such as company-profile or filing-history)");
        }
        String uri = RecordValues.text(envelope, "resource_uri");
        if (uri == null) {
            throw new IllegalArgumentException("resource_uri is missing");
        }
        if (uri.length() > 200) {
            throw new IllegalArgumentException("resource_uri is longer than 200 characters");
        }
        JsonNode event = envelope.get("event");
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException(
                    "event is missing: expected {\"type\", \"timepoint\", \"published_at\"}");
        }
        String type = RecordValues.text(event, "type");
        boolean deleted = "deleted".equalsIgnoreCase(type);
        if (!deleted && !"changed".equalsIgnoreCase(type)) {
            throw new IllegalArgumentException("event.type must be changed or deleted, found '" + type + "'");
        }
        Instant published = publishedAt(RecordValues.text(event, "published_at"));
        Long timepoint = null;
        JsonNode point = event.get("timepoint");
        if (point != null && !point.isNull()) {
            if (!point.canConvertToLong()) {
                throw new IllegalArgumentException("event.timepoint must be a whole number, found " + point);
            }
            timepoint = point.asLong();
        }
        JsonNode rawData = envelope.get("data");
        ObjectNode data = rawData instanceof ObjectNode object ? object : null;
        if (data == null && !deleted && kind != Kind.IGNORED) {
            throw new IllegalArgumentException("data is missing from a changed event");
        }
        String resourceId = RecordValues.text(envelope, "resource_id");
        String company = kind == Kind.DISQUALIFIED_OFFICER || kind == Kind.IGNORED ? null : company(uri, kind, data);
        String etag = data == null ? null : RecordValues.text(data, "etag");
        if (etag == null && data != null) {
            etag = "hash:" + Long.toHexString(Hashes.fnv64(data.toString()));
        }
        if (etag != null && etag.length() > 100) {
            etag = "hash:" + Long.toHexString(Hashes.fnv64(etag));
        }
        return new StreamEvent(
                kind,
                uri,
                resourceId == null ? lastSegment(uri) : resourceId,
                company,
                etag,
                timepoint,
                published,
                deleted,
                data,
                line,
                raw,
                resourceKind.toLowerCase(Locale.ROOT));
    }

    /** {@code published_at} with or without a zone, with or without fractions; without a zone it is UTC. */
    static Instant publishedAt(String text) {
        if (text == null) {
            throw new IllegalArgumentException("event.published_at is missing");
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException withoutTime) {
                try {
                    return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "event.published_at '" + text + "' is not a date and time such as 2026-10-01T14:33:31");
                }
            }
        }
    }

    /** The company number from {@code /company/<number>/...}, canonical (8 characters). */
    private static String company(String uri, Kind kind, ObjectNode data) {
        // the streams write /company/<number>/... and, in some, company/<number>/... without the first slash
        String[] parts = (uri.startsWith("/") ? uri : "/" + uri).split("/");
        String number = parts.length >= 3 && parts[1].equals("company") ? parts[2] : null;
        if (number == null && kind == Kind.PROFILE && data != null) {
            number = RecordValues.text(data, "company_number");
        }
        if (number == null) {
            throw new IllegalArgumentException(
                    "resource_uri '" + uri + "' names no company (expected /company/<number>/...)");
        }
        return switch (CompanyNumbers.parse(number, "GB")) {
            case ParseResult.Valid valid -> valid.id().number();
            case ParseResult.Invalid invalid ->
                throw new IllegalArgumentException(
                        "company number '" + number + "' in resource_uri: " + invalid.detail());
        };
    }

    static String lastSegment(String uri) {
        String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
