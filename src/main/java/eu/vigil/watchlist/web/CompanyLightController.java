package eu.vigil.watchlist.web;

import eu.vigil.company.CompanyRegistry;
import eu.vigil.watchlist.WatchedCompanies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The traffic light of a company and its reason, and what the tenant has at stake on it, for the summary card at the top of the company page (an htmx partial). */
@Controller
class CompanyLightController {

    private final CompanyRegistry registry;
    private final WatchedCompanies watched;
    private final eu.vigil.watchlist.WatchlistManagement watchlists;

    CompanyLightController(
            CompanyRegistry registry, WatchedCompanies watched, eu.vigil.watchlist.WatchlistManagement watchlists) {
        this.registry = registry;
        this.watched = watched;
        this.watchlists = watchlists;
    }

    @GetMapping("/companies/{country}/{number}/light")
    String light(@PathVariable String country, @PathVariable String number, Model model) {
        var company = registry.require(country, number);
        model.addAttribute("light", watched.light(company.id()));
        model.addAttribute(
                "stakes",
                eu.vigil.tenancy.TenantContext.current().isPresent()
                        ? watchlists.stakes(company.id())
                        : java.util.List.of());
        return "partials/company-light :: light";
    }
}
