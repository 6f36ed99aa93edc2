package eu.vigil.alerting.web;

import static eu.vigil.alerting.web.PortalMessages.back;
import static eu.vigil.alerting.web.PortalMessages.flash;
import static eu.vigil.alerting.web.PortalMessages.language;
import static eu.vigil.alerting.web.PortalMessages.notice;
import static eu.vigil.alerting.web.PortalMessages.requireWorker;

import eu.vigil.alerting.AlertFilter;
import eu.vigil.alerting.Alerts;
import eu.vigil.alerting.Silences;
import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.ParseResult;
import eu.vigil.shared.UserFacingException;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.VigilUser;
import eu.vigil.watchlist.WatchedCompanies;
import eu.vigil.watchlist.WatchlistManagement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox: the tenant's alerts filtered and paged on the server (the filters are a plain GET form; htmx only swaps
 * the results), one alert with its comments, state changes, assignment, bulk acknowledgement; the menu's count of new
 * alerts and a company page's alerts panel, both loaded by htmx.
 */
@Controller
class AlertInboxController {

    static final int PAGE_SIZE = 25;
    static final int COMPANY_PANEL = 20;

    private final Alerts alerts;
    private final Silences silences;
    private final WatchlistManagement watchlists;
    private final UserManagement users;
    private final WatchedCompanies watched;

    AlertInboxController(
            Alerts alerts,
            Silences silences,
            WatchlistManagement watchlists,
            UserManagement users,
            WatchedCompanies watched) {
        this.alerts = alerts;
        this.watched = watched;
        this.silences = silences;
        this.watchlists = watchlists;
        this.users = users;
    }

    @GetMapping("/alerts")
    String inbox(
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String watchlist,
            @RequestParam(required = false) String polarity,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String view,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal VigilUser user,
            Model model) {
        AlertFilter filter = new AlertFilter(days, uuid(watchlist), polarity, severity, state, null);
        // people who own entries open on their own alerts; the tenant's are one click away
        boolean mine = "mine".equals(view) || (!"all".equals(view) && watched.ownsEntries(user.userId()));
        if (mine) {
            filter = filter.mineOf(
                    new AlertFilter.Mine(user.userId(), user.role().name()));
        }
        model.addAttribute("view", mine ? "mine" : "all");
        model.addAttribute("filter", filter);
        model.addAttribute("page", alerts.inbox(filter, page, PAGE_SIZE, language()));
        model.addAttribute("periods", AlertFilter.PERIODS);
        model.addAttribute("watchlists", watchlists.watchlists());
        model.addAttribute("query", query(filter));
        return "alerting/inbox";
    }

    @GetMapping("/alerts/{id}")
    String alert(@PathVariable long id, @AuthenticationPrincipal VigilUser user, Model model) {
        var alert = alerts.item(id, language());
        model.addAttribute("alert", alert);
        model.addAttribute("comments", alerts.comments(id));
        model.addAttribute(
                "people",
                users.users().stream().filter(u -> "ACTIVE".equals(u.status())).toList());
        model.addAttribute(
                "silence",
                silences.running(user.userId(), new CompanyId(alert.country(), alert.number()))
                        .orElse(null));
        model.addAttribute("silenceUntil", LocalDate.now(user.zoneId()).plusDays(30));
        return "alerting/alert";
    }

    @PostMapping("/alerts/acknowledge")
    String acknowledgeAll(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) String back,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireWorker(user);
        int changed = ids == null ? 0 : alerts.acknowledgeAll(ids);
        notice(redirect, "inbox.acknowledged", changed);
        return "redirect:" + back(back, "/alerts");
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @AuthenticationPrincipal VigilUser user, RedirectAttributes redirect) {
        requireWorker(user);
        alerts.acknowledge(id, language());
        notice(redirect, "inbox.state.changed.acknowledged");
        return "redirect:/alerts/" + id;
    }

    @PostMapping("/alerts/{id}/resolve")
    String resolve(@PathVariable long id, @AuthenticationPrincipal VigilUser user, RedirectAttributes redirect) {
        requireWorker(user);
        alerts.resolve(id);
        notice(redirect, "inbox.state.changed.resolved");
        return "redirect:/alerts/" + id;
    }

    @PostMapping("/alerts/{id}/reopen")
    String reopen(@PathVariable long id, @AuthenticationPrincipal VigilUser user, RedirectAttributes redirect) {
        requireWorker(user);
        alerts.reopen(id);
        notice(redirect, "inbox.state.changed.new");
        return "redirect:/alerts/" + id;
    }

    @PostMapping("/alerts/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) String assignee,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireWorker(user);
        try {
            alerts.assign(id, uuid(assignee));
            notice(redirect, "inbox.assigned");
        } catch (UserFacingException e) {
            flash(redirect, e);
        }
        return "redirect:/alerts/" + id;
    }

    @PostMapping("/alerts/{id}/comments")
    String comment(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal VigilUser user,
            RedirectAttributes redirect) {
        requireWorker(user);
        try {
            alerts.comment(id, user.userId(), user.displayName(), body);
            notice(redirect, "inbox.commented");
        } catch (UserFacingException e) {
            flash(redirect, e);
        }
        return "redirect:/alerts/" + id + "#comments";
    }

    /** The menu's count of new alerts, loaded by htmx after the page. */
    @GetMapping("/alerts/badge")
    String badge(Model model) {
        model.addAttribute("count", alerts.countNew());
        return "alerting/fragments :: badge";
    }

    /** The company page's alerts panel (an htmx partial); without JavaScript the same URL is a page of its own. */
    @GetMapping("/companies/{country}/{number}/alerts")
    String company(
            @PathVariable String country,
            @PathVariable String number,
            @AuthenticationPrincipal VigilUser user,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        String wanted = country.toUpperCase(Locale.ROOT);
        if (!(CompanyNumbers.parse(number, wanted) instanceof ParseResult.Valid valid)
                || !valid.id().country().equals(wanted)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CompanyId company = valid.id();
        model.addAttribute("company", company);
        model.addAttribute("page", alerts.inbox(AlertFilter.of(company), 1, COMPANY_PANEL, language()));
        model.addAttribute("silence", silences.running(user.userId(), company).orElse(null));
        model.addAttribute("silenceUntil", LocalDate.now(user.zoneId()).plusDays(30));
        return htmx != null ? "alerting/company-alerts :: panel" : "alerting/company-alerts";
    }

    static String query(AlertFilter filter) {
        StringBuilder query = new StringBuilder();
        append(query, "days", filter.days());
        append(query, "watchlist", filter.watchlist());
        append(query, "polarity", filter.polarity());
        append(query, "severity", filter.severity());
        append(query, "state", filter.state());
        append(query, "view", filter.mine() != null ? "mine" : "all");
        return query.toString();
    }

    private static void append(StringBuilder query, String name, Object value) {
        if (value != null) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(value);
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
