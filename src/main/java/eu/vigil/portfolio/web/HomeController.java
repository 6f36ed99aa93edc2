package eu.vigil.portfolio.web;

import eu.vigil.feed.FeedConnectionQueries;
import eu.vigil.feed.FeedConnectionStatus;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.portfolio.Portfolio;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.VigilUser;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Each role's home page: feed health for the platform, opportunities for sales, the portfolio at a glance for everyone
 * else; and the tenant-wide list of entries every number of the portfolio links to.
 */
@Controller
class HomeController {

    static final int OPPORTUNITIES = 50;
    static final int LIST_PAGE = 50;

    private final Portfolio portfolio;
    private final FeedIngestion feeds;
    private final PortfolioFormats formats;
    private final FeedConnectionQueries connections;

    HomeController(
            Portfolio portfolio, FeedIngestion feeds, PortfolioFormats formats, FeedConnectionQueries connections) {
        this.connections = connections;
        this.formats = formats;
        this.portfolio = portfolio;
        this.feeds = feeds;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal VigilUser user, Model model) {
        String language = LocaleContextHolder.getLocale().getLanguage();
        if (user.role() == Role.PLATFORM_ADMIN) {
            model.addAttribute("health", portfolio.feedHealth(feeds.sources()));
            model.addAttribute("now", Instant.now());
            model.addAttribute(
                    "attention",
                    connections.connections().stream()
                            .filter(FeedConnectionStatus::needsAttention)
                            .toList());
            return "portfolio/platform-home";
        }
        if (user.role() == Role.SALES) {
            model.addAttribute("opportunities", portfolio.opportunities(user.userId(), language, OPPORTUNITIES));
            return "portfolio/sales-home";
        }
        Instant previous = portfolio.visit(user.userId());
        Instant since = previous != null ? previous : Instant.now().minus(Duration.ofDays(7));
        model.addAttribute("firstVisit", previous == null);
        Portfolio.Overview overview = portfolio.overview(user, since, language);
        model.addAttribute("overview", overview);
        // in the model, not computed in the template: a data-* attribute takes no method calls there
        model.addAttribute("historyChart", formats.chart(overview.history()));
        return "portfolio/home";
    }

    @GetMapping("/portfolio")
    String list(
            @RequestParam(required = false) String light,
            @RequestParam(required = false) Long since,
            @RequestParam(required = false) String risk,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Portfolio.ListFilter filter = new Portfolio.ListFilter(
                light, since == null ? null : Instant.ofEpochMilli(since), "high".equals(risk), sort);
        model.addAttribute("filter", filter);
        model.addAttribute("sinceMillis", since);
        model.addAttribute(
                "page",
                portfolio.entries(
                        filter, page, LIST_PAGE, LocaleContextHolder.getLocale().getLanguage()));
        return "portfolio/list";
    }
}
