package eu.vigil.alerting.web;

import static eu.vigil.alerting.web.PortalMessages.notice;

import eu.vigil.alerting.DeadLetters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Tenant admins: the alert emails that gave up, and sending one again. */
@Controller
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/alerts/dead-letters")
    String list(Model model) {
        model.addAttribute("letters", deadLetters.list());
        return "alerting/dead-letters";
    }

    @PostMapping("/alerts/dead-letters/{id}/resend")
    String resend(@PathVariable long id, RedirectAttributes redirect) {
        deadLetters.resend(id);
        notice(redirect, "deadLetters.resent");
        return "redirect:/alerts/dead-letters";
    }
}
