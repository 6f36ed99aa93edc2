package eu.vigil.tenancy.web;

import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.TenancyException;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's own settings, for its admins. */
@Controller
@RequestMapping("/settings")
class SettingsController {

    private final TenantManagement tenants;

    SettingsController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute(
                "tenant", tenants.tenant(TenantContext.require()).orElseThrow(() -> new NotFoundException("Tenant")));
        model.addAttribute("countries", TenantManagement.COUNTRIES);
        return "tenancy/settings";
    }

    @PostMapping
    String save(@RequestParam(required = false) String country, RedirectAttributes redirect) {
        try {
            tenants.changeCountry(country);
            Errors.notice(redirect, "settings.saved");
        } catch (TenancyException e) {
            Errors.flash(redirect, e);
        }
        return "redirect:/settings";
    }
}
