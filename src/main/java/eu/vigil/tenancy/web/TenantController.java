package eu.vigil.tenancy.web;

import eu.vigil.shared.Language;
import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.TenancyException;
import eu.vigil.tenancy.TenantManagement;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platform admins create tenants; each tenant's first admin is invited by email. */
@Controller
@RequestMapping("/platform/tenants")
class TenantController {

    private final TenantManagement tenants;

    TenantController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tenants", tenants.tenants());
        model.addAttribute("countries", TenantManagement.COUNTRIES);
        return "tenancy/tenants";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("tenant", tenants.tenant(id).orElseThrow(() -> new NotFoundException("Tenant")));
        return "tenancy/tenant";
    }

    @PostMapping
    String create(@ModelAttribute TenantForm form, RedirectAttributes redirect) {
        try {
            var created = tenants.createTenant(
                    form.name(),
                    Language.fromCode(form.language()).orElse(Language.EN),
                    form.country(),
                    form.adminEmail(),
                    false);
            Errors.notice(redirect, "tenants.created", form.name(), form.adminEmail());
            return "redirect:/platform/tenants/" + created.id();
        } catch (TenancyException e) {
            Errors.flash(redirect, e);
            redirect.addFlashAttribute("form", form);
            return "redirect:/platform/tenants";
        }
    }

    record TenantForm(String name, String adminEmail, String language, String country)
            implements java.io.Serializable {}
}
