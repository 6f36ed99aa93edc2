package eu.vigil.watchlist.web;

import eu.vigil.company.CompanyRegistry;
import eu.vigil.watchlist.WatchedCompanies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The traffic light of a company and its reason, for the summary card at the top of the company page (an htmx partial). */
@Controller
class CompanyLightController {

    private final CompanyRegistry registry;
    private final WatchedCompanies watched;

    CompanyLightController(CompanyRegistry registry, WatchedCompanies watched) {
        this.registry = registry;
        this.watched = watched;
    }

    @GetMapping("/companies/{country}/{number}/light")
    String light(@PathVariable String country, @PathVariable String number, Model model) {
        var company = registry.require(country, number);
        model.addAttribute("light", watched.light(company.id()));
        return "partials/company-light :: light";
    }
}
