package eu.vigil.alerting.web;

import eu.vigil.alerting.AlertPage;
import eu.vigil.alerting.AlertView;
import eu.vigil.alerting.Alerts;
import eu.vigil.tenancy.ApiLanguage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "The tenant's alerts, oldest first after a cursor, and their acknowledgement")
@SecurityRequirement(name = "apiKey")
class AlertsApi {

    private final Alerts alerts;
    private final ApiLanguage language;

    AlertsApi(Alerts alerts, ApiLanguage language) {
        this.alerts = alerts;
        this.language = language;
    }

    @GetMapping
    @Operation(
            summary =
                    "Alerts created after the cursor 'since' (none: from the first), oldest first, at most 'limit' (1-500); "
                            + "'next' is the cursor to ask with next time; 'label' in the first of Vigil's languages in Accept-Language, "
                            + "else the tenant's")
    AlertPage list(
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "100") int limit,
            HttpServletRequest request) {
        return alerts.after(since, limit, language.of(request).code());
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge an alert (a new one becomes acknowledged; otherwise it stays as it is)")
    AlertView acknowledge(@PathVariable long id, HttpServletRequest request) {
        return alerts.acknowledge(id, language.of(request).code());
    }
}
