package eu.vigil.company.web;

import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.CompanyState;
import eu.vigil.company.CompanyStatus;
import eu.vigil.company.CompanyStatuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final CompanyStatuses statuses;

    CompanyApi(CompanyRegistry registry, ObjectMapper json, CompanyStatuses statuses) {
        this.registry = registry;
        this.json = json;
        this.statuses = statuses;
    }

    @GetMapping("/api/v1/companies/{country}/{number}")
    @Operation(summary = "A company's current state, section by section; the number in any usual notation")
    Map<String, Object> company(@PathVariable String country, @PathVariable String number) {
        return body(registry.require(country, number));
    }

    private Map<String, Object> body(CompanyState state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", state.company().country());
        body.put("number", state.company().number());
        body.put("display", state.company().display());
        body.put("vatNumber", state.company().vatNumber());
        CompanyStatus status = statuses.of(java.util.List.of(state.id())).get(state.id());
        Map<String, Object> statusBody = null;
        if (status != null) {
            statusBody = new LinkedHashMap<>();
            statusBody.put("kind", status.kind().key());
            statusBody.put(
                    "since", status.since() == null ? null : status.since().toString());
            statusBody.put("light", status.light());
        }
        body.put("status", statusBody);
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
        body.put(
                "changes",
                registry.changes(state.id(), 50).stream()
                        .map(change -> Map.of(
                                "section", change.section().key(),
                                "changedAt", change.changedAt().toString(),
                                "changedByRun", change.changedByRun(),
                                "previousExtract", change.previousExtract(),
                                "previousAsOf", change.previousAsOf().toString()))
                        .toList());
        return body;
    }
}
