package eu.vigil.feed.companieshouse;

import eu.vigil.company.Hashes;
import eu.vigil.feed.companieshouse.ChDocuments.Address;
import eu.vigil.feed.companieshouse.ChDocuments.Charge;
import eu.vigil.feed.companieshouse.ChDocuments.Disqualification;
import eu.vigil.feed.companieshouse.ChDocuments.Governance;
import eu.vigil.feed.companieshouse.ChDocuments.Identity;
import eu.vigil.feed.companieshouse.ChDocuments.InsolvencyCase;
import eu.vigil.feed.companieshouse.ChDocuments.Name;
import eu.vigil.feed.companieshouse.ChDocuments.Officer;
import eu.vigil.feed.companieshouse.ChDocuments.Profile;
import eu.vigil.feed.companieshouse.ChDocuments.Status;
import eu.vigil.feed.internal.RecordValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One company as the Companies House streams have shown it so far: the profile, charges, insolvency
 * cases and appointments, each null until its stream spoke of the company. Events are applied one at
 * a time; what the profile and the cases mean together (the situation) is worked out from both.
 */
final class ChCompany {

    private static final Set<String> ENDED = Set.of("dissolved", "removed", "closed", "converted-closed");
    /** Case dates that end a case (src/docs/feeds.md §2); a case without one is open. */
    private static final Set<String> CASE_ENDS = Set.of(
            "administration-ended-on",
            "administration-discharged-on",
            "concluded-winding-up-on",
            "voluntary-arrangement-ended-on",
            "moratorium-ended-on",
            "dissolved-on",
            "case-end-on");

    private static final Set<String> CASE_STARTS = Set.of(
            "wound-up-on",
            "petitioned-on",
            "ordered-to-wind-up-on",
            "administration-started-on",
            "voluntary-arrangement-started-on",
            "moratorium-started-on",
            "instrumented-on");

    Profile profile;
    List<Charge> charges;
    List<InsolvencyCase> cases;
    List<Officer> officers;
    List<Disqualification> disqualified = List.of();
    /** See {@link Identity#chargesReportedOn()}. */
    String chargesReportedOn;

    static ChCompany of(Identity identity, Status status, Governance governance) {
        ChCompany company = new ChCompany();
        if (identity != null) {
            company.profile = identity.profile();
            company.charges = identity.charges();
            company.chargesReportedOn = identity.chargesReportedOn();
        }
        if (status != null) {
            company.cases = status.cases();
        }
        if (governance != null) {
            company.officers = governance.officers();
            company.disqualified = governance.disqualified();
        }
        return company;
    }

    ChCompany copy() {
        ChCompany copy = new ChCompany();
        copy.profile = profile;
        copy.charges = charges;
        copy.chargesReportedOn = chargesReportedOn;
        copy.cases = cases;
        copy.officers = officers;
        copy.disqualified = disqualified;
        return copy;
    }

    boolean knowsProfile() {
        return profile != null;
    }

    boolean knowsStatus() {
        return profile != null || cases != null;
    }

    boolean knowsCharges() {
        return profile != null || charges != null;
    }

    boolean knowsGovernance() {
        return officers != null;
    }

    // ---- the sections as stored ----

    Identity identity() {
        if (profile == null && charges == null) {
            return null;
        }
        List<Name> names =
                profile == null || profile.name() == null ? List.of() : List.of(new Name("001", profile.name()));
        return new Identity(names, profile, charges, chargesReportedOn);
    }

    Status status() {
        return knowsStatus() ? new Status(active(), chStatus(), juridicalSituation(), cases) : null;
    }

    Governance governance() {
        return officers == null ? null : new Governance(officers, disqualified);
    }

    // ---- what the profile and the cases mean ----

    /** The profile says the company has charges, and the charges stream has named none of them yet. */
    boolean chargesUnnamed() {
        return (charges == null || charges.isEmpty()) && profile != null && Boolean.TRUE.equals(profile.hasCharges());
    }

    /** The profile's report of charges stood for this one: it was delivered (else created) by the day of the report. */
    boolean reportedBefore(Charge charge) {
        String day = charge.deliveredOn() != null ? charge.deliveredOn() : charge.createdOn();
        return chargesReportedOn != null && day != null && day.compareTo(chargesReportedOn) <= 0;
    }

    /** In the register (null when unknown): dissolved, removed, closed companies and withdrawn profiles are not. */
    Boolean active() {
        if (profile == null) {
            return cases == null ? null : true;
        }
        return !profile.deleted() && (profile.status() == null || !ENDED.contains(profile.status()));
    }

    String chStatus() {
        if (profile != null && profile.deleted()) {
            return "removed";
        }
        String status = profile == null ? null : profile.status();
        boolean ordinary =
                status == null || status.equals("active") || status.equals("open") || status.equals("registered");
        if (ordinary) {
            String fromCases = openCaseStatus();
            if (fromCases != null) {
                return fromCases;
            }
        }
        if (profile != null
                && profile.statusDetail() != null
                && !profile.statusDetail().isBlank()) {
            return profile.statusDetail();
        }
        return status;
    }

    /** KBO's situation code where one means the same (liquidation 012, voluntary arrangement 091, moratorium 040), else the word. */
    String juridicalSituation() {
        String status = chStatus();
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "liquidation" -> "012";
            case "voluntary-arrangement" -> "091";
            case "moratorium" -> "040";
            case "administration",
                    "receivership",
                    "insolvency-proceedings",
                    "dissolved",
                    "removed",
                    "closed",
                    "converted-closed" -> status;
            default -> "000";
        };
    }

    /** The situation the most recently started open case puts the company in, or null. */
    private String openCaseStatus() {
        if (cases == null) {
            return null;
        }
        String latest = null;
        String status = null;
        for (InsolvencyCase c : cases) {
            String meaning = caseStatus(c.type());
            if (meaning == null || c.dates().keySet().stream().anyMatch(CASE_ENDS::contains)) {
                continue;
            }
            String started = started(c);
            if (status == null || started != null && (latest == null || started.compareTo(latest) > 0)) {
                latest = started;
                status = meaning;
            }
        }
        return status;
    }

    static String caseStatus(String type) {
        if (type == null) {
            return null;
        }
        if (type.endsWith("liquidation")) {
            return "liquidation";
        }
        return switch (type) {
            case "in-administration", "administration-order" -> "administration";
            case "receiver-manager", "administrative-receiver", "receivership" -> "receivership";
            case "corporate-voluntary-arrangement" -> "voluntary-arrangement";
            case "moratorium", "corporate-voluntary-arrangement-moratorium" -> "moratorium";
            default -> null;
        };
    }

    private static String started(InsolvencyCase c) {
        return c.dates().entrySet().stream()
                .filter(d -> CASE_STARTS.contains(d.getKey()))
                .map(Map.Entry::getValue)
                .max(String::compareTo)
                .orElse(null);
    }

    // ---- applying events ----

    /** Applies one event; answers the date the source gives what it changed, or null (the day it was published). */
    LocalDate apply(StreamEvent event) {
        // a report stored before its day was kept stood until this event at the latest
        noteChargesReported(event.day());
        LocalDate dated = switch (event.kind()) {
            case PROFILE -> applyProfile(event);
            case OFFICER -> applyOfficer(event);
            case CHARGE -> applyCharge(event);
            case INSOLVENCY -> applyInsolvency(event);
            case DISQUALIFIED_OFFICER, IGNORED ->
                throw new IllegalStateException(event.kind() + " is not a company event");
        };
        noteChargesReported(event.day());
        return dated;
    }

    private void noteChargesReported(LocalDate day) {
        if (chargesReportedOn == null && chargesUnnamed()) {
            chargesReportedOn = day.toString();
        }
    }

    private LocalDate applyProfile(StreamEvent event) {
        Boolean wasActive = active();
        if (event.deleted()) {
            profile = (profile == null
                            ? new Profile(
                                    null, null, null, null, null, null, null, null, List.of(), null, null, null, null,
                                    null, false)
                            : profile)
                    .withdrawn();
            return null;
        }
        profile = profile(event.data());
        return Boolean.FALSE.equals(active()) && !Boolean.FALSE.equals(wasActive) && profile.ceasedOn() != null
                ? LocalDate.parse(profile.ceasedOn())
                : null;
    }

    /** Parses a company-profile {@code data}; throws {@link IllegalArgumentException} on a malformed field. */
    static Profile profile(JsonNode data) {
        JsonNode office = data.get("registered_office_address");
        Address address = office == null || !office.isObject()
                ? null
                : new Address(
                        RecordValues.text(office, "address_line_1"), RecordValues.text(office, "address_line_2"),
                        RecordValues.text(office, "locality"), RecordValues.text(office, "region"),
                        RecordValues.text(office, "postal_code"), RecordValues.text(office, "country"));
        List<String> sic = new ArrayList<>();
        Iterable<JsonNode> codes = RecordValues.list(data, "sic_codes");
        if (codes != null) {
            codes.forEach(code -> {
                if (code.isValueNode() && !code.asString().isBlank()) {
                    sic.add(code.asString().trim());
                }
            });
        }
        JsonNode accounts = data.path("accounts");
        JsonNode confirmation = data.path("confirmation_statement");
        String status = lower(RecordValues.text(data, "company_status"));
        String detail = lower(RecordValues.text(data, "company_status_detail"));
        return new Profile(
                RecordValues.text(data, "company_name"),
                RecordValues.text(data, "type"),
                RecordValues.text(data, "jurisdiction"),
                iso(data, "date_of_creation"),
                iso(data, "date_of_cessation"),
                status,
                detail,
                address,
                sic,
                flag(data, "has_charges"),
                flag(data, "has_insolvency_history"),
                accounts.isObject() ? flag(accounts, "overdue") : null,
                accounts.path("last_accounts").isObject() ? iso(accounts.get("last_accounts"), "made_up_to") : null,
                confirmation.isObject() ? flag(confirmation, "overdue") : null,
                false);
    }

    private LocalDate applyOfficer(StreamEvent event) {
        String appointment = event.resourceId();
        List<Officer> current = new ArrayList<>(officers == null ? List.of() : officers);
        current.removeIf(o -> o.appointment().equals(appointment));
        LocalDate resigned = null;
        if (!event.deleted()) {
            ObjectNode data = event.data();
            String resignedOn = iso(data, "resigned_on");
            if (resignedOn == null) {
                current.add(new Officer(
                        appointment,
                        officerKey(data),
                        RecordValues.text(data, "name"),
                        lower(RecordValues.text(data, "officer_role")),
                        iso(data, "appointed_on")));
            } else {
                resigned = LocalDate.parse(resignedOn);
            }
        }
        officers = List.copyOf(current);
        return resigned;
    }

    /**
     * The person across companies: the officer id of {@code links.officer.appointments}
     * ({@code /officers/<id>/appointments}), else a hash of the name and birth month.
     */
    static String officerKey(JsonNode data) {
        String link = RecordValues.text(data.path("links").path("officer"), "appointments");
        if (link != null) {
            String[] parts = link.split("/");
            if (parts.length >= 3 && parts[1].equals("officers") && !parts[2].isBlank() && parts[2].length() <= 56) {
                return "ch:" + parts[2];
            }
        }
        JsonNode born = data.path("date_of_birth");
        String name = RecordValues.text(data, "name");
        return "ch:name:"
                + Long.toHexString(Hashes.fnv64((name == null ? "" : name.toLowerCase(Locale.ROOT)) + "|"
                        + born.path("year").asString("") + "-"
                        + born.path("month").asString("")));
    }

    private LocalDate applyCharge(StreamEvent event) {
        String id = event.resourceId();
        List<Charge> known = new ArrayList<>(charges == null ? List.of() : charges);
        known.removeIf(c -> c.id().equals(id));
        LocalDate created = null;
        if (!event.deleted()) {
            ObjectNode data = event.data();
            List<String> entitled = new ArrayList<>();
            Iterable<JsonNode> persons = RecordValues.list(data, "persons_entitled");
            if (persons != null) {
                persons.forEach(p -> {
                    String name = RecordValues.text(p, "name");
                    if (name != null) {
                        entitled.add(name);
                    }
                });
            }
            JsonNode number = data.get("charge_number");
            Charge charge = new Charge(
                    id,
                    number == null || number.isNull() ? null : number.asString(),
                    RecordValues.text(data.path("classification"), "description"),
                    lower(RecordValues.text(data, "status")),
                    iso(data, "created_on"),
                    iso(data, "delivered_on"),
                    entitled);
            known.add(charge);
            created = charge.createdOn() == null ? null : LocalDate.parse(charge.createdOn());
        }
        charges = List.copyOf(known);
        return created;
    }

    private LocalDate applyInsolvency(StreamEvent event) {
        Set<String> before = new java.util.HashSet<>();
        if (cases != null) {
            cases.forEach(c -> before.add(c.number() + "/" + c.type()));
        }
        List<InsolvencyCase> now = new ArrayList<>();
        if (!event.deleted()) {
            Iterable<JsonNode> items = RecordValues.list(event.data(), "cases");
            if (items != null) {
                int index = 0;
                for (JsonNode item : items) {
                    Map<String, String> dates = new LinkedHashMap<>();
                    Iterable<JsonNode> caseDates = RecordValues.list(item, "dates");
                    if (caseDates != null) {
                        for (JsonNode date : caseDates) {
                            String type = RecordValues.text(date, "type");
                            String day = iso(date, "date");
                            if (type != null && day != null) {
                                dates.put(type, day);
                            }
                        }
                    }
                    String number = RecordValues.text(item, "number");
                    now.add(new InsolvencyCase(
                            number == null ? String.valueOf(++index) : number,
                            lower(RecordValues.text(item, "type")),
                            dates));
                }
            }
        }
        cases = List.copyOf(now);
        return now.stream()
                .filter(c -> !before.contains(c.number() + "/" + c.type()))
                .map(ChCompany::started)
                .filter(java.util.Objects::nonNull)
                .max(String::compareTo)
                .map(LocalDate::parse)
                .orElse(null);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static Boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(field + " must be true or false, found '" + value.asString() + "'");
    }

    private static String iso(JsonNode node, String field) {
        LocalDate date = RecordValues.date(node, field);
        return date == null ? null : date.toString();
    }
}
