package eu.vigil.alerting.web;

import static eu.vigil.alerting.web.PortalMessages.language;
import static eu.vigil.alerting.web.PortalMessages.notice;
import static eu.vigil.alerting.web.PortalMessages.show;

import eu.vigil.alerting.AlertRuleSpec;
import eu.vigil.alerting.AlertRuleSpec.DeliverySpec;
import eu.vigil.alerting.AlertRuleSpec.Match;
import eu.vigil.alerting.AlertRuleSpec.Recipients;
import eu.vigil.alerting.AlertRuleSpec.Scope;
import eu.vigil.alerting.AlertRuleView;
import eu.vigil.alerting.AlertRules;
import eu.vigil.alerting.AlertingException;
import eu.vigil.alerting.Delivery;
import eu.vigil.shared.UserFacingException;
import eu.vigil.signal.Category;
import eu.vigil.signal.Polarity;
import eu.vigil.signal.Severity;
import eu.vigil.signal.Signal;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.Relationship;
import eu.vigil.watchlist.WatchlistManagement;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tenant admins edit the alert rules with the API's power, and see as they edit what a rule would have raised in the
 * last 30 days (an htmx GET on every change; without JavaScript, the Preview button renders the page with it).
 */
@Controller
class AlertRulesController {

    private final AlertRules rules;
    private final SignalCatalogue catalogue;
    private final WatchlistManagement watchlists;
    private final UserManagement users;

    AlertRulesController(
            AlertRules rules, SignalCatalogue catalogue, WatchlistManagement watchlists, UserManagement users) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.watchlists = watchlists;
        this.users = users;
    }

    /** The editor's fields: lists from checkboxes and multiple selects, free text for tags and addresses. */
    record RuleForm(
            UUID id,
            String name,
            Boolean enabled,
            List<String> signals,
            List<String> categories,
            List<String> polarity,
            String minSeverity,
            List<UUID> watchlists,
            List<String> relationshipTypes,
            String tags,
            List<UUID> owners,
            String minExposure,
            List<String> roles,
            List<UUID> users,
            Boolean owner,
            String emails,
            String mode,
            String at,
            String weekday) {

        RuleForm {
            signals = orEmpty(signals);
            categories = orEmpty(categories);
            polarity = orEmpty(polarity);
            watchlists = orEmpty(watchlists);
            relationshipTypes = orEmpty(relationshipTypes);
            owners = orEmpty(owners);
            roles = orEmpty(roles);
            users = orEmpty(users);
        }

        static RuleForm blank() {
            return new RuleForm(
                    null,
                    "",
                    true,
                    List.of(),
                    List.of(),
                    List.of("negative"),
                    "medium",
                    List.of(),
                    List.of(),
                    "",
                    List.of(),
                    "",
                    List.of(Role.CREDIT_MANAGER.name()),
                    List.of(),
                    false,
                    "",
                    "immediate",
                    "08:00",
                    "MONDAY");
        }

        static RuleForm of(AlertRuleView rule) {
            return new RuleForm(
                    rule.id(),
                    rule.name(),
                    rule.enabled(),
                    rule.match().signals(),
                    rule.match().categories(),
                    rule.match().polarity(),
                    rule.match().minSeverity(),
                    rule.scope().watchlists(),
                    rule.scope().relationshipTypes(),
                    String.join(", ", rule.scope().tags()),
                    rule.scope().owners(),
                    rule.scope().minExposure() == null
                            ? ""
                            : rule.scope().minExposure().toPlainString(),
                    rule.recipients().roles(),
                    rule.recipients().users(),
                    rule.recipients().includesOwner(),
                    String.join(", ", rule.recipients().emails()),
                    rule.delivery().mode(),
                    rule.delivery().at() == null ? "08:00" : rule.delivery().at(),
                    rule.delivery().weekday() == null
                            ? "MONDAY"
                            : rule.delivery().weekday());
        }

        AlertRuleSpec spec() {
            BigDecimal exposure;
            try {
                // the same notations as an upload's exposure column: 10.000,00 EUR, €10,000, 25 000
                exposure = Amount.parse(minExposure).map(Amount::value).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new AlertingException("scope.minExposure", "rules.error.exposure", minExposure);
            }
            return new AlertRuleSpec(
                    name,
                    Boolean.TRUE.equals(enabled),
                    new Match(signals, categories, polarity, minSeverity),
                    new Scope(watchlists, relationshipTypes, split(tags), owners, exposure),
                    new Recipients(roles, users, Boolean.TRUE.equals(owner), split(emails)),
                    new DeliverySpec(mode, at, weekday));
        }

        private static List<String> split(String text) {
            return text == null
                    ? List.of()
                    : Arrays.stream(text.split("[,;\\n]"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    @GetMapping("/alerts/rules")
    String list(Model model) {
        model.addAttribute("rules", rules.rules());
        return "alerting/rules";
    }

    @GetMapping("/alerts/rules/new")
    String create(Model model) {
        return editor(RuleForm.blank(), model);
    }

    @PostMapping("/alerts/rules")
    String create(RuleForm form, Model model, RedirectAttributes redirect) {
        try {
            AlertRuleView created = rules.create(form.spec());
            notice(redirect, "rules.saved", created.name());
            return "redirect:/alerts/rules";
        } catch (UserFacingException e) {
            show(model, e);
            return editor(form, model);
        }
    }

    @GetMapping("/alerts/rules/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return editor(RuleForm.of(rules.rule(id)), model);
    }

    @PostMapping("/alerts/rules/{id}")
    String update(@PathVariable UUID id, RuleForm form, Model model, RedirectAttributes redirect) {
        rules.rule(id);
        try {
            AlertRuleView saved = rules.update(id, form.spec());
            notice(redirect, "rules.saved", saved.name());
            return "redirect:/alerts/rules";
        } catch (UserFacingException e) {
            show(model, e);
            return editor(
                    new RuleForm(
                            id,
                            form.name(),
                            form.enabled(),
                            form.signals(),
                            form.categories(),
                            form.polarity(),
                            form.minSeverity(),
                            form.watchlists(),
                            form.relationshipTypes(),
                            form.tags(),
                            form.owners(),
                            form.minExposure(),
                            form.roles(),
                            form.users(),
                            form.owner(),
                            form.emails(),
                            form.mode(),
                            form.at(),
                            form.weekday()),
                    model);
        }
    }

    @PostMapping("/alerts/rules/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        AlertRuleView rule = rules.rule(id);
        rules.delete(id);
        notice(redirect, "rules.deleted", rule.name());
        return "redirect:/alerts/rules";
    }

    /** The live preview: the numbers alone for htmx, the whole editor with them for a browser without JavaScript. */
    @GetMapping("/alerts/rules/preview")
    String preview(RuleForm form, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (form.id() != null) {
            rules.rule(form.id());
        }
        if (htmx == null) {
            return editor(form, model);
        }
        preview(form, model);
        return "alerting/rule-editor :: preview";
    }

    private String editor(RuleForm form, Model model) {
        model.addAttribute("form", form);
        if (!model.containsAttribute("errorKey")) {
            preview(form, model);
        }
        String language = language();
        Map<Category, List<Map<String, String>>> signals = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            List<Map<String, String>> options = catalogue.all().stream()
                    .filter(s -> s.category() == category)
                    .map(s -> Map.of("code", s.code(), "label", label(s, language)))
                    .sorted(Comparator.comparing(m -> m.get("label")))
                    .toList();
            if (!options.isEmpty()) {
                signals.put(category, options);
            }
        }
        model.addAttribute("signalGroups", signals);
        model.addAttribute("categories", Category.values());
        model.addAttribute("polarities", Polarity.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("relationships", Relationship.values());
        model.addAttribute("watchlists", watchlists.watchlists());
        model.addAttribute(
                "people",
                users.users().stream().filter(u -> "ACTIVE".equals(u.status())).toList());
        model.addAttribute("roles", Role.TENANT_ROLES);
        model.addAttribute(
                "modes", Arrays.stream(Delivery.values()).map(Delivery::key).toList());
        Map<String, String> weekdays = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdays.put(day.name(), day.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("weekdays", weekdays);
        model.addAttribute("selectedSignals", form.signals().stream().collect(Collectors.toSet()));
        return "alerting/rule-editor";
    }

    private void preview(RuleForm form, Model model) {
        try {
            model.addAttribute("preview", rules.preview(form.spec()));
        } catch (AlertingException e) {
            model.addAttribute("previewErrorKey", e.messageKey());
            model.addAttribute("previewErrorArgs", e.args());
        }
    }

    private static String label(Signal signal, String language) {
        Signal.Label label = signal.label(language);
        return label == null ? signal.code() : label.label();
    }
}
