package eu.vigil.analytics.web;

import eu.vigil.analytics.internal.LedgerAnalytics;
import eu.vigil.analytics.internal.LedgerAnalytics.Filter;
import eu.vigil.company.CompanyDirectory;
import eu.vigil.receivables.ReceivablesQueries;
import eu.vigil.watchlist.WatchlistManagement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portfolio analytics page of the tenant (or of one watchlist), and the customers behind each of its figures. */
@Controller
class AnalyticsController {

    static final int AT_RISK = 10;
    static final int LIST_LIMIT = 500;

    private final LedgerAnalytics analytics;
    private final ReceivablesQueries receivables;
    private final WatchlistManagement watchlists;
    private final CompanyDirectory directory;
    private final AnalyticsFormats formats;

    AnalyticsController(
            LedgerAnalytics analytics,
            ReceivablesQueries receivables,
            WatchlistManagement watchlists,
            CompanyDirectory directory,
            AnalyticsFormats formats) {
        this.analytics = analytics;
        this.receivables = receivables;
        this.watchlists = watchlists;
        this.directory = directory;
        this.formats = formats;
    }

    @GetMapping("/analytics")
    String page(@RequestParam(required = false) UUID watchlist, Model model) {
        common(watchlist, model);
        LedgerAnalytics.Breakdown breakdown = analytics.breakdown(Filter.all(watchlist));
        List<LedgerAnalytics.Customer> atRisk = analytics.biggestAtRisk(watchlist, AT_RISK);
        List<LedgerAnalytics.Month> trend = analytics.trend(watchlist, LocalDate.now());
        String currency = receivables.currency();
        model.addAttribute("breakdown", breakdown);
        model.addAttribute("atRisk", atRisk);
        model.addAttribute("names", names(atRisk));
        model.addAttribute("trend", trend);
        model.addAttribute("ageChart", formats.ageChart(breakdown.total()));
        model.addAttribute("amountChart", formats.amountChart(trend));
        model.addAttribute("dsoChart", formats.dsoChart(trend));
        model.addAttribute("currency", currency);
        return "analytics/index";
    }

    @GetMapping("/analytics/customers")
    String customers(
            @RequestParam(required = false) UUID watchlist,
            @RequestParam(required = false) String light,
            @RequestParam(required = false) String risk,
            @RequestParam(required = false) String bucket,
            @RequestParam(defaultValue = "false") boolean atRisk,
            Model model) {
        common(watchlist, model);
        Filter filter = new Filter(watchlist, light, risk, bucket, atRisk);
        LedgerAnalytics.CustomerPage page = analytics.customers(filter, LIST_LIMIT);
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        model.addAttribute("names", names(page.customers()));
        model.addAttribute("currency", receivables.currency());
        return "analytics/customers";
    }

    /** The watchlists for the filter, and the chosen one (another tenant's answers as a missing one). */
    private void common(UUID watchlist, Model model) {
        model.addAttribute("watchlists", watchlists.watchlists());
        model.addAttribute("watchlist", watchlist == null ? null : watchlists.watchlist(watchlist));
        model.addAttribute("lights", LedgerAnalytics.LIGHTS);
        model.addAttribute("riskClasses", LedgerAnalytics.RISK_CLASSES);
        model.addAttribute("buckets", List.copyOf(LedgerAnalytics.BUCKETS.keySet()));
        model.addAttribute("overdueBuckets", LedgerAnalytics.OVERDUE_BUCKETS);
    }

    private Map<Long, String> names(List<LedgerAnalytics.Customer> customers) {
        return names(directory, customers);
    }

    static Map<Long, String> names(CompanyDirectory directory, List<LedgerAnalytics.Customer> customers) {
        List<Long> ids = customers.stream()
                .map(LedgerAnalytics.Customer::companyId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<Long, String> names = new java.util.HashMap<>();
        directory.summaries(ids, LocaleContextHolder.getLocale().getLanguage()).forEach((id, s) -> {
            if (s.name() != null) {
                names.put(id, s.name());
            }
        });
        return names;
    }
}
