package eu.vigil.embedded.web;

import eu.vigil.embedded.CapturedMail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** Lets a platform admin read what the in-process SMTP server captured; absent (404) when real SMTP is configured. */
@Controller
@RequestMapping("/platform/mail")
class CapturedMailController {

    private final ObjectProvider<CapturedMail> capturedMail;

    CapturedMailController(ObjectProvider<CapturedMail> capturedMail) {
        this.capturedMail = capturedMail;
    }

    private CapturedMail mail() {
        CapturedMail mail = capturedMail.getIfAvailable();
        if (mail == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return mail;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("messages", mail().messages());
        return "embedded/mail-list";
    }

    @GetMapping("/{index}")
    String show(@PathVariable int index, Model model) {
        model.addAttribute(
                "message", mail().message(index).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "embedded/mail-show";
    }

    @GetMapping("/{index}/html")
    ResponseEntity<String> html(@PathVariable int index) {
        var message = mail().message(index).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .header(
                        "Content-Security-Policy",
                        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(message.html());
    }
}
