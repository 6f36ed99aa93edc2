package eu.vigil.receivables.web;

import eu.vigil.company.CompanyRegistry;
import eu.vigil.receivables.CustomerScore;
import eu.vigil.receivables.LedgerColumn;
import eu.vigil.receivables.LoadMode;
import eu.vigil.receivables.LoadReport;
import eu.vigil.receivables.ReceivableUploads;
import eu.vigil.receivables.ReceivablesQueries;
import eu.vigil.receivables.Scorecards;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEvents;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenancyException;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.VigilUser;
import eu.vigil.watchlist.Uploader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The receivables pages: the tenant's customers and their figures, items to fix, uploads, a company's section. */
@Controller
class ReceivablesController {

    private final ReceivablesQueries queries;
    private final ReceivableUploads uploads;
    private final CompanyRegistry registry;
    private final SignalEvents events;
    private final SignalCatalogue catalogue;
    private final Scorecards scorecards;

    ReceivablesController(
            ReceivablesQueries queries,
            ReceivableUploads uploads,
            CompanyRegistry registry,
            SignalEvents events,
            SignalCatalogue catalogue,
            Scorecards scorecards) {
        this.scorecards = scorecards;
        this.queries = queries;
        this.uploads = uploads;
        this.registry = registry;
        this.events = events;
        this.catalogue = catalogue;
    }

    @GetMapping("/receivables")
    String page(Model model) {
        model.addAttribute("totals", queries.totals());
        model.addAttribute("rates", queries.rates());
        model.addAttribute("customers", queries.customers());
        model.addAttribute("toFix", queries.unknownCustomerItems(500));
        return "receivables/index";
    }

    @GetMapping("/receivables/upload")
    String uploadForm(@AuthenticationPrincipal VigilUser user) {
        requireEditor(user);
        return "receivables/upload";
    }

    @PostMapping("/receivables/upload")
    String upload(
            @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect)
            throws IOException {
        requireEditor(user);
        try {
            UUID id = uploads.keep(
                    file.getOriginalFilename(),
                    file.getBytes(),
                    Uploader.current().actor());
            return "redirect:/receivables/uploads/" + id;
        } catch (TenancyException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            return "redirect:/receivables/upload";
        }
    }

    @GetMapping("/receivables/uploads/{id}")
    String preview(@PathVariable UUID id, @AuthenticationPrincipal VigilUser user, Model model) {
        requireEditor(user);
        return preview(id, null, "SNAPSHOT", LocalDate.now().toString(), model);
    }

    @PostMapping("/receivables/uploads/{id}/preview")
    String refresh(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal VigilUser user,
            Model model) {
        requireEditor(user);
        return preview(id, mapping(form), form.get("mode"), form.get("asOf"), model);
    }

    @PostMapping("/receivables/uploads/{id}/load")
    String load(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal VigilUser user,
            Model model) {
        requireEditor(user);
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(form.getOrDefault("asOf", ""));
        } catch (DateTimeParseException e) {
            model.addAttribute("errorKey", "receivables.error.asOf");
            model.addAttribute("errorArgs", new Object[] {form.getOrDefault("asOf", "")});
            return preview(id, mapping(form), form.get("mode"), LocalDate.now().toString(), model);
        }
        LoadMode mode = "DELTA".equals(form.get("mode")) ? LoadMode.DELTA : LoadMode.SNAPSHOT;
        LoadReport report =
                uploads.load(id, mapping(form), mode, asOf, Uploader.current().actor());
        model.addAttribute("report", report);
        return "receivables/report";
    }

    /** The company page's receivables section (an htmx partial): the tenant's customers on this company. */
    @GetMapping("/companies/{country}/{number}/receivables")
    String company(@PathVariable String country, @PathVariable String number, Model model) {
        var company = registry.require(country, number);
        var customers = queries.ofCompany(company.id());
        model.addAttribute("customers", customers);
        model.addAttribute("company", company);
        Map<String, CustomerScore> scores = new java.util.HashMap<>();
        Map<String, List<CustomerScore.Change>> changes = new java.util.HashMap<>();
        for (var c : customers) {
            queries.score(c.customerKey()).ifPresent(s -> scores.put(c.customerKey(), s));
            changes.put(c.customerKey(), queries.scoreChanges(c.customerKey(), 10));
        }
        model.addAttribute("scores", scores);
        model.addAttribute("alertPoints", scorecards.current().alertPoints());
        model.addAttribute("changes", changes);
        model.addAttribute(
                "items",
                customers.stream()
                        .flatMap(c -> queries.openItems(c.customerKey()).stream())
                        .toList());
        String language = LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute(
                "signals",
                events
                        .privateOf(
                                TenantContext.require(),
                                company.id(),
                                LocalDate.now().minusYears(1))
                        .stream()
                        .map(e -> new SignalLine(
                                e.effectiveDate(),
                                catalogue
                                        .find(e.code())
                                        .map(s -> s.label(language).label())
                                        .orElse(e.code()),
                                e.polarity().key()))
                        .toList());
        return "partials/receivables-company :: section";
    }

    /** Makes a customer's advised limit its credit limit, then shows the company page again. */
    @PostMapping("/receivables/advice/accept")
    String acceptAdvice(
            @RequestParam String customerKey,
            @RequestParam String country,
            @RequestParam String number,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireEditor(user);
        var company = registry.require(country, number);
        scorecards.acceptAdvice(customerKey);
        redirect.addFlashAttribute("noticeKey", "scorecard.advice.accepted");
        return "redirect:/companies/" + company.company().country() + "/"
                + company.company().number();
    }

    record SignalLine(LocalDate date, String label, String polarity) {}

    private String preview(UUID id, Map<LedgerColumn, Integer> mapping, String mode, String asOf, Model model) {
        model.addAttribute("preview", uploads.preview(id, mapping));
        model.addAttribute("columns", List.of(LedgerColumn.values()));
        model.addAttribute("mode", "DELTA".equals(mode) ? "DELTA" : "SNAPSHOT");
        model.addAttribute("asOf", asOf == null ? LocalDate.now().toString() : asOf);
        return "receivables/preview";
    }

    /** The columns as the preview's selects chose them ({@code col-AMOUNT=3}); empty selects leave a field out. */
    static Map<LedgerColumn, Integer> mapping(Map<String, String> form) {
        Map<LedgerColumn, Integer> mapping = new EnumMap<>(LedgerColumn.class);
        for (LedgerColumn column : LedgerColumn.values()) {
            String value = form.get("col-" + column.name());
            if (value != null && !value.isBlank()) {
                try {
                    mapping.put(column, Integer.parseInt(value.strip()));
                } catch (NumberFormatException ignored) {
                    // a tampered select counts as not chosen
                }
            }
        }
        return mapping;
    }

    private static void requireEditor(VigilUser user) {
        if (user == null || user.role() == Role.VIEWER || user.role() == Role.SALES || user.isPlatformAdmin()) {
            throw new AccessDeniedException("Only credit managers and admins load receivables");
        }
    }
}
