package eu.vigil.alerting.web;

import eu.vigil.alerting.AlertRuleSpec;
import eu.vigil.alerting.AlertRuleView;
import eu.vigil.alerting.AlertRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alert-rules")
@Tag(
        name = "Alert rules",
        description =
                "Which signals on which watched companies alert whom, and how: immediately, in a daily or weekly digest, or in the portal only")
@SecurityRequirement(name = "apiKey")
class AlertRulesApi {

    private final AlertRules rules;

    AlertRulesApi(AlertRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "The tenant's alert rules, the two defaults included")
    List<AlertRuleView> list() {
        return rules.rules();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One alert rule")
    AlertRuleView get(@PathVariable UUID id) {
        return rules.rule(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a rule: {name, match {signals, categories, polarity, minSeverity}, scope {watchlists, "
                    + "relationshipTypes, tags, owners, minExposure}, recipients {roles, users, owner, emails}, delivery {mode, at, weekday}}; "
                    + "empty lists mean any. Answers 201 with the rule, or 400 naming the field at fault")
    ResponseEntity<AlertRuleView> create(@RequestBody AlertRuleSpec body) {
        AlertRuleView created = rules.create(body);
        return ResponseEntity.created(URI.create("/api/v1/alert-rules/" + created.id()))
                .body(created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a rule with the body, checked as on create")
    AlertRuleView update(@PathVariable UUID id, @RequestBody AlertRuleSpec body) {
        return rules.update(id, body);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a rule; its alerts stay")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }
}
