package eu.vigil.watchlist.web;

import eu.vigil.tenancy.ApiLanguage;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.ApiImports;
import eu.vigil.watchlist.ApiImports.SubmittedEntry;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.EntryFilter;
import eu.vigil.watchlist.EntryPage;
import eu.vigil.watchlist.EntryView;
import eu.vigil.watchlist.ImportReport;
import eu.vigil.watchlist.Relationship;
import eu.vigil.watchlist.Uploader;
import eu.vigil.watchlist.WatchlistException;
import eu.vigil.watchlist.WatchlistManagement;
import eu.vigil.watchlist.WatchlistView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/watchlists")
@Tag(
        name = "Watchlists",
        description = "The tenant's watchlists: create, import entries (CSV, XLSX or JSON), list, edit, move, remove")
@SecurityRequirement(name = "apiKey")
class WatchlistApi {

    private final WatchlistManagement watchlists;
    private final ApiImports imports;
    private final UserManagement users;
    private final ApiLanguage language;

    WatchlistApi(WatchlistManagement watchlists, ApiImports imports, UserManagement users, ApiLanguage language) {
        this.watchlists = watchlists;
        this.imports = imports;
        this.users = users;
        this.language = language;
    }

    record CreateWatchlist(String name) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a watchlist: {\"name\"} answers 201 {\"id\"}")
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateWatchlist body) {
        WatchlistView created = watchlists.create(body == null ? null : body.name());
        return ResponseEntity.created(URI.create("/api/v1/watchlists/" + created.id()))
                .body(Map.of("id", created.id()));
    }

    @GetMapping
    @Operation(summary = "The tenant's watchlists with their entry counts")
    List<WatchlistView> list() {
        return watchlists.watchlists();
    }

    @PostMapping(path = "/{id}/entries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary =
                    "Import a CSV or XLSX (multipart field 'file'): every row answered as accepted, pending, rejected or duplicate, "
                            + "with the company's name and town and the warnings of optional fields left empty. 'country' (a multipart field or "
                            + "query parameter, ISO code such as NL, or 'auto') is the country of numbers written without a prefix; by default the "
                            + "one the number column's header or the numbers themselves point to, else the tenant's country")
    ImportReport importFile(
            @PathVariable UUID id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "country", required = false) String country,
            HttpServletRequest request)
            throws IOException {
        if (file.isEmpty()) {
            throw new WatchlistException("watchlist.error.emptyFile");
        }
        return imports.importFile(id, file.getInputStream(), file.getOriginalFilename(), country, uploader(request));
    }

    @PostMapping(path = "/{id}/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Import a JSON list of numbers, or of objects {number, reference, type, creditLimit, exposure, owner, tags}; "
                            + "query parameter 'country' as for a file")
    ImportReport importJson(@PathVariable UUID id, @RequestBody JsonNode body, HttpServletRequest request) {
        if (body == null || !body.isArray()) {
            throw new WatchlistException("watchlist.error.jsonList");
        }
        List<SubmittedEntry> entries = new ArrayList<>(body.size());
        for (JsonNode item : body) {
            if (item.isObject()) {
                List<String> tags = new ArrayList<>();
                JsonNode tagNode = item.path("tags");
                if (tagNode.isArray()) {
                    tagNode.forEach(t -> tags.add(t.asString("")));
                } else if (!tagNode.isMissingNode() && !tagNode.isNull()) {
                    tags.add(tagNode.asString(""));
                }
                entries.add(new SubmittedEntry(
                        text(item, "number"),
                        text(item, "reference"),
                        text(item, "type"),
                        text(item, "creditLimit"),
                        text(item, "exposure"),
                        text(item, "owner"),
                        tags));
            } else {
                entries.add(
                        new SubmittedEntry(item.isNull() ? "" : item.asString(""), null, null, null, null, null, null));
            }
        }
        return imports.importEntries(id, entries, request.getParameter("country"), uploader(request));
    }

    @GetMapping("/{id}/entries")
    @Operation(
            summary = "The watchlist's entries, paged (page from 1), filterable by light, type, owner, tag, hasAlerts")
    EntryPage entries(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String light,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) Boolean hasAlerts,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean desc) {
        Relationship relationship = type == null || type.isBlank()
                ? null
                : Relationship.parse(type).orElseThrow(() -> new WatchlistException("watchlist.error.type", type));
        return watchlists.entries(
                id, new EntryFilter(light, relationship, owner, tag, hasAlerts, null, sort, desc), page, size);
    }

    /** An entry's data as the API takes it; the owner is a user's email address or name. */
    record EntryBody(
            String reference, String type, String creditLimit, String exposure, String owner, List<String> tags) {}

    @PutMapping(path = "/{id}/entries/{entryId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Replace an entry's data: {reference, type, creditLimit, exposure, owner, tags}; answers the entry")
    EntryView update(@PathVariable UUID id, @PathVariable long entryId, @RequestBody EntryBody body) {
        EntryBody entry = body == null ? new EntryBody(null, null, null, null, null, null) : body;
        Relationship relationship = entry.type() == null || entry.type().isBlank()
                ? Relationship.CUSTOMER
                : Relationship.parse(entry.type())
                        .orElseThrow(() -> new WatchlistException("watchlist.error.type", entry.type()));
        watchlists.update(
                id,
                entryId,
                new EntryData(
                        entry.reference(),
                        relationship,
                        amount(entry.creditLimit()),
                        amount(entry.exposure()),
                        owner(entry.owner()),
                        entry.tags() == null
                                ? List.of()
                                : entry.tags().stream()
                                        .filter(t -> t != null && !t.isBlank())
                                        .map(String::strip)
                                        .distinct()
                                        .toList()));
        return watchlists.entry(id, entryId);
    }

    record MoveBody(UUID watchlist) {}

    @PostMapping(path = "/{id}/entries/{entryId}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Move an entry to another of the tenant's watchlists: {\"watchlist\"}; where that list has the company already, this entry goes")
    ResponseEntity<Void> move(@PathVariable UUID id, @PathVariable long entryId, @RequestBody MoveBody body) {
        if (body == null || body.watchlist() == null) {
            throw new WatchlistException("watchlist.error.moveTarget");
        }
        watchlists.move(id, entryId, body.watchlist());
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    @DeleteMapping("/{id}/entries/{entryId}")
    @Operation(summary = "Remove an entry; the company's history stays")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable long entryId) {
        watchlists.remove(id, entryId);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private Uploader uploader(HttpServletRequest request) {
        Uploader caller = Uploader.current();
        return new Uploader(caller.actor(), caller.userId(), caller.email(), language.of(request));
    }

    private static Amount amount(String text) {
        try {
            return Amount.parse(text).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new WatchlistException("watchlist.error.amount", text);
        }
    }

    private UUID owner(String owner) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        String wanted = owner.strip();
        return users.users().stream()
                .filter(u -> u.email().equalsIgnoreCase(wanted)
                        || (u.displayName() != null && u.displayName().strip().equalsIgnoreCase(wanted)))
                .map(UserView::id)
                .findFirst()
                .orElseThrow(() -> new WatchlistException("watchlist.error.owner"));
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asString("") : value.toString();
    }
}
