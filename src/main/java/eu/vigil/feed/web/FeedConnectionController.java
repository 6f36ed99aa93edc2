package eu.vigil.feed.web;

import eu.vigil.feed.FeedConnectionQueries;
import eu.vigil.feed.FeedConnectionStatus;
import eu.vigil.feed.FeedIngestion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** A source's page for the platform admin: its connection, stream by stream, and its recent runs. */
@Controller
class FeedConnectionController {

    private final FeedConnectionQueries connections;
    private final FeedIngestion ingestion;
    private final MessageSource messages;

    FeedConnectionController(FeedConnectionQueries connections, FeedIngestion ingestion, MessageSource messages) {
        this.connections = connections;
        this.ingestion = ingestion;
        this.messages = messages;
    }

    /** One stream's state with its lag in words of the reader's language. */
    record StreamRow(FeedConnectionStatus status, String lag) {}

    @GetMapping("/platform/feeds/sources/{source}")
    String source(@PathVariable String source, Model model) {
        if (!ingestion.sources().contains(source)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Locale locale = LocaleContextHolder.getLocale();
        Instant now = Instant.now();
        List<StreamRow> streams = connections.connections().stream()
                .filter(c -> c.source().equals(source))
                .map(c -> new StreamRow(
                        c, c.newestItemAt() == null ? null : duration(Duration.between(c.newestItemAt(), now), locale)))
                .toList();
        model.addAttribute("source", source);
        model.addAttribute("streams", streams);
        model.addAttribute(
                "runs",
                ingestion.runs(500).stream()
                        .filter(r -> r.source().equals(source))
                        .limit(20)
                        .toList());
        return "feed/source";
    }

    /** The largest whole unit and the next one: "3 d 4 h", "2 h 5 min", "45 s". */
    private String duration(Duration d, Locale locale) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return messages.getMessage("feeds.duration.seconds", new Object[] {seconds}, locale);
        }
        if (seconds < 3_600) {
            return messages.getMessage("feeds.duration.minutes", new Object[] {seconds / 60}, locale);
        }
        if (seconds < 86_400) {
            return messages.getMessage(
                    "feeds.duration.hours", new Object[] {seconds / 3_600, seconds % 3_600 / 60}, locale);
        }
        return messages.getMessage(
                "feeds.duration.days", new Object[] {seconds / 86_400, seconds % 86_400 / 3_600}, locale);
    }
}
