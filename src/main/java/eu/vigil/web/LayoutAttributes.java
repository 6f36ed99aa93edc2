package eu.vigil.web;

import eu.vigil.embedded.CapturedMail;
import eu.vigil.shared.Language;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAttributes {

    private final ObjectProvider<CapturedMail> capturedMail;

    LayoutAttributes(ObjectProvider<CapturedMail> capturedMail) {
        this.capturedMail = capturedMail;
    }

    @ModelAttribute("languages")
    List<Language> languages() {
        return List.of(Language.values());
    }

    @ModelAttribute("mailCaptured")
    boolean mailCaptured() {
        return capturedMail.getIfAvailable() != null;
    }
}
