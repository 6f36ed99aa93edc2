package eu.vigil.feed.web;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.tenancy.Actors;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platform admins upload extracts and follow their runs. */
@Controller
@RequestMapping("/platform/feeds")
class FeedController {

    private final FeedIngestion ingestion;

    FeedController(FeedIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @GetMapping
    String runs(Model model) {
        model.addAttribute("runs", ingestion.runs(100));
        model.addAttribute("sources", sources());
        return "feed/runs";
    }

    /** The registry first (the form's default), then the others by name. */
    private List<String> sources() {
        return ingestion.sources().stream()
                .sorted(Comparator.comparing((String s) -> !s.equals("kbo")).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    @PostMapping
    String upload(
            @RequestParam String source,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean force,
            RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty() || !ingestion.sources().contains(source)) {
            redirect.addFlashAttribute("errorKey", "feeds.error.file");
            return "redirect:/platform/feeds";
        }
        var run = ingestion.submit(source, file.getInputStream(), file.getOriginalFilename(), force, Actors.current());
        return "redirect:/platform/feeds/runs/" + run.id();
    }

    @GetMapping("/runs/{id}")
    String run(@PathVariable long id, Model model) {
        model.addAttribute(
                "run", ingestion.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("quarantine", ingestion.quarantine(id, 500));
        return "feed/run";
    }

    /** The run's status block alone, polled by htmx while the run is under way. */
    @GetMapping("/runs/{id}/status")
    String status(@PathVariable long id, Model model) {
        model.addAttribute(
                "run", ingestion.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("quarantine", ingestion.quarantine(id, 500));
        return "feed/run :: status";
    }
}
