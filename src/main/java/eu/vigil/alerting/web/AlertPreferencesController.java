package eu.vigil.alerting.web;

import static eu.vigil.alerting.web.PortalMessages.back;
import static eu.vigil.alerting.web.PortalMessages.flash;
import static eu.vigil.alerting.web.PortalMessages.notice;

import eu.vigil.alerting.AlertPreferences;
import eu.vigil.alerting.AlertingException;
import eu.vigil.alerting.Silences;
import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.ParseResult;
import eu.vigil.shared.NotFoundException;
import eu.vigil.shared.UserFacingException;
import eu.vigil.tenancy.VigilUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own alert settings: delivery per rule they receive, their silences; and the email's one-click unsubscribe. */
@Controller
class AlertPreferencesController {

    private final AlertPreferences preferences;
    private final Silences silences;

    AlertPreferencesController(AlertPreferences preferences, Silences silences) {
        this.preferences = preferences;
        this.silences = silences;
    }

    @GetMapping("/alerts/preferences")
    String preferences(@AuthenticationPrincipal VigilUser user, Model model) {
        model.addAttribute("preferences", preferences.of(user.userId(), user.email(), user.role()));
        model.addAttribute("silences", silences.running(user.userId()));
        return "alerting/preferences";
    }

    @PostMapping("/alerts/preferences/{ruleId}")
    String choose(
            @PathVariable UUID ruleId,
            @RequestParam(defaultValue = "") String delivery,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        try {
            preferences.choose(ruleId, user.userId(), user.email(), user.role(), delivery);
            notice(redirect, "preferences.saved");
        } catch (UserFacingException e) {
            flash(redirect, e);
        }
        return "redirect:/alerts/preferences";
    }

    /** Mutes a company for the signed-in person until the end of the chosen day, from the company page or an alert. */
    @PostMapping("/alerts/silences")
    String silence(
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String until,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) String back,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        String wanted = country.toUpperCase(Locale.ROOT);
        if (!(CompanyNumbers.parse(number, wanted) instanceof ParseResult.Valid valid)
                || !valid.id().country().equals(wanted)) {
            throw new NotFoundException("Company");
        }
        CompanyId company = valid.id();
        try {
            LocalDate day;
            try {
                day = LocalDate.parse(until.strip());
            } catch (DateTimeParseException e) {
                throw new AlertingException("until", "alerts.error.until");
            }
            silences.silence(
                    user.userId(),
                    company,
                    day.plusDays(1).atStartOfDay(user.zoneId()).toInstant(),
                    reason);
            notice(redirect, "silences.created", company.display(), day);
        } catch (UserFacingException e) {
            flash(redirect, e);
        }
        return "redirect:" + back(back, "/alerts/preferences");
    }

    @PostMapping("/alerts/silences/{id}/remove")
    String unsilence(
            @PathVariable UUID id,
            @RequestParam(required = false) String back,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        silences.remove(id, user.userId());
        notice(redirect, "silences.removed");
        return "redirect:" + back(back, "/alerts/preferences");
    }

    /** The email's link: asks to confirm; works without signing in. */
    @GetMapping("/alerts/unsubscribe/{token}")
    String unsubscribeForm(@PathVariable String token, Model model, HttpServletResponse response) {
        return preferences
                .unsubscription(token)
                .map(found -> {
                    model.addAttribute("unsubscription", found);
                    model.addAttribute("token", token);
                    return "alerting/unsubscribe";
                })
                .orElseGet(() -> invalid(response));
    }

    /** The confirmation, or a mail client's RFC 8058 one-click POST ({@code List-Unsubscribe=One-Click}): no session, no CSRF token. */
    @PostMapping("/alerts/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        return preferences
                .unsubscribe(token)
                .map(done -> {
                    model.addAttribute("unsubscription", done);
                    return "alerting/unsubscribe";
                })
                .orElseGet(() -> invalid(response));
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "alerting/unsubscribe-invalid";
    }
}
