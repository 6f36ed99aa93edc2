package eu.vigil.company.web;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.CompanyState;
import eu.vigil.company.NameFolding;
import eu.vigil.company.ParseResult;
import eu.vigil.company.ReferenceCodes;
import eu.vigil.company.Section;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

    CompanyController(CompanyRegistry registry, ReferenceCodes codes, ObjectMapper json, MessageSource messages) {
        this.registry = registry;
        this.codes = codes;
        this.json = json;
        this.messages = messages;
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
        List<CompanyId> readings = bareReadings(q);
        if (parsed instanceof ParseResult.Invalid invalid && readings.isEmpty()) {
            if (looksLikeAName(q)) {
                return searchByName(q.trim(), model);
            }
            model.addAttribute("invalid", invalid);
            model.addAttribute("invalidKey", "companies.invalid." + invalid.reason().name());
            return "company/search";
        }
        if (readings.isEmpty()) {
            readings = List.of(((ParseResult.Valid) parsed).id());
        }
        List<CompanyId> known = readings.stream().filter(id -> registry.find(id).isPresent()).toList();
        if (known.size() == 1) {
            CompanyId id = known.getFirst();
            return "redirect:/companies/" + id.country() + "/" + id.number();
        }
        if (known.isEmpty()) {
            model.addAttribute("unknown", readings);
            return "company/search";
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        List<Map<String, Object>> matches = new ArrayList<>();
        for (CompanyId id : known) {
            var state = registry.find(id).orElseThrow();
            var identity = state.sections().get(Section.IDENTITY);
            var status = state.sections().get(Section.STATUS);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("name", identity == null ? null : officialName(json.readTree(identity.json()), language));
            row.put("also", null);
            row.put("active", status == null ? null : json.readTree(status.json()).path("active").asBoolean(true));
            matches.add(row);
        }
        model.addAttribute("matches", matches);
        model.addAttribute("more", false);
        model.addAttribute("nameSearch", true);
        model.addAttribute("numberSearch", true);
        return "company/search";
    }

    /**
     * A number typed without a country prefix, read in every country whose format and check digits it fits
     * ({@code 12345678}: a Dutch KvK and a British company number); empty for anything else.
     */
    private static List<CompanyId> bareReadings(String q) {
        String compact = q.strip();
        if (compact.isEmpty() || !Character.isDigit(compact.charAt(0)) || compact.chars().anyMatch(Character::isLetter)) {
            return List.of();
        }
        List<CompanyId> readings = new ArrayList<>();
        for (String country : List.of("BE", "FR", "IT", "NL", "DE", "LU", "GB")) {
            if (CompanyNumbers.parse(q, country) instanceof ParseResult.Valid valid && !readings.contains(valid.id())
                    && valid.id().country().equals(country)) {
                readings.add(valid.id());
            }
        }
        if (readings.isEmpty() && CompanyNumbers.parse(q, null) instanceof ParseResult.Valid valid) {
            readings.add(valid.id());
        }
        return readings;
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
        for (var match : found.subList(0, Math.min(found.size(), NAME_RESULTS))) {
            JsonNode identity = json.readTree(match.identityJson());
            String name = officialName(identity, language);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", match.id());
            row.put("name", name == null ? matchingName(identity, q) : name);
            row.put("also", name != null && !holdsEveryWord(name, q) ? matchingName(identity, q) : null);
            row.put("active", match.active());
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
        model.addAttribute("changes", registry.changes(state.id(), 50));
        var identity = state.sections().get(Section.IDENTITY);
        var status = state.sections().get(Section.STATUS);
        JsonNode id = identity == null ? json.createObjectNode() : json.readTree(identity.json());
        JsonNode st = status == null ? json.createObjectNode() : json.readTree(status.json());
        model.addAttribute("name", officialName(id, language));
        model.addAttribute("identity", id);
        model.addAttribute("status", st);
        model.addAttribute("legalForm", describe("JuridicalForm", text(id, "juridicalForm"), language));
        model.addAttribute("situation", describe("JuridicalSituation", text(st, "juridicalSituation"), language));
        model.addAttribute("seat", seat(id, language));
        model.addAttribute("activities", activities(id, language));
        facts(state, model);
        return "company/show";
    }

    /** Accounts, scores with their history, governance and incidents, from the accounts and bureau feeds. */
    private void facts(CompanyState state, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        CompanyFacts facts = new CompanyFacts(json, locale);
        var sections = state.sections();
        model.addAttribute("accounts", facts.accounts(sections.get(Section.ACCOUNTS)));
        model.addAttribute("scores", facts.scores(sections.get(Section.SCORES), sections.get(Section.PAYMENT_BEHAVIOUR)));
        model.addAttribute("scoresAsOf", sections.containsKey(Section.SCORES) ? sections.get(Section.SCORES).asOf() : null);
        List<CompanyFacts.ScoreVersion> history = facts.scoreHistory(registry, state);
        model.addAttribute("scoreHistory", history.reversed());
        if (!history.isEmpty()) {
            var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
            List<String> labels = history.stream().map(v -> dates.format(v.asOf())).toList();
            Map<String, String> scoreLines = new LinkedHashMap<>();
            for (String field : List.of("paymentScore", "growthScore", "dissolutionScore", "multiscore")) {
                scoreLines.put(field, messages.getMessage("companies.score." + field, null, locale));
            }
            model.addAttribute("scoreChart", facts.chart(history, scoreLines, labels, BigDecimal.ONE));
            model.addAttribute("pdChart", facts.chart(history,
                    Map.of("pd", messages.getMessage("companies.score.pdPercent", null, locale)), labels, BigDecimal.valueOf(100)));
            model.addAttribute("limitChart", facts.chart(history,
                    Map.of("creditLimit", messages.getMessage("companies.score.creditLimit", null, locale)), labels, BigDecimal.ONE));
        }
        model.addAttribute("governance", facts.governance(sections.get(Section.GOVERNANCE), registry));
        model.addAttribute("incidents", facts.incidents(sections.get(Section.LEGAL_EVENTS), sections.get(Section.PAYMENT_BEHAVIOUR)));
        model.addAttribute("hasIncidentSources", sections.containsKey(Section.LEGAL_EVENTS) || sections.containsKey(Section.PAYMENT_BEHAVIOUR));
    }

    private String describe(String category, String code, String language) {
        if (code == null) {
            return null;
        }
        return codes.describe("kbo", category, code, language).map(d -> d + " (" + code + ")").orElse(code);
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
                seat.put("street", (pick(address, dutch ? "streetNL" : "streetFR", dutch ? "streetFR" : "streetNL") + " "
                        + address.path("houseNumber").asString("") + (address.path("box").asString("").isEmpty() ? "" : " bus " + address.path("box").asString())).trim());
                seat.put("city", (address.path("zipcode").asString("") + " "
                        + pick(address, dutch ? "municipalityNL" : "municipalityFR", dutch ? "municipalityFR" : "municipalityNL")).trim());
                seat.put("country", pick(address, dutch ? "countryNL" : "countryFR", dutch ? "countryFR" : "countryNL"));
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
            row.put("classification", activity.path(3).asString(""));
            row.put("group", describe("ActivityGroup", activity.path(0).asString(""), language));
            row.put("description", codes.describe("kbo", "Nace" + version, code, language).orElse(""));
            result.add(row);
        }
        return result;
    }
}
