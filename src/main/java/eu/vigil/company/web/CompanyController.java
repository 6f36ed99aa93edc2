package eu.vigil.company.web;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.ParseResult;
import eu.vigil.company.ReferenceCodes;
import eu.vigil.company.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** Finds a company by its number in any notation and shows what Vigil knows of it, in the reader's language. */
@Controller
class CompanyController {

    private final CompanyRegistry registry;
    private final ReferenceCodes codes;
    private final ObjectMapper json;

    CompanyController(CompanyRegistry registry, ReferenceCodes codes, ObjectMapper json) {
        this.registry = registry;
        this.codes = codes;
        this.json = json;
    }

    @GetMapping("/companies")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        if (q.isBlank()) {
            return "company/search";
        }
        ParseResult parsed = CompanyNumbers.parse(q, null);
        if (parsed instanceof ParseResult.Invalid invalid) {
            model.addAttribute("invalid", invalid);
            model.addAttribute("invalidKey", "companies.invalid." + invalid.reason().name());
            return "company/search";
        }
        CompanyId id = ((ParseResult.Valid) parsed).id();
        if (registry.find(id).isEmpty()) {
            model.addAttribute("unknown", id);
            return "company/search";
        }
        return "redirect:/companies/" + id.country() + "/" + id.number();
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
        return "company/show";
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
