package eu.vigil.feed.web;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.QuarantinedRow;
import eu.vigil.feed.RunView;
import eu.vigil.tenancy.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/admin/feeds")
@Tag(name = "Platform: feeds", description = "Feed extracts and their runs (platform key)")
@SecurityRequirement(name = "apiKey")
class FeedApi {

    private final FeedIngestion ingestion;

    FeedApi(FeedIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping(path = "/{source}/extracts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an extract (multipart field 'file'); answers 202 with the run's id")
    ResponseEntity<Map<String, Object>> upload(
            @PathVariable String source,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean force)
            throws IOException {
        if (!ingestion.sources().contains(source)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of(
                            "status",
                            404,
                            "detail",
                            "Unknown feed source '" + source + "'; known: " + String.join(", ", ingestion.sources())));
        }
        if (file.isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(Map.of("status", 400, "detail", "The multipart field 'file' is empty."));
        }
        RunView run =
                ingestion.submit(source, file.getInputStream(), file.getOriginalFilename(), force, Actors.current());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/feeds/runs/" + run.id()))
                .body(Map.of("id", run.id(), "status", run.status()));
    }

    @GetMapping("/runs")
    @Operation(summary = "The latest runs with their counts")
    List<RunView> runs(@RequestParam(defaultValue = "50") int limit) {
        return ingestion.runs(limit);
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One run: status and counts")
    ResponseEntity<RunView> run(@PathVariable long id) {
        return ingestion
                .run(id)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/runs/{id}/quarantine")
    @Operation(summary = "The rows a run could not take")
    ResponseEntity<List<QuarantinedRow>> quarantine(
            @PathVariable long id, @RequestParam(defaultValue = "1000") int limit) {
        return ingestion
                .run(id)
                .map(run -> ResponseEntity.ok(ingestion.quarantine(id, limit)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
