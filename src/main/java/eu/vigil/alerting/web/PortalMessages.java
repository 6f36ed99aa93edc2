package eu.vigil.alerting.web;

import eu.vigil.shared.UserFacingException;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.VigilUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the alerting pages share: errors and notices where the layout shows them, who may change alerts, where to go back to. */
final class PortalMessages {

    private PortalMessages() {}

    static void flash(RedirectAttributes redirect, UserFacingException e) {
        redirect.addFlashAttribute("errorKey", e.messageKey());
        redirect.addFlashAttribute("errorArgs", e.args());
    }

    static void show(Model model, UserFacingException e) {
        model.addAttribute("errorKey", e.messageKey());
        model.addAttribute("errorArgs", e.args());
    }

    static void notice(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("noticeKey", key);
        redirect.addFlashAttribute("noticeArgs", args);
    }

    static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    /** Viewers read alerts; acknowledging, assigning and commenting is for the others. */
    static void requireWorker(VigilUser user) {
        if (user == null || user.role() == Role.VIEWER || user.isPlatformAdmin()) {
            throw new AccessDeniedException("Viewers cannot change alerts");
        }
    }

    /** A page of ours to go back to after a form: never another site. */
    static String back(String back, String fallback) {
        if (back != null
                && (back.startsWith("/alerts") || back.startsWith("/companies/"))
                && !back.startsWith("//")
                && !back.contains("\\")
                && back.chars().noneMatch(Character::isISOControl)) {
            return back;
        }
        return fallback;
    }
}
