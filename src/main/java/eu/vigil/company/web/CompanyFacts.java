package eu.vigil.company.web;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.CompanyState;
import eu.vigil.company.ParseResult;
import eu.vigil.company.ReaderFormats;
import eu.vigil.company.Section;
import eu.vigil.company.StoredSection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the company page shows of the sections the accounts and bureau feeds fill: the latest
 * filings with key figures and ratios, the scores and their history, officers and incidents.
 * Numbers are formatted for the reader's locale here, so the templates only place them.
 */
final class CompanyFacts {

    /** How many periods the accounts table puts side by side. */
    static final int PERIODS = 3;

    /** Key figures by rubric code (src/docs/feeds.md §4), in the order the page lists them. */
    private static final Map<String, String> FIGURES = figures();

    private final ObjectMapper json;
    private final Locale locale;

    CompanyFacts(ObjectMapper json, Locale locale) {
        this.json = json;
        this.locale = locale;
    }

    private static Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("equity", "10/15");
        figures.put("turnover", "70");
        figures.put("grossMargin", "9900");
        figures.put("operatingResult", "9901");
        figures.put("netResult", "9904");
        figures.put("fte", "9087");
        figures.put("totalAssets", "20/58");
        return figures;
    }

    JsonNode read(StoredSection section) {
        return section == null ? json.createObjectNode() : json.readTree(section.json());
    }

    /** One period's filing, as the page's header row and its latest-filing summary show it. */
    record Filing(
            String periodStart, String periodEnd, String filedOn, boolean late, String opinion, String currency) {}

    /** A row of the accounts table: a figure or a ratio, one value per period, newest first. */
    record Row(String key, boolean ratio, List<String> values) {}

    record Accounts(List<Filing> filings, List<Row> rows) {}

    Accounts accounts(StoredSection section) {
        if (section == null) {
            return null;
        }
        List<JsonNode> all = new ArrayList<>();
        read(section).path("filings").forEach(all::add);
        all.sort(Comparator.comparing((JsonNode f) -> f.path("periodEnd").asString(""))
                .reversed());
        List<JsonNode> filings = all.subList(0, Math.min(all.size(), PERIODS));
        if (filings.isEmpty()) {
            return null;
        }
        List<Filing> periods = filings.stream()
                .map(f -> new Filing(
                        text(f, "periodStart"),
                        text(f, "periodEnd"),
                        text(f, "filedOn"),
                        f.path("late").asBoolean(false),
                        text(f, "auditorOpinion"),
                        text(f, "currency")))
                .toList();
        List<Row> rows = new ArrayList<>();
        FIGURES.forEach((key, rubric) -> rows.add(new Row(
                key,
                false,
                filings.stream()
                        .map(f -> "fte".equals(key) ? decimal(item(f, rubric), 1) : amount(item(f, rubric)))
                        .toList())));
        rows.add(new Row(
                "currentRatio",
                true,
                values(filings, f -> ratio(item(f, "29/58"), item(f, "42/48")), r -> decimal(r, 2))));
        rows.add(new Row(
                "solvency", true, values(filings, f -> ratio(item(f, "10/15"), item(f, "20/58")), this::percent)));
        rows.add(new Row(
                "netMargin", true, values(filings, f -> ratio(item(f, "9904"), item(f, "70")), this::percent)));
        return new Accounts(periods, rows);
    }

    private static List<String> values(
            List<JsonNode> filings, Function<JsonNode, BigDecimal> ratio, Function<BigDecimal, String> format) {
        return filings.stream().map(f -> format.apply(ratio.apply(f))).toList();
    }

    private static BigDecimal item(JsonNode filing, String rubric) {
        JsonNode value = filing.path("items").path(rubric);
        return value.isNumber() ? value.decimalValue() : null;
    }

    private static BigDecimal ratio(BigDecimal top, BigDecimal bottom) {
        return top == null || bottom == null || bottom.signum() == 0
                ? null
                : top.divide(bottom, 6, RoundingMode.HALF_UP);
    }

    /** The current scores, formatted; null when no bureau reported on the company. */
    Map<String, String> scores(StoredSection scores, StoredSection payment) {
        if (scores == null && payment == null) {
            return null;
        }
        JsonNode s = read(scores);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("rating", text(s, "rating"));
        values.put("riskClass", decimal(number(s, "riskClass"), 0));
        values.put("pd", percent(number(s, "pd")));
        values.put("creditLimit", ReaderFormats.amount(number(s, "creditLimit"), text(s, "currency"), locale));
        values.put("paymentScore", decimal(number(s, "paymentScore"), 0));
        values.put("growthScore", decimal(number(s, "growthScore"), 0));
        values.put("dissolutionScore", decimal(number(s, "dissolutionScore"), 0));
        values.put("multiscore", decimal(number(s, "multiscore"), 0));
        values.put("dbt", decimal(number(read(payment), "dbt"), 0));
        values.put("bureau", text(s, "bureau"));
        return values;
    }

    /** One version of the scores section, oldest first: what the history table and charts show. */
    record ScoreVersion(java.time.LocalDate asOf, Map<String, BigDecimal> values, String rating) {}

    List<ScoreVersion> scoreHistory(CompanyRegistry registry, CompanyState state) {
        StoredSection current = state.sections().get(Section.SCORES);
        if (current == null) {
            return List.of();
        }
        List<StoredSection> versions = new ArrayList<>(registry.history(state.id(), Section.SCORES));
        versions.add(current);
        versions.sort(Comparator.comparing(StoredSection::asOf));
        List<ScoreVersion> history = new ArrayList<>();
        for (StoredSection version : versions) {
            JsonNode s = read(version);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (String field : List.of(
                    "riskClass",
                    "pd",
                    "creditLimit",
                    "paymentScore",
                    "growthScore",
                    "dissolutionScore",
                    "multiscore")) {
                values.put(field, number(s, field));
            }
            history.add(new ScoreVersion(version.asOf(), values, text(s, "rating")));
        }
        return history;
    }

    /**
     * A Chart.js {@code data} object ({@code labels} and {@code datasets}) for these fields of the score
     * history, as JSON for a {@code data-chart} attribute; {@code scale} multiplies (100 turns a PD into %).
     */
    String chart(
            List<ScoreVersion> history, Map<String, String> fieldLabels, List<String> dateLabels, BigDecimal scale) {
        var data = json.createObjectNode();
        var labels = data.putArray("labels");
        dateLabels.forEach(labels::add);
        var datasets = data.putArray("datasets");
        fieldLabels.forEach((field, label) -> {
            var dataset = datasets.addObject();
            dataset.put("label", label);
            var points = dataset.putArray("data");
            history.forEach(v -> {
                BigDecimal value = v.values().get(field);
                if (value == null) {
                    points.addNull();
                } else {
                    points.add(value.multiply(scale)
                            .setScale(2, RoundingMode.HALF_UP)
                            .doubleValue());
                }
            });
        });
        return json.writeValueAsString(data);
    }

    record Officer(String name, String role, String since) {}

    /** Officers with their role in the reader's language. */
    Governance governance(
            StoredSection section, CompanyRegistry registry, java.util.function.Function<String, String> roles) {
        Governance g = governance(section, registry);
        return g == null
                ? null
                : new Governance(
                        g.officers().stream()
                                .map(o -> new Officer(
                                        o.name(), o.role() == null ? null : roles.apply(o.role()), o.since()))
                                .toList(),
                        g.auditor(),
                        g.parent());
    }

    record Parent(CompanyId id, String display, boolean known) {}

    record Governance(List<Officer> officers, String auditor, Parent parent) {}

    Governance governance(StoredSection section, CompanyRegistry registry) {
        if (section == null) {
            return null;
        }
        JsonNode g = read(section);
        List<Officer> officers = new ArrayList<>();
        g.path("officers").forEach(o -> officers.add(new Officer(text(o, "name"), text(o, "role"), text(o, "since"))));
        JsonNode auditor = g.path("auditor");
        String auditorText = auditor.isObject()
                ? (auditor.path("name").asString("")
                                + (auditor.has("id") ? " (" + auditor.path("id").asString() + ")" : ""))
                        .trim()
                : null;
        Parent parent = null;
        JsonNode p = g.path("parent");
        if (p.isObject() && p.has("number")) {
            String country = p.path("country").asString("BE");
            if (CompanyNumbers.parse(p.path("number").asString(), country) instanceof ParseResult.Valid valid) {
                parent = new Parent(
                        valid.id(),
                        valid.id().country() + " " + valid.id().display(),
                        registry.find(valid.id()).isPresent());
            } else {
                parent = new Parent(null, country + " " + p.path("number").asString(), false);
            }
        }
        return new Governance(officers, auditorText, parent);
    }

    record Incident(String kind, String date, String amount, String daysLate, String description) {}

    /** Legal incidents (protests, seizures, summons, tax debts, judgments) and payment incidents, newest first. */
    List<Incident> incidents(StoredSection legal, StoredSection payment) {
        List<Incident> incidents = new ArrayList<>();
        JsonNode l = read(legal);
        for (String kind : List.of("protests", "seizures", "socialSecuritySummons", "taxDebts", "judgments")) {
            l.path(kind).forEach(i -> incidents.add(incident(kind, i)));
        }
        read(payment).path("incidents").forEach(i -> incidents.add(incident("paymentIncidents", i)));
        incidents.sort(Comparator.comparing((Incident i) -> i.date() == null ? "" : i.date())
                .reversed());
        return incidents;
    }

    private Incident incident(String kind, JsonNode i) {
        return new Incident(
                kind,
                text(i, "date"),
                ReaderFormats.amount(number(i, "amount"), text(i, "currency"), locale),
                decimal(number(i, "daysLate"), 0),
                text(i, "description"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static BigDecimal number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.decimalValue() : null;
    }

    String amount(BigDecimal value) {
        return decimal(value, 0);
    }

    String decimal(BigDecimal value, int digits) {
        if (value == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** A ratio or a probability as a percentage with one decimal, in the reader's style (30,2 %). */
    String percent(BigDecimal value) {
        if (value == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
