package eu.vigil.tenancy.web;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.TenancyException;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.VigilUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own name, language, time zone and password. */
@Controller
@RequestMapping("/profile")
class ProfileController {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList();

    private final UserManagement users;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    ProfileController(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    String show(@AuthenticationPrincipal VigilUser me, Model model) {
        model.addAttribute("profile", users.user(me.userId()));
        model.addAttribute("zones", ZONES);
        return "tenancy/profile";
    }

    @PostMapping
    String update(
            @AuthenticationPrincipal VigilUser me, @ModelAttribute ProfileForm form, RedirectAttributes redirect) {
        try {
            users.updateProfile(
                    me.userId(),
                    form.displayName(),
                    Language.fromCode(form.language()).orElse(me.language()),
                    form.timeZone());
            Errors.notice(redirect, "profile.saved");
        } catch (TenancyException e) {
            Errors.flash(redirect, e);
        }
        return "redirect:/profile";
    }

    @PostMapping("/password")
    String changePassword(
            @AuthenticationPrincipal VigilUser me,
            @ModelAttribute PasswordChangeForm form,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            if (form.newPassword() == null || !form.newPassword().equals(form.confirm())) {
                throw new TenancyException("password.error.mismatch");
            }
            users.changePassword(me.userId(), form.currentPassword(), form.newPassword());
            users.currentState(me.userId()).ifPresent(fresh -> keepThisSession(fresh, request, response));
            Errors.notice(redirect, "profile.passwordChanged");
        } catch (TenancyException e) {
            Errors.flash(redirect, e);
        }
        return "redirect:/profile";
    }

    /** The change ended every session under the old password; this one carries on under the new one, with a new id. */
    private void keepThisSession(VigilUser fresh, HttpServletRequest request, HttpServletResponse response) {
        Authentication old = SecurityContextHolder.getContext().getAuthentication();
        var renewed = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        renewed.setDetails(old == null ? null : old.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contextRepository.saveContext(context, request, response);
    }

    record ProfileForm(String displayName, String language, String timeZone) {}

    record PasswordChangeForm(String currentPassword, String newPassword, String confirm) {}
}
