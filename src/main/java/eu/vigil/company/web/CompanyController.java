package eu.vigil.company.web;

import eu.vigil.company.CompanyDirectory;
import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.CompanyState;
import eu.vigil.company.CompanyStatus;
import eu.vigil.company.CompanyStatuses;
import eu.vigil.company.NameFolding;
import eu.vigil.company.ParseResult;
import eu.vigil.company.ReaderFormats;
import eu.vigil.company.ReferenceCodes;
import eu.vigil.company.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Finds a company by its number in any notation or by name, and shows what Vigil knows of it, in the reader's language. */
@Controller
class CompanyController {

    private final CompanyRegistry registry;
    private final ReferenceCodes codes;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final CompanyStatuses statuses;
    private final CompanyDirectory directory;

    CompanyController(
            CompanyRegistry registry,
            ReferenceCodes codes,
            ObjectMapper json,
            MessageSource messages,
            CompanyStatuses statuses,
            CompanyDirectory directory) {
        this.registry = registry;
        this.codes = codes;
        this.json = json;
        this.messages = messages;
        this.statuses = statuses;
        this.directory = directory;
    }

    /** How many companies a name search lists; a longer list asks for a more precise name. */
    static final int NAME_RESULTS = 50;

    @GetMapping("/companies")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        if (q.isBlank()) {
            return "company/search";
        }
        ParseResult parsed = CompanyNumbers.parse(q, null);
        List<CompanyId> readings = CompanyNumbers.bareReadings(q);
        if (parsed instanceof ParseResult.Invalid invalid && readings.isEmpty()) {
            if (looksLikeAName(q)) {
                return searchByName(q.trim(), model);
            }
            model.addAttribute("invalid", invalid);
            model.addAttribute(
                    "invalidKey", "companies.invalid." + invalid.reason().name());
            return "company/search";
        }
        if (readings.isEmpty()) {
            readings = List.of(((ParseResult.Valid) parsed).id());
        }
        List<CompanyId> known =
                readings.stream().filter(id -> registry.find(id).isPresent()).toList();
        if (known.size() == 1) {
            CompanyId id = known.getFirst();
            return "redirect:/companies/" + id.country() + "/" + id.number();
        }
        if (known.isEmpty()) {
            model.addAttribute("unknown", readings);
            return "company/search";
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        Map<CompanyId, Long> ids = directory.ids(known);
        Map<Long, CompanyStatus> statusOf = statuses.of(ids.values());
        List<Map<String, Object>> matches = new ArrayList<>();
        for (CompanyId id : known) {
            var state = registry.find(id).orElseThrow();
            var identity = state.sections().get(Section.IDENTITY);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("name", identity == null ? null : officialName(json.readTree(identity.json()), language));
            row.put("also", null);
            Long companyId = ids.get(id);
            row.put("status", companyId == null ? null : statusOf.get(companyId));
            matches.add(row);
        }
        model.addAttribute("matches", matches);
        model.addAttribute("more", false);
        model.addAttribute("nameSearch", true);
        model.addAttribute("numberSearch", true);
        return "company/search";
    }

    /** More letters than digits: "Garage 2000" is a name, "BE0403170702" a mistyped number. */
    private static boolean looksLikeAName(String q) {
        long letters = q.codePoints().filter(Character::isLetter).count();
        long digits = q.codePoints().filter(Character::isDigit).count();
        return letters >= 2 && letters > digits;
    }

    private String searchByName(String q, Model model) {
        String language = LocaleContextHolder.getLocale().getLanguage();
        List<CompanyRegistry.NameMatch> found = registry.searchByName(q, NAME_RESULTS + 1);
        if (found.size() == 1) {
            CompanyId id = found.getFirst().id();
            return "redirect:/companies/" + id.country() + "/" + id.number();
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        List<CompanyRegistry.NameMatch> shown = found.subList(0, Math.min(found.size(), NAME_RESULTS));
        Map<CompanyId, Long> ids =
                directory.ids(shown.stream().map(CompanyRegistry.NameMatch::id).toList());
        Map<Long, CompanyStatus> status = statuses.of(ids.values());
        for (var match : shown) {
            JsonNode identity = json.readTree(match.identityJson());
            String name = officialName(identity, language);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", match.id());
            row.put("name", name == null ? matchingName(identity, q) : name);
            row.put("also", name != null && !holdsEveryWord(name, q) ? matchingName(identity, q) : null);
            Long companyId = ids.get(match.id());
            row.put("status", companyId == null ? null : status.get(companyId));
            matches.add(row);
        }
        model.addAttribute("matches", matches);
        model.addAttribute("more", found.size() > NAME_RESULTS);
        model.addAttribute("nameSearch", true);
        return "company/search";
    }

    /** The first of the company's names that holds every word searched for, accents and case folded. */
    private static String matchingName(JsonNode identity, String q) {
        for (JsonNode name : identity.path("names")) {
            if (holdsEveryWord(name.path("value").asString(""), q)) {
                return name.path("value").asString();
            }
        }
        return null;
    }

    private static boolean holdsEveryWord(String name, String q) {
        String folded = NameFolding.fold(name);
        return NameFolding.words(q).stream().allMatch(folded::contains);
    }

    @GetMapping("/companies/{country}/{number}")
    String show(@PathVariable String country, @PathVariable String number, Model model) {
        ParseResult parsed = CompanyNumbers.parse(number, country.toUpperCase(Locale.ROOT));
        if (!(parsed instanceof ParseResult.Valid valid)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var state = registry.find(valid.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String language = LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("company", state.company());
        model.addAttribute("sections", state.sections());
        model.addAttribute("changes", changes(state));
        var identity = state.sections().get(Section.IDENTITY);
        var status = state.sections().get(Section.STATUS);
        JsonNode id = identity == null ? json.createObjectNode() : json.readTree(identity.json());
        JsonNode st = status == null ? json.createObjectNode() : json.readTree(status.json());
        model.addAttribute("name", officialName(id, language));
        model.addAttribute("identity", id);
        model.addAttribute("status", st);
        model.addAttribute("legalForm", describe("JuridicalForm", text(id, "juridicalForm"), language));
        model.addAttribute("situation", situation(st, language));
        model.addAttribute("seat", seat(id, language));
        model.addAttribute("activities", activities(id, language));
        // a company no registry reports on (a bureau's only) has no status to show
        model.addAttribute(
                "companyStatus", state.sections().containsKey(Section.STATUS) ? statuses.of(state.id()) : null);
        model.addAttribute("summary", summary(state.company().country(), id, st, language));
        model.addAttribute(
                "sourceDates",
                state.sections().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                e -> e.getKey(),
                                        e -> ReaderFormats.day(e.getValue().asOf(), LocaleContextHolder.getLocale()),
                                (a, b) -> a, () -> new java.util.EnumMap<>(Section.class))));
        facts(state, model);
        return "company/show";
    }

    /** Accounts, scores with their history, governance and incidents, from the accounts and bureau feeds. */
    private void facts(CompanyState state, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        CompanyFacts facts = new CompanyFacts(json, locale);
        var sections = state.sections();
        model.addAttribute("accounts", facts.accounts(sections.get(Section.ACCOUNTS)));
        model.addAttribute(
                "scores", facts.scores(sections.get(Section.SCORES), sections.get(Section.PAYMENT_BEHAVIOUR)));
        model.addAttribute(
                "scoresAsOf",
                sections.containsKey(Section.SCORES)
                        ? sections.get(Section.SCORES).asOf()
                        : null);
        List<CompanyFacts.ScoreVersion> history = facts.scoreHistory(registry, state);
        model.addAttribute("scoreHistory", history.reversed());
        if (!history.isEmpty()) {
            List<String> labels = history.stream()
                    .map(v -> ReaderFormats.day(v.asOf(), locale))
                    .toList();
            Map<String, String> scoreLines = new LinkedHashMap<>();
            for (String field : List.of("paymentScore", "growthScore", "dissolutionScore", "multiscore")) {
                scoreLines.put(field, messages.getMessage("companies.score." + field, null, locale));
            }
            model.addAttribute("scoreChart", facts.chart(history, scoreLines, labels, BigDecimal.ONE));
            model.addAttribute(
                    "pdChart",
                    facts.chart(
                            history,
                            Map.of("pd", messages.getMessage("companies.score.pdPercent", null, locale)),
                            labels,
                            BigDecimal.valueOf(100)));
            model.addAttribute(
                    "limitChart",
                    facts.chart(
                            history,
                            Map.of("creditLimit", messages.getMessage("companies.score.creditLimit", null, locale)),
                            labels,
                            BigDecimal.ONE));
        }
        model.addAttribute(
                "governance",
                facts.governance(
                        sections.get(Section.GOVERNANCE),
                        registry,
                        role -> messages.getMessage("change.role." + role, null, role, locale)));
        model.addAttribute(
                "incidents",
                facts.incidents(sections.get(Section.LEGAL_EVENTS), sections.get(Section.PAYMENT_BEHAVIOUR)));
        model.addAttribute(
                "hasIncidentSources",
                sections.containsKey(Section.LEGAL_EVENTS) || sections.containsKey(Section.PAYMENT_BEHAVIOUR));
    }

    /** A change of a section, dated by the source's date of the version that made it, newest first. */
    record ChangeRow(java.time.LocalDate date, Section section, String source) {}

    private List<ChangeRow> changes(CompanyState state) {
        List<ChangeRow> rows = new ArrayList<>();
        Map<Section, java.time.LocalDate> newer = new java.util.EnumMap<>(Section.class);
        Map<Section, String> newerSource = new java.util.EnumMap<>(Section.class);
        state.sections().forEach((section, stored) -> {
            newer.put(section, stored.asOf());
            newerSource.put(section, stored.source());
        });
        // newest replacement first: each replaced version was replaced by the one after it, dated by that one's as-of
        List<eu.vigil.company.SectionChange> changes = new ArrayList<>(registry.changes(state.id(), 50));
        changes.sort(java.util.Comparator.comparing(eu.vigil.company.SectionChange::previousAsOf)
                .reversed());
        for (var change : changes) {
            java.time.LocalDate date = newer.getOrDefault(change.section(), change.previousAsOf());
            rows.add(new ChangeRow(
                    date, change.section(), newerSource.getOrDefault(change.section(), change.previousSource())));
            newer.put(change.section(), change.previousAsOf());
            newerSource.put(change.section(), change.previousSource());
        }
        rows.sort(java.util.Comparator.comparing(ChangeRow::date).reversed());
        return rows;
    }

    /**
     * The summary card's facts, whichever registry filled the identity: legal form, the address of the seat in one
     * line, the main activity, the start date and the age in years.
     */
    private Map<String, String> summary(String country, JsonNode identity, JsonNode status, String language) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> summary = new LinkedHashMap<>();
        for (String key : List.of("legalForm", "address", "activity", "startDate", "age")) {
            summary.put(key, null);
        }
        JsonNode profile = identity.path("profile");
        String legalForm = text(identity, "juridicalForm");
        summary.put(
                "legalForm",
                legalForm != null
                        ? codes.describe("kbo", "JuridicalForm", legalForm, language)
                                .orElse(legalForm)
                        : profile.isObject() && profile.hasNonNull("type")
                                ? messages.getMessage(
                                        "companies.chType."
                                                + profile.path("type").asString(),
                                        null,
                                        profile.path("type").asString(),
                                        locale)
                                : null);
        Map<String, String> seat = seat(identity, language);
        if (seat != null) {
            summary.put(
                    "address",
                    String.join(
                            ", ",
                            java.util.stream.Stream.of(seat.get("street"), seat.get("city"), seat.get("country"))
                                    .filter(v -> v != null && !v.isBlank())
                                    .toList()));
        } else if (profile.path("office").isObject()) {
            JsonNode office = profile.path("office");
            summary.put(
                    "address",
                    String.join(
                            ", ",
                            java.util.stream.Stream.of("line1", "line2", "locality", "postalCode", "country")
                                    .map(f -> office.path(f).asString(""))
                                    .filter(v -> !v.isBlank())
                                    .toList()));
        } else if (identity.hasNonNull("city")) {
            summary.put(
                    "address",
                    (identity.path("postcode").asString("") + " "
                                    + identity.path("city").asString(""))
                            .trim());
        }
        String activity = null;
        for (JsonNode a : identity.path("activities")) {
            if ("MAIN".equals(a.path(3).asString("")) && activity == null) {
                String code = a.path(2).asString("");
                activity = code + " "
                        + codes.describe("kbo", "Nace" + a.path(1).asString(""), code, language)
                                .orElse("");
            }
        }
        if (activity == null && profile.path("sicCodes").size() > 0) {
            activity = "SIC " + profile.path("sicCodes").path(0).asString();
        }
        summary.put("activity", activity == null ? null : activity.trim());
        String started = identity.hasNonNull("startDate")
                ? identity.path("startDate").asString()
                : profile.path("createdOn").asString(null);
        java.time.LocalDate start = ReaderFormats.parseDay(started);
        if (start != null) {
            summary.put("startDate", ReaderFormats.day(start, locale));
            summary.put(
                    "age",
                    String.valueOf(java.time.Period.between(start, java.time.LocalDate.now())
                            .getYears()));
        }
        return summary;
    }

    /** The juridical situation as the registry states it: KBO's code described, or Companies House's status in words. */
    private String situation(JsonNode status, String language) {
        String code = text(status, "juridicalSituation");
        if (code == null) {
            return null;
        }
        if (code.length() == 3 && Character.isDigit(code.charAt(0))) {
            String own = messages.getMessage("change.situation." + code, null, null, LocaleContextHolder.getLocale());
            if (own != null && !(language.equals("fr") || language.equals("nl"))) {
                return own;
            }
            return codes.describe("kbo", "JuridicalSituation", code, language).orElse(own == null ? code : own);
        }
        return messages.getMessage("change.ch." + code, null, code, LocaleContextHolder.getLocale());
    }

    private String describe(String category, String code, String language) {
        if (code == null) {
            return null;
        }
        return codes.describe("kbo", category, code, language).orElse(code);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The legal name (type 001) in the reader's language where KBO has it, else the first one. */
    private static String officialName(JsonNode identity, String language) {
        String kboLanguage = switch (language) {
            case "fr" -> "1";
            case "nl" -> "2";
            default -> "4";
        };
        String first = null;
        for (JsonNode name : identity.path("names")) {
            if ("001".equals(name.path("type").asString())) {
                if (first == null) {
                    first = name.path("value").asString();
                }
                if (kboLanguage.equals(name.path("language").asString())) {
                    return name.path("value").asString();
                }
            }
        }
        return first;
    }

    private static Map<String, String> seat(JsonNode identity, String language) {
        for (JsonNode address : identity.path("addresses")) {
            if ("REGO".equals(address.path("type").asString())) {
                boolean dutch = "nl".equals(language);
                Map<String, String> seat = new LinkedHashMap<>();
                seat.put(
                        "street",
                        (pick(address, dutch ? "streetNL" : "streetFR", dutch ? "streetFR" : "streetNL") + " "
                                        + address.path("houseNumber").asString("")
                                        + (address.path("box").asString("").isEmpty()
                                                ? ""
                                                : " bus " + address.path("box").asString()))
                                .trim());
                seat.put(
                        "city",
                        (address.path("zipcode").asString("") + " "
                                        + pick(
                                                address,
                                                dutch ? "municipalityNL" : "municipalityFR",
                                                dutch ? "municipalityFR" : "municipalityNL"))
                                .trim());
                seat.put(
                        "country", pick(address, dutch ? "countryNL" : "countryFR", dutch ? "countryFR" : "countryNL"));
                seat.put("struckOffOn", address.path("struckOffOn").asString(""));
                return seat;
            }
        }
        return null;
    }

    private static String pick(JsonNode node, String first, String second) {
        String value = node.path(first).asString("");
        return value.isEmpty() ? node.path(second).asString("") : value;
    }

    private List<Map<String, String>> activities(JsonNode identity, String language) {
        List<Map<String, String>> result = new ArrayList<>();
        for (JsonNode activity : identity.path("activities")) {
            // stored as the tuple [group, naceVersion, naceCode, classification]
            String version = activity.path(1).asString("");
            String code = activity.path(2).asString("");
            Map<String, String> row = new LinkedHashMap<>();
            row.put("code", code);
            row.put("version", version);
            String classification = activity.path(3).asString("");
            row.put(
                    "classification",
                    codes.describe("kbo", "Classification", classification, language)
                            .orElse(classification));
            row.put("group", describe("ActivityGroup", activity.path(0).asString(""), language));
            row.put(
                    "description",
                    codes.describe("kbo", "Nace" + version, code, language).orElse(""));
            result.add(row);
        }
        return result;
    }
}
