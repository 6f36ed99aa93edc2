package eu.vigil.tenancy.web;

import eu.vigil.tenancy.TenancyException;
import eu.vigil.tenancy.UserManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages for people who are not signed in: sign-in, invitations and password resets. */
@Controller
class AccountController {

    private final UserManagement users;

    AccountController(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        return "account/login";
    }

    @GetMapping("/password-reset")
    String resetRequestForm() {
        return "account/reset-request";
    }

    @PostMapping("/password-reset")
    String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
        users.requestPasswordReset(email, request.getRemoteAddr());
        return "account/reset-sent";
    }

    @GetMapping("/password-reset/{token}")
    String resetForm(@PathVariable String token, Model model) {
        model.addAttribute("formAction", "/password-reset/" + token);
        return linkPage(users.emailForLink(token, false), model, "account/reset-form");
    }

    @PostMapping("/password-reset/{token}")
    String reset(@PathVariable String token, @ModelAttribute PasswordForm form, Model model) {
        Optional<String> email = users.emailForLink(token, false);
        if (email.isEmpty()) {
            return "account/link-invalid";
        }
        model.addAttribute("formAction", "/password-reset/" + token);
        try {
            form.requireMatch();
            users.resetPassword(token, form.password());
            return "redirect:/login?reset";
        } catch (TenancyException e) {
            Errors.show(model, e);
            return linkPage(email, model, "account/reset-form");
        }
    }

    @GetMapping("/invitation/{token}")
    String invitationForm(@PathVariable String token, Model model) {
        model.addAttribute("formAction", "/invitation/" + token);
        return linkPage(users.emailForLink(token, true), model, "account/invitation");
    }

    @PostMapping("/invitation/{token}")
    String acceptInvitation(@PathVariable String token, @ModelAttribute PasswordForm form, Model model) {
        Optional<String> email = users.emailForLink(token, true);
        if (email.isEmpty()) {
            return "account/link-invalid";
        }
        model.addAttribute("formAction", "/invitation/" + token);
        try {
            form.requireMatch();
            users.acceptInvitation(token, form.password(), form.displayName());
            return "redirect:/login?activated";
        } catch (TenancyException e) {
            Errors.show(model, e);
            model.addAttribute("displayName", form.displayName());
            return linkPage(email, model, "account/invitation");
        }
    }

    private static String linkPage(Optional<String> email, Model model, String view) {
        if (email.isEmpty()) {
            return "account/link-invalid";
        }
        model.addAttribute("email", email.get());
        return view;
    }

    record PasswordForm(String password, String confirm, String displayName) {

        void requireMatch() {
            if (password == null || !password.equals(confirm)) {
                throw new TenancyException("password.error.mismatch");
            }
        }
    }
}
