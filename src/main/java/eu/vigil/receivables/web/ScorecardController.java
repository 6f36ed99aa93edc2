package eu.vigil.receivables.web;

import eu.vigil.receivables.ReceivablesException;
import eu.vigil.receivables.ScoreVariable;
import eu.vigil.receivables.Scorecard;
import eu.vigil.receivables.Scorecards;
import eu.vigil.watchlist.Uploader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant admin's scorecard editor (under /settings, which only a tenant's admin reaches). */
@Controller
class ScorecardController {

    /** One range as the editor writes it: {@code from..to = points}, either bound may be left out. */
    private static final Pattern RANGE = Pattern.compile(
            "\\s*(-?[0-9]+(?:[.,][0-9]+)?)?\\s*\\.\\.\\s*(-?[0-9]+(?:[.,][0-9]+)?)?\\s*=\\s*(-?[0-9]+)\\s*");

    private static final java.util.Set<String> VARIABLES = java.util.Arrays.stream(ScoreVariable.values())
            .map(Enum::name)
            .collect(java.util.stream.Collectors.toSet());

    private final Scorecards scorecards;
    private final MessageSource messages;

    ScorecardController(Scorecards scorecards, MessageSource messages) {
        this.scorecards = scorecards;
        this.messages = messages;
    }

    /** A row of the editor as written: the variable, its weight and its ranges, one per line. */
    record Row(String variable, String weight, String ranges) {}

    @GetMapping("/settings/scorecard")
    String show(Model model) {
        Scorecard card = scorecards.current();
        List<Row> rows = new ArrayList<>();
        for (Scorecard.Variable v : card.variables()) {
            rows.add(new Row(v.variable().name(), String.valueOf(v.weight()), ranges(v.bands())));
        }
        return form(model, rows, String.valueOf(card.alertPoints()));
    }

    @PostMapping("/settings/scorecard")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Scorecard.MAX_VARIABLES + 2; i++) {
            String variable = form.getOrDefault("variable" + i, "").strip();
            if (!variable.isEmpty()) {
                rows.add(new Row(variable, form.getOrDefault("weight" + i, ""), form.getOrDefault("ranges" + i, "")));
            }
        }
        String alertPoints = form.getOrDefault("alertPoints", "");
        try {
            scorecards.save(parse(rows, alertPoints), Uploader.current().actor());
        } catch (ReceivablesException e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", named(e.args()));
            return form(model, rows, alertPoints);
        }
        redirect.addFlashAttribute("noticeKey", "scorecard.saved");
        return "redirect:/settings/scorecard";
    }

    /** A variable's code in a message becomes its label in the reader's language. */
    private Object[] named(Object[] args) {
        Object[] named = args.clone();
        for (int i = 0; i < named.length; i++) {
            if (named[i] instanceof String text && VARIABLES.contains(text)) {
                named[i] =
                        messages.getMessage("scorecard.variable." + text, null, text, LocaleContextHolder.getLocale());
            }
        }
        return named;
    }

    static Scorecard parse(List<Row> rows, String alertPoints) {
        List<Scorecard.Variable> variables = new ArrayList<>();
        for (Row row : rows) {
            ScoreVariable variable;
            try {
                variable = ScoreVariable.valueOf(row.variable());
            } catch (IllegalArgumentException e) {
                throw new ReceivablesException("scorecard.error.variable", row.variable());
            }
            int weight = integer(row.weight(), "scorecard.error.weightNumber", variable.name());
            List<Scorecard.Band> bands = new ArrayList<>();
            String[] lines = row.ranges().split("\\R");
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].isBlank()) {
                    continue;
                }
                Matcher m = RANGE.matcher(lines[n]);
                if (!m.matches()) {
                    throw new ReceivablesException(
                            "scorecard.error.range", variable.name(), bands.size() + 1, lines[n].strip());
                }
                bands.add(new Scorecard.Band(number(m.group(1)), number(m.group(2)), Integer.parseInt(m.group(3))));
            }
            variables.add(new Scorecard.Variable(variable, weight, bands));
        }
        return new Scorecard(variables, integer(alertPoints, "scorecard.error.alertPoints", alertPoints));
    }

    private static int integer(String text, String key, Object arg) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ReceivablesException(key, arg, text);
        }
    }

    private static BigDecimal number(String text) {
        return text == null ? null : new BigDecimal(text.replace(',', '.'));
    }

    static String ranges(List<Scorecard.Band> bands) {
        StringBuilder text = new StringBuilder();
        for (Scorecard.Band b : bands) {
            text.append(b.from() == null ? "" : b.from().toPlainString())
                    .append("..")
                    .append(b.to() == null ? "" : b.to().toPlainString())
                    .append(" = ")
                    .append(b.points())
                    .append('\n');
        }
        return text.toString().strip();
    }

    private static String form(Model model, List<Row> rows, String alertPoints) {
        List<Row> shown = new ArrayList<>(rows);
        while (shown.size() < Scorecard.MAX_VARIABLES) {
            shown.add(new Row("", "", ""));
        }
        model.addAttribute("rows", shown);
        model.addAttribute("variables", ScoreVariable.values());
        model.addAttribute("alertPoints", alertPoints);
        return "receivables/scorecard";
    }
}
