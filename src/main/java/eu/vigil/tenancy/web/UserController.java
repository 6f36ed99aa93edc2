package eu.vigil.tenancy.web;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenancyException;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.VigilUser;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Tenant admins manage the people of their tenant. */
@Controller
@RequestMapping("/users")
class UserController {

    private final UserManagement users;

    UserController(UserManagement users) {
        this.users = users;
    }

    @ModelAttribute("roles")
    java.util.List<Role> roles() {
        return Role.TENANT_ROLES;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.users());
        return "tenancy/users";
    }

    @PostMapping
    String invite(@ModelAttribute InviteForm form, RedirectAttributes redirect) {
        try {
            users.invite(
                    form.email(),
                    form.role() == null ? Role.VIEWER : form.role(),
                    Language.fromCode(form.language()).orElse(Language.EN));
            Errors.notice(redirect, "users.invited", form.email());
        } catch (TenancyException e) {
            Errors.flash(redirect, e);
            redirect.addFlashAttribute("inviteEmail", form.email());
        }
        return "redirect:/users";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("user", users.user(id));
        return "tenancy/user";
    }

    @PostMapping("/{id}/role")
    String changeRole(@PathVariable UUID id, @RequestParam Role role, RedirectAttributes redirect) {
        return act(id, redirect, "users.roleChanged", () -> users.changeRole(id, role));
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @AuthenticationPrincipal VigilUser me, RedirectAttributes redirect) {
        return act(id, redirect, "users.deactivated", () -> users.deactivate(id, me.userId()));
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "users.reactivated", () -> users.reactivate(id));
    }

    @PostMapping("/{id}/resend")
    String resend(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "users.resent", () -> users.resendInvitation(id));
    }

    private String act(UUID id, RedirectAttributes redirect, String noticeKey, Runnable action) {
        try {
            action.run();
            Errors.notice(redirect, noticeKey);
        } catch (TenancyException e) {
            Errors.flash(redirect, e);
        }
        return "redirect:/users/" + id;
    }

    record InviteForm(String email, Role role, String language) {}
}
