package eu.vigil.company.web;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.CompanyState;
import eu.vigil.company.ParseResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@Tag(name = "Companies", description = "The state Vigil keeps of every company its feeds report")
@SecurityRequirement(name = "apiKey")
class CompanyApi {

    private final CompanyRegistry registry;
    private final ObjectMapper json;

    CompanyApi(CompanyRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @GetMapping("/api/v1/companies/{country}/{number}")
    @Operation(summary = "A company's current state, section by section; the number in any usual notation")
    ResponseEntity<Map<String, Object>> company(@PathVariable String country, @PathVariable String number) {
        ParseResult parsed = CompanyNumbers.parse(number, country.toUpperCase(java.util.Locale.ROOT));
        if (!(parsed instanceof ParseResult.Valid valid) || !valid.id().country().equalsIgnoreCase(country)) {
            String reason = parsed instanceof ParseResult.Invalid invalid ? invalid.detail() : "the number belongs to another country";
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem(HttpStatus.BAD_REQUEST,
                    "'" + number + "' is not a valid " + country.toUpperCase(java.util.Locale.ROOT) + " company number: " + reason));
        }
        return registry.find(valid.id())
                .map(state -> ResponseEntity.ok(body(state)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND,
                        "Vigil knows no company " + valid.id().display() + " in " + valid.id().country())));
    }

    private Map<String, Object> body(CompanyState state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", state.company().country());
        body.put("number", state.company().number());
        body.put("display", state.company().display());
        body.put("vatNumber", state.company().vatNumber());
        Map<String, Object> sections = new LinkedHashMap<>();
        state.sections().forEach((section, stored) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", stored.source());
            entry.put("extract", stored.extract());
            entry.put("asOf", stored.asOf().toString());
            entry.put("updatedAt", stored.updatedAt().toString());
            entry.put("data", json.readTree(stored.json()));
            sections.put(section.key(), entry);
        });
        body.put("sections", sections);
        body.put("changes", registry.changes(state.id(), 50).stream().map(change -> Map.of(
                "section", change.section().key(),
                "changedAt", change.changedAt().toString(),
                "changedByRun", change.changedByRun(),
                "previousExtract", change.previousExtract(),
                "previousAsOf", change.previousAsOf().toString())).toList());
        return body;
    }

    private static Map<String, Object> problem(HttpStatus status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        return problem;
    }
}
