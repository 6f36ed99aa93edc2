package eu.vigil.demo.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Companies House stream lines as the streaming API sends them (src/docs/feeds.md §2): one JSON envelope per
 * line, {@code resource_kind}, {@code resource_uri}, {@code resource_id}, {@code data} and {@code event}. The
 * etag is derived from the data unless one is given, so the same resource written twice the same way is the
 * same event.
 */
public final class CompaniesHouseStreamWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CompaniesHouseStreamWriter() {}

    /** One event; {@code data} null for a deletion without data; {@code publishedAt} as the stream writes it (zone or not). */
    public record Envelope(
            String kind,
            String uri,
            String id,
            Map<String, Object> data,
            boolean deleted,
            long timepoint,
            String publishedAt) {

        /** The same resource in the same state, delivered again later under a new etag (a stream's "changed" that changes nothing). */
        public Envelope redelivered(long laterTimepoint, String laterPublishedAt) {
            Map<String, Object> copy = data == null ? null : new LinkedHashMap<>(data);
            if (copy != null) {
                copy.put("etag", copy.get("etag") + "-" + laterTimepoint);
            }
            return new Envelope(kind, uri, id, copy, deleted, laterTimepoint, laterPublishedAt);
        }
    }

    public record Address(String line1, String locality, String postalCode, String country) {}

    /** A company-profile resource; {@code etag} null derives it from the content. */
    public record Profile(
            String number,
            String name,
            String type,
            LocalDate createdOn,
            LocalDate ceasedOn,
            String status,
            String statusDetail,
            Address office,
            List<String> sicCodes,
            boolean hasCharges,
            boolean hasInsolvencyHistory,
            boolean accountsOverdue,
            LocalDate lastAccountsMadeUpTo,
            boolean confirmationOverdue) {}

    /** An appointment; {@code officerId} is the person across companies ({@code /officers/<id>/appointments}). */
    public record Appointment(
            String number,
            String appointmentId,
            String officerId,
            String name,
            String role,
            LocalDate appointedOn,
            LocalDate resignedOn) {}

    public record Charge(
            String number,
            String chargeId,
            int chargeNumber,
            String description,
            String status,
            LocalDate createdOn,
            List<String> entitled) {}

    /** An insolvency case with its dates by type (wound-up-on, administration-started-on, ...). */
    public record Case(String caseNumber, String type, Map<String, LocalDate> dates) {}

    public record Disqualification(LocalDate from, LocalDate until, String companyName) {}

    public static Envelope profile(Profile p, long timepoint, String publishedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("company_number", p.number());
        data.put("company_name", p.name());
        data.put("type", p.type());
        data.put("jurisdiction", "england-wales");
        data.put("date_of_creation", p.createdOn().toString());
        put(data, "date_of_cessation", p.ceasedOn());
        data.put("company_status", p.status());
        put(data, "company_status_detail", p.statusDetail());
        if (p.office() != null) {
            Map<String, Object> office = new LinkedHashMap<>();
            office.put("address_line_1", p.office().line1());
            office.put("locality", p.office().locality());
            office.put("postal_code", p.office().postalCode());
            put(office, "country", p.office().country());
            data.put("registered_office_address", office);
        }
        data.put("sic_codes", p.sicCodes());
        data.put("has_charges", p.hasCharges());
        data.put("has_insolvency_history", p.hasInsolvencyHistory());
        Map<String, Object> accounts = new LinkedHashMap<>();
        accounts.put("overdue", p.accountsOverdue());
        if (p.lastAccountsMadeUpTo() != null) {
            accounts.put(
                    "last_accounts",
                    ordered("made_up_to", p.lastAccountsMadeUpTo().toString(), "type", "full"));
            accounts.put(
                    "next_made_up_to", p.lastAccountsMadeUpTo().plusYears(1).toString());
        }
        data.put("accounts", accounts);
        data.put("confirmation_statement", ordered("overdue", p.confirmationOverdue()));
        return envelope("company-profile", "/company/" + p.number(), p.number(), data, timepoint, publishedAt);
    }

    public static Envelope appointment(Appointment a, long timepoint, String publishedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", a.name());
        data.put("officer_role", a.role());
        data.put("appointed_on", a.appointedOn().toString());
        put(data, "resigned_on", a.resignedOn());
        data.put(
                "links",
                ordered(
                        "self",
                        "/company/" + a.number() + "/appointments/" + a.appointmentId(),
                        "officer",
                        ordered("appointments", "/officers/" + a.officerId() + "/appointments")));
        return envelope(
                "company-officers",
                "/company/" + a.number() + "/appointments/" + a.appointmentId(),
                a.appointmentId(),
                data,
                timepoint,
                publishedAt);
    }

    public static Envelope charge(Charge c, long timepoint, String publishedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("charge_number", c.chargeNumber());
        data.put("classification", ordered("type", "charge-description", "description", c.description()));
        data.put("created_on", c.createdOn().toString());
        data.put("delivered_on", c.createdOn().plusDays(3).toString());
        data.put("status", c.status());
        data.put(
                "persons_entitled",
                c.entitled().stream().map(name -> ordered("name", name)).toList());
        return envelope(
                "company-charges",
                "/company/" + c.number() + "/charges/" + c.chargeId(),
                c.chargeId(),
                data,
                timepoint,
                publishedAt);
    }

    public static Envelope insolvency(String number, List<Case> cases, long timepoint, String publishedAt) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> status = new ArrayList<>();
        for (Case c : cases) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("number", c.caseNumber());
            item.put("type", c.type());
            item.put(
                    "dates",
                    new java.util.TreeMap<>(c.dates())
                            .entrySet().stream()
                                    .map(d -> ordered(
                                            "type",
                                            d.getKey(),
                                            "date",
                                            d.getValue().toString()))
                                    .toList());
            items.add(item);
            status.add(c.type());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cases", items);
        data.put("status", status);
        return envelope(
                "company-insolvency", "/company/" + number + "/insolvency", number, data, timepoint, publishedAt);
    }

    public static Envelope disqualifiedOfficer(
            String officerId,
            String surname,
            String forename,
            List<Disqualification> disqualifications,
            long timepoint,
            String publishedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("surname", surname);
        data.put("forename", forename);
        data.put("kind", "natural-disqualification");
        data.put(
                "disqualifications",
                disqualifications.stream()
                        .map(d -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("disqualified_from", d.from().toString());
                            item.put("disqualified_until", d.until().toString());
                            item.put("disqualification_type", "undertaking");
                            item.put("company_names", List.of(d.companyName()));
                            return item;
                        })
                        .toList());
        return envelope(
                "disqualified-officer-natural",
                "/disqualified-officers/natural/" + officerId,
                officerId,
                data,
                timepoint,
                publishedAt);
    }

    /** A deletion: the resource withdrawn, without data. */
    public static Envelope deleted(String kind, String uri, String id, long timepoint, String publishedAt) {
        return new Envelope(kind, uri, id, null, true, timepoint, publishedAt);
    }

    private static Envelope envelope(
            String kind, String uri, String id, Map<String, Object> data, long timepoint, String publishedAt) {
        data.put("etag", Long.toHexString(fnv64(JSON.writeValueAsString(data))));
        return new Envelope(kind, uri, id, data, false, timepoint, publishedAt);
    }

    public static String line(Envelope e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("resource_kind", e.kind());
        line.put("resource_uri", e.uri());
        line.put("resource_id", e.id());
        if (e.data() != null) {
            line.put("data", e.data());
        }
        line.put(
                "event",
                ordered(
                        "type",
                        e.deleted() ? "deleted" : "changed",
                        "timepoint",
                        e.timepoint(),
                        "published_at",
                        e.publishedAt()));
        return JSON.writeValueAsString(line);
    }

    /** Writes the events one per line, with a heartbeat (a blank line) every {@code heartbeatEvery} events (0: none). */
    public static Path write(Path file, Iterable<Envelope> events, int heartbeatEvery) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (Envelope event : events) {
                out.write(line(event));
                out.write('\n');
                if (heartbeatEvery > 0 && ++n % heartbeatEvery == 0) {
                    out.write('\n');
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A map written in the order given: Map.of's order changes from one JVM to the next, and so would the lines. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }

    private static long fnv64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }
}
