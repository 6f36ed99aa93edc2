package eu.vigil.tenancy.web;

import eu.vigil.tenancy.TenancyException;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Puts a person-fixable error where the page shows it. */
final class Errors {

    private Errors() {}

    static void show(Model model, TenancyException e) {
        model.addAttribute("errorKey", e.messageKey());
        model.addAttribute("errorArgs", e.args());
    }

    static void flash(RedirectAttributes redirect, TenancyException e) {
        redirect.addFlashAttribute("errorKey", e.messageKey());
        redirect.addFlashAttribute("errorArgs", e.args());
    }

    static void notice(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("noticeKey", key);
        redirect.addFlashAttribute("noticeArgs", args);
    }
}
