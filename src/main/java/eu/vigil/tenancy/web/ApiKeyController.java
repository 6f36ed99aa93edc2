package eu.vigil.tenancy.web;

import eu.vigil.tenancy.ApiKeyManagement;
import eu.vigil.tenancy.CreatedApiKey;
import eu.vigil.tenancy.TenancyException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create and revoke API keys; a new key's secret is shown once. */
@Controller
@RequestMapping("/api-keys")
class ApiKeyController {

    private final ApiKeyManagement apiKeys;

    ApiKeyController(ApiKeyManagement apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("keys", apiKeys.keys());
        return "tenancy/api-keys";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
        try {
            CreatedApiKey created = apiKeys.create(name);
            model.addAttribute("created", created);
            model.addAttribute("keys", apiKeys.keys());
            return "tenancy/api-keys";
        } catch (TenancyException e) {
            Errors.flash(redirect, e);
            return "redirect:/api-keys";
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        apiKeys.revoke(id);
        Errors.notice(redirect, "apikeys.revoked");
        return "redirect:/api-keys";
    }
}
