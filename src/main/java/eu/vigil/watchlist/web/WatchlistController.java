package eu.vigil.watchlist.web;

import eu.vigil.shared.UserFacingException;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import eu.vigil.tenancy.VigilUser;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.BrowserImports;
import eu.vigil.watchlist.Column;
import eu.vigil.watchlist.CompanySuggestion;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.EntryFilter;
import eu.vigil.watchlist.EntryView;
import eu.vigil.watchlist.ImportReports;
import eu.vigil.watchlist.ImportStatus;
import eu.vigil.watchlist.RejectedRows;
import eu.vigil.watchlist.Relationship;
import eu.vigil.watchlist.Uploader;
import eu.vigil.watchlist.WatchlistException;
import eu.vigil.watchlist.WatchlistManagement;
import eu.vigil.watchlist.WatchlistView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Watchlists in the portal: the lists, a list's entries, one-by-one edits and uploads with preview, progress and result. */
@Controller
@RequestMapping("/watchlists")
class WatchlistController {

    private static final int PAGE_SIZE = 50;
    private static final int SUGGESTIONS = 8;
    private static final int CHOICES = 20;

    private final WatchlistManagement watchlists;
    private final BrowserImports imports;
    private final ImportReports reports;
    private final RejectedRows rejectedRows;
    private final UserManagement users;
    private final eu.vigil.company.CompanyStatuses statuses;

    WatchlistController(
            WatchlistManagement watchlists,
            BrowserImports imports,
            ImportReports reports,
            RejectedRows rejectedRows,
            UserManagement users,
            eu.vigil.company.CompanyStatuses statuses) {
        this.statuses = statuses;
        this.watchlists = watchlists;
        this.imports = imports;
        this.reports = reports;
        this.rejectedRows = rejectedRows;
        this.users = users;
    }

    /** What a person may type for an entry; parsed here, never bound to an entity. */
    record EntryForm(
            String number, String reference, String type, String creditLimit, String exposure, UUID owner, String tags)
            implements java.io.Serializable {

        EntryForm withNumber(String other) {
            return new EntryForm(other, reference, type, creditLimit, exposure, owner, tags);
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("watchlists", watchlists.watchlists());
        return "watchlist/list";
    }

    /** Where the company search sends a valid number Vigil does not know (or any company): pick a list to watch it on. */
    @GetMapping("/watch")
    String watch(@RequestParam String number, @AuthenticationPrincipal VigilUser user, Model model) {
        requireEditor(user);
        model.addAttribute("number", number);
        model.addAttribute("watchlists", watchlists.watchlists());
        return "watchlist/watch";
    }

    @PostMapping("/watch")
    String watch(
            @RequestParam String number,
            @RequestParam UUID watchlist,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        add(watchlist, new EntryForm(number, null, null, null, null, null, null), user, redirect);
        return "redirect:/watchlists/" + watchlist;
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String name,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireEditor(user);
        try {
            WatchlistView created = watchlists.create(name);
            return "redirect:/watchlists/" + created.id();
        } catch (UserFacingException e) {
            flash(redirect, e);
            return "redirect:/watchlists";
        }
    }

    @GetMapping("/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) String light,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) Boolean alerts,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "added") String sort,
            @RequestParam(defaultValue = "true") boolean desc,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        WatchlistView watchlist = watchlists.watchlist(id);
        EntryFilter filter = filter(light, type, owner, tag, alerts, q, sort, desc);
        model.addAttribute("watchlist", watchlist);
        model.addAttribute("filter", filter);
        var entries = watchlists.entries(id, filter, page, PAGE_SIZE);
        model.addAttribute("page", entries);
        model.addAttribute(
                "statuses",
                statuses.of(entries.entries().stream()
                        .map(EntryView::companyId)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        model.addAttribute("tags", watchlists.tags(id));
        model.addAttribute("people", people());
        model.addAttribute("types", Relationship.values());
        model.addAttribute(
                "others",
                watchlists.watchlists().stream().filter(w -> !w.id().equals(id)).toList());
        model.addAttribute("uploads", reports.recent(id, LocaleContextHolder.getLocale()));
        return "watchlist/show";
    }

    /**
     * Adds one company. Without JavaScript the search box is a plain field: a number in any notation is
     * added, and a name is added when exactly one company Vigil knows matches it; several are offered to pick from.
     */
    @PostMapping("/{id}/entries")
    String add(
            @PathVariable UUID id,
            EntryForm form,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireEditor(user);
        try {
            EntryView added = watchlists.add(id, form.number(), data(form));
            notice(redirect, "watchlist.added", added.country() + " " + added.display());
        } catch (WatchlistException e) {
            List<CompanySuggestion> choices = e.messageKey().startsWith(WatchlistException.INVALID_NUMBER)
                    ? watchlists
                            .suggest(
                                    id,
                                    form.number(),
                                    CHOICES,
                                    LocaleContextHolder.getLocale().getLanguage())
                            .stream()
                            .filter(CompanySuggestion::known)
                            .toList()
                    : List.of();
            if (choices.size() == 1) {
                return add(id, form.withNumber(choices.getFirst().value()), user, redirect);
            }
            if (choices.size() > 1) {
                notice(redirect, "watchlist.pickOne", form.number());
                redirect.addFlashAttribute("choices", choices);
                redirect.addFlashAttribute("addForm", form);
            } else {
                flash(redirect, e);
            }
        } catch (UserFacingException e) {
            flash(redirect, e);
        }
        return "redirect:/watchlists/" + id;
    }

    /** The search box's suggestions as an htmx partial: name, number, town and status of each company. */
    @GetMapping("/{id}/suggestions")
    String suggestions(@PathVariable UUID id, @RequestParam(defaultValue = "") String number, Model model) {
        model.addAttribute("watchlist", watchlists.watchlist(id));
        model.addAttribute("q", number.strip());
        model.addAttribute(
                "suggestions",
                watchlists.suggest(
                        id, number, SUGGESTIONS, LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("hint", watchlists.numberProblem(number).orElse(null));
        return "watchlist/suggestions :: suggestions";
    }

    @GetMapping("/{id}/entries/{entryId}")
    String entry(@PathVariable UUID id, @PathVariable long entryId, Model model) {
        model.addAttribute("watchlist", watchlists.watchlist(id));
        model.addAttribute("entry", watchlists.entry(id, entryId));
        model.addAttribute("people", people());
        model.addAttribute("types", Relationship.values());
        model.addAttribute(
                "others",
                watchlists.watchlists().stream().filter(w -> !w.id().equals(id)).toList());
        return "watchlist/entry";
    }

    @PostMapping("/{id}/entries/{entryId}")
    String update(
            @PathVariable UUID id,
            @PathVariable long entryId,
            EntryForm form,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireEditor(user);
        try {
            watchlists.update(id, entryId, data(form));
            notice(redirect, "watchlist.saved");
            return "redirect:/watchlists/" + id;
        } catch (UserFacingException e) {
            flash(redirect, e);
            return "redirect:/watchlists/" + id + "/entries/" + entryId;
        }
    }

    @PostMapping("/{id}/entries/{entryId}/move")
    String move(
            @PathVariable UUID id,
            @PathVariable long entryId,
            @RequestParam UUID target,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireEditor(user);
        watchlists.move(id, entryId, target);
        notice(redirect, "watchlist.moved");
        return "redirect:/watchlists/" + id;
    }

    @PostMapping("/{id}/entries/{entryId}/remove")
    String remove(
            @PathVariable UUID id,
            @PathVariable long entryId,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireEditor(user);
        watchlists.remove(id, entryId);
        notice(redirect, "watchlist.removed");
        return "redirect:/watchlists/" + id;
    }

    @GetMapping("/{id}/upload")
    String uploadForm(@PathVariable UUID id, Model model) {
        model.addAttribute("watchlist", watchlists.watchlist(id));
        return "watchlist/upload";
    }

    @PostMapping("/{id}/upload")
    String upload(
            @PathVariable UUID id,
            @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect)
            throws IOException {
        requireEditor(user);
        watchlists.watchlist(id);
        if (file.isEmpty()) {
            flash(redirect, new WatchlistException("watchlist.error.emptyFile"));
            return "redirect:/watchlists/" + id + "/upload";
        }
        try {
            UUID importId = imports.prepare(id, file.getInputStream(), file.getOriginalFilename(), Uploader.current());
            return "redirect:/watchlists/" + id + "/imports/" + importId;
        } catch (UserFacingException e) {
            flash(redirect, e);
            return "redirect:/watchlists/" + id + "/upload";
        }
    }

    @GetMapping("/{id}/imports/{importId}")
    String upload(@PathVariable UUID id, @PathVariable UUID importId, Model model) {
        ImportStatus status = reports.status(id, importId, LocaleContextHolder.getLocale());
        model.addAttribute("watchlist", watchlists.watchlist(id));
        model.addAttribute("upload", status);
        if (status.preview()) {
            model.addAttribute(
                    "preview", imports.preview(id, importId, null, null, null, LocaleContextHolder.getLocale()));
            model.addAttribute("columns", Column.values());
        } else {
            result(id, importId, status, model);
        }
        return "watchlist/import";
    }

    @PostMapping("/{id}/imports/{importId}/preview")
    String preview(
            @PathVariable UUID id, @PathVariable UUID importId, @RequestParam Map<String, String> params, Model model) {
        model.addAttribute("watchlist", watchlists.watchlist(id));
        model.addAttribute("upload", reports.status(id, importId, LocaleContextHolder.getLocale()));
        model.addAttribute(
                "preview",
                imports.preview(
                        id,
                        importId,
                        mapping(params),
                        params.containsKey("header"),
                        params.get("country"),
                        LocaleContextHolder.getLocale()));
        model.addAttribute("columns", Column.values());
        return "watchlist/import";
    }

    @PostMapping("/{id}/imports/{importId}/start")
    String start(
            @PathVariable UUID id,
            @PathVariable UUID importId,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireEditor(user);
        try {
            imports.start(
                    id,
                    importId,
                    mapping(params),
                    params.containsKey("header"),
                    params.get("country"),
                    Uploader.current());
        } catch (UserFacingException e) {
            flash(redirect, e);
        }
        return "redirect:/watchlists/" + id + "/imports/" + importId;
    }

    /** The progress block alone, polled by htmx while the upload runs; the whole page once it is done. */
    @GetMapping("/{id}/imports/{importId}/status")
    String status(
            @PathVariable UUID id,
            @PathVariable UUID importId,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        ImportStatus status = reports.status(id, importId, LocaleContextHolder.getLocale());
        model.addAttribute("watchlist", watchlists.watchlist(id));
        model.addAttribute("upload", status);
        if (status.finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "watchlist/import :: progress";
    }

    @GetMapping("/{id}/imports/{importId}/rejected.csv")
    ResponseEntity<byte[]> rejected(@PathVariable UUID id, @PathVariable UUID importId) {
        ImportStatus status = reports.status(id, importId, LocaleContextHolder.getLocale());
        String name = status.fileName().replaceAll("\\.[A-Za-z0-9]+$", "") + "-rejected.csv";
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(rejectedRows
                        .rejectedCsv(id, importId, LocaleContextHolder.getLocale())
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void result(UUID id, UUID importId, ImportStatus status, Model model) {
        if (status.status().equals("DONE")) {
            model.addAttribute("report", reports.report(id, importId, 500, LocaleContextHolder.getLocale()));
            model.addAttribute(
                    "health",
                    reports.healthCheck(
                            id, importId, LocaleContextHolder.getLocale().getLanguage()));
        }
    }

    private static Map<Column, Integer> mapping(Map<String, String> params) {
        Map<Column, Integer> mapping = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            String value = params.get("col-" + column.key());
            if (value != null && !value.isBlank()) {
                try {
                    int index = Integer.parseInt(value);
                    if (index >= 0 && index < 1000) {
                        mapping.put(column, index);
                    }
                } catch (NumberFormatException ignored) {
                    // a column left unmapped
                }
            }
        }
        return mapping;
    }

    static EntryFilter filter(
            String light, String type, UUID owner, String tag, Boolean alerts, String q, String sort, boolean desc) {
        return new EntryFilter(light, Relationship.parse(type).orElse(null), owner, tag, alerts, q, sort, desc);
    }

    private EntryData data(EntryForm form) {
        if (form.owner() != null && !people().containsKey(form.owner())) {
            throw new WatchlistException("watchlist.error.owner");
        }
        Relationship relationship = form.type() == null || form.type().isBlank()
                ? Relationship.CUSTOMER
                : Relationship.parse(form.type())
                        .orElseThrow(() -> new WatchlistException("watchlist.error.type", form.type()));
        return new EntryData(
                form.reference(),
                relationship,
                amount(form.creditLimit()),
                amount(form.exposure()),
                form.owner(),
                eu.vigil.watchlist.internal.RowValidator.tags(form.tags() == null ? "" : form.tags()));
    }

    private static Amount amount(String text) {
        try {
            return Amount.parse(text).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new WatchlistException("watchlist.error.amount", text);
        }
    }

    private Map<UUID, String> people() {
        Map<UUID, String> people = new HashMap<>();
        for (UserView user : users.users()) {
            people.put(
                    user.id(),
                    user.displayName() == null || user.displayName().isBlank() ? user.email() : user.displayName());
        }
        return people;
    }

    private static void requireEditor(VigilUser user) {
        if (user == null || user.role() == Role.VIEWER || user.isPlatformAdmin()) {
            throw new AccessDeniedException("Viewers cannot change watchlists");
        }
    }

    private static void flash(RedirectAttributes redirect, UserFacingException e) {
        redirect.addFlashAttribute("errorKey", e.messageKey());
        redirect.addFlashAttribute("errorArgs", e.args());
    }

    private static void notice(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("noticeKey", key);
        redirect.addFlashAttribute("noticeArgs", args);
    }

    static List<String> sorts() {
        return EntryFilter.SORTS;
    }
}
