package eu.vigil.signal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Parses the catalogue YAML and checks every entry, collecting all problems before giving up. */
final class CatalogueReader {

    static final List<String> LANGUAGES = List.of("en", "fr", "nl", "it");

    static final Set<String> FIELDS = Set.of(
            "identity.name",
            "identity.abbreviation",
            "identity.commercialNames",
            "identity.legalForm",
            "identity.seatAddress",
            "identity.seatCountry",
            "identity.seatStruckOff",
            "identity.establishments",
            "identity.mainActivity",
            "identity.secondaryActivities",
            "identity.activityGroups",
            "identity.phone",
            "identity.email",
            "identity.website",
            "identity.startDate",
            "identity.insolvencyHistory",
            "identity.charges",
            "identity.strikeOffProposed",
            "identity.confirmationOverdue",
            "status.active",
            "status.juridicalSituation",
            "status.chStatus",
            "status.proceedings",
            "status.legalNotices",
            "governance.officers",
            "governance.managingDirector",
            "governance.auditor",
            "governance.parent",
            "governance.disqualifiedOfficers",
            "accounts.filing",
            "accounts.filedLate",
            "accounts.overdue",
            "accounts.capital",
            "accounts.equity",
            "accounts.totalAssets",
            "accounts.fixedAssets",
            "accounts.currentAssets",
            "accounts.cash",
            "accounts.shortTermDebt",
            "accounts.turnover",
            "accounts.grossMargin",
            "accounts.operatingResult",
            "accounts.netResult",
            "accounts.fte",
            "accounts.overdueTaxDebt",
            "accounts.overdueSocialDebt",
            "accounts.auditorOpinion",
            "accounts.currentRatio",
            "accounts.solvency",
            "scores.rating",
            "scores.riskClass",
            "scores.pd",
            "scores.creditLimit",
            "scores.paymentScore",
            "scores.growthScore",
            "scores.dissolutionScore",
            "scores.multiscore",
            "payment.dbt",
            "payment.incidents",
            "legal.protests",
            "legal.seizures",
            "legal.socialSecuritySummons",
            "legal.taxDebts",
            "legal.judgments",
            "internal.exposure",
            "internal.overdueDays",
            "internal.dbt",
            "internal.paymentRecord");

    static final Set<String> DETECTORS = new LinkedHashSet<>(List.of(
            "value-changed",
            "appeared",
            "disappeared",
            "became",
            "left-set",
            "added",
            "removed",
            "emptied",
            "changed-by-percent",
            "changed-by-points",
            "crossed-below",
            "crossed-above",
            "sign-turned",
            "multiplied",
            "rating-moved",
            "streak",
            "overdue",
            "first-seen-recent",
            "turnover-in-window",
            "network-officer-bankruptcy",
            "network-officer-healthy",
            "network-parent-distress",
            "network-subsidiary-distress",
            "internal"));

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    private static final List<String> ENTRY_KEYS =
            List.of("code", "category", "polarity", "severity", "enabled", "detector", "field", "params", "labels");

    private final List<String> problems = new ArrayList<>();

    static List<Signal> read(Resource resource, String source) {
        String yaml;
        try (InputStream in = resource.getInputStream()) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidCatalogueException(source, List.of("the file cannot be read: " + e.getMessage()));
        }
        return parse(yaml, source);
    }

    static List<Signal> parse(String yaml, String source) {
        CatalogueReader reader = new CatalogueReader();
        List<Signal> signals = reader.signals(yaml);
        if (!reader.problems.isEmpty()) {
            throw new InvalidCatalogueException(source, reader.problems);
        }
        return List.copyOf(signals);
    }

    private List<Signal> signals(String yaml) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            problems.add("not valid YAML: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
            return List.of();
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("signals") instanceof List<?> entries)) {
            problems.add("the file must start with 'signals:' followed by a list of entries ('  - code: ...')");
            return List.of();
        }
        List<Signal> signals = new ArrayList<>();
        Map<String, Integer> positionOfCode = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            int position = i + 1;
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add("entry " + position + ": not a signal (expected code, category, polarity, severity, "
                        + "enabled, detector, field, params and labels)");
                continue;
            }
            new EntryReader(position, entry).read(positionOfCode).ifPresent(signals::add);
        }
        return signals;
    }

    /** Reads one entry; every problem it reports starts with the entry's code and position. */
    private final class EntryReader {

        private final int position;
        private final Map<?, ?> entry;
        private final String name;
        private boolean valid = true;

        EntryReader(int position, Map<?, ?> entry) {
            this.position = position;
            this.entry = entry;
            String code = text(entry.get("code"));
            if (code == null) {
                this.name = "entry " + position;
            } else if (CODE.matcher(code).matches()) {
                this.name = code + " (entry " + position + ")";
            } else {
                this.name = "'" + code + "' (entry " + position + ")";
            }
        }

        Optional<Signal> read(Map<String, Integer> positionOfCode) {
            String code = code(positionOfCode);
            for (Object key : entry.keySet()) {
                if (!ENTRY_KEYS.contains(String.valueOf(key))) {
                    problem("unknown key '" + key + "'" + suggestion(String.valueOf(key), ENTRY_KEYS)
                            + " (an entry has " + String.join(", ", ENTRY_KEYS) + ")");
                }
            }
            Category category = choice("category", Category.class);
            Polarity polarity = choice("polarity", Polarity.class);
            Severity severity = choice("severity", Severity.class);
            boolean enabled = enabled();
            String detector = detector();
            String field = field("field", entry.get("field"), true);
            Map<String, Object> params = params(detector);
            Map<String, Signal.Label> labels = labels();
            if (!valid) {
                return Optional.empty();
            }
            return Optional.of(
                    new Signal(code, category, polarity, severity, enabled, detector, field, params, labels));
        }

        private String code(Map<String, Integer> positionOfCode) {
            String code = text(entry.get("code"));
            if (code == null) {
                problem("code is missing");
                return null;
            }
            if (!CODE.matcher(code).matches()) {
                problem("code must match ^[A-Z][A-Z0-9_]*$ (capital letters, digits and underscores, "
                        + "starting with a letter)");
            }
            Integer first = positionOfCode.putIfAbsent(code, position);
            if (first != null) {
                problem("duplicate code: entry " + first + " already uses " + code);
            }
            return code;
        }

        private <E extends Enum<E>> E choice(String key, Class<E> type) {
            String expected = Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(" | "));
            String value = text(entry.get(key));
            if (value == null) {
                problem(key + " is missing (" + expected + ")");
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            problem("unknown " + key + " '" + value + "' (" + expected + ")");
            return null;
        }

        private boolean enabled() {
            Object value = entry.get("enabled");
            if (value == null) {
                return true;
            }
            if (value instanceof Boolean enabled) {
                return enabled;
            }
            problem("enabled must be true or false, not '" + value + "'");
            return false;
        }

        private String detector() {
            String detector = text(entry.get("detector"));
            if (detector == null) {
                problem("detector is missing");
            } else if (!DETECTORS.contains(detector)) {
                String hint = suggestion(detector, DETECTORS);
                problem("unknown detector '" + detector + "'"
                        + (hint.isEmpty() ? " (one of " + String.join(", ", DETECTORS) + ")" : hint));
                return null;
            }
            return detector;
        }

        private String field(String key, Object raw, boolean required) {
            String field = text(raw);
            if (field == null) {
                if (required) {
                    problem(key + " is missing (a state field such as status.juridicalSituation)");
                }
                return null;
            }
            if (!FIELDS.contains(field)) {
                String hint = suggestion(field, FIELDS);
                problem("unknown " + key + " '" + field + "'"
                        + (hint.isEmpty()
                                ? " (a state field written section.name, e.g. accounts.equity; the list of fields is in the "
                                        + "comment at the top of config/signals.yml)"
                                : hint));
            }
            return field;
        }

        private Map<String, Object> params(String detector) {
            Object raw = entry.get("params");
            if (raw == null) {
                raw = Map.of();
            }
            if (!(raw instanceof Map<?, ?> map)) {
                problem("params must be a map such as {values: [\"048\"]}, not '" + raw + "'");
                return Map.of();
            }
            Map<String, Object> params = new LinkedHashMap<>();
            map.forEach((key, value) -> params.put(String.valueOf(key), value));
            if (detector != null) {
                new ParamChecker(this, detector, params).check();
            }
            return params;
        }

        private Map<String, Signal.Label> labels() {
            Object raw = entry.get("labels");
            if (!(raw instanceof Map<?, ?> map)) {
                problem("labels are missing (label and explanation in " + String.join(", ", LANGUAGES) + ")");
                return Map.of();
            }
            Map<String, Signal.Label> labels = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String language : LANGUAGES) {
                if (!map.containsKey(language)) {
                    missing.add(language);
                }
            }
            if (!missing.isEmpty()) {
                problem("missing " + String.join(", ", missing) + " label" + (missing.size() > 1 ? "s" : "")
                        + " (each language needs {label: ..., explanation: ...})");
            }
            map.forEach((key, value) -> {
                String language = String.valueOf(key);
                if (!(value instanceof Map<?, ?> text)) {
                    problem(language + " label must be {label: ..., explanation: ...}");
                    return;
                }
                String label = text(text.get("label"));
                String explanation = text(text.get("explanation"));
                if (label == null) {
                    problem("missing or blank " + language + " label");
                }
                if (explanation == null) {
                    problem("missing or blank " + language + " explanation");
                }
                labels.put(language, new Signal.Label(label, explanation));
            });
            return labels;
        }

        void problem(String problem) {
            valid = false;
            problems.add(name + ": " + problem);
        }
    }

    /** What each detector kind needs in params. */
    private static final class ParamChecker {

        private final EntryReader entry;
        private final String detector;
        private final Map<String, Object> params;
        private final Set<String> known = new HashSet<>();

        ParamChecker(EntryReader entry, String detector, Map<String, Object> params) {
            this.entry = entry;
            this.detector = detector;
            this.params = params;
        }

        void check() {
            switch (detector) {
                case "value-changed" -> list("alsoWhen", false, Set.of("appeared", "disappeared"));
                case "appeared", "disappeared", "emptied" -> {}
                case "became" -> list("values", true, null);
                case "left-set" -> {
                    list("values", true, null);
                    list("to", false, null);
                }
                case "added", "removed" -> list("values", false, null);
                case "changed-by-percent" -> {
                    number("percent", true, "a number, 0 or more", v -> v >= 0);
                    oneOf("direction", true, "up", "down");
                }
                case "changed-by-points" -> {
                    number("points", true, "a number above 0", v -> v > 0);
                    oneOf("direction", true, "up", "down");
                }
                case "crossed-below", "crossed-above" -> threshold();
                case "sign-turned" -> oneOf("to", true, "negative", "positive");
                case "multiplied" -> number("factor", true, "a number above 0 other than 1", v -> v > 0 && v != 1);
                case "rating-moved" -> {
                    oneOf("direction", true, "up", "down");
                    list("scale", true, null);
                }
                case "streak" -> {
                    oneOf("condition", true, "negative", "positive");
                    wholeNumber("periods", true, 2);
                }
                case "overdue" -> wholeNumber("graceDays", true, 0);
                case "first-seen-recent" -> wholeNumber("days", true, 1);
                case "turnover-in-window" -> {
                    number("share", true, "a number above 0 and at most 1", v -> v > 0 && v <= 1);
                    wholeNumber("months", true, 1);
                }
                case "network-officer-bankruptcy" -> wholeNumber("years", true, 1);
                case "network-officer-healthy" -> list("riskClasses", true, null);
                case "network-parent-distress", "network-subsidiary-distress" ->
                    oneOf(
                            "minSeverity",
                            false,
                            Arrays.stream(Severity.values()).map(Severity::key).toArray(String[]::new));
                case "internal" -> known.addAll(params.keySet());
                default -> throw new IllegalStateException("no parameter rules for detector " + detector);
            }
            for (String name : params.keySet()) {
                if (!known.contains(name)) {
                    entry.problem("detector " + detector + " has no parameter '" + name + "'"
                            + (known.isEmpty()
                                    ? " (it takes none)"
                                    : " (it takes " + String.join(", ", sorted(known)) + ")"));
                }
            }
        }

        private void threshold() {
            known.addAll(List.of("threshold", "ratioOf", "factor"));
            boolean threshold = params.containsKey("threshold");
            boolean ratio = params.containsKey("ratioOf") || params.containsKey("factor");
            if (threshold && ratio) {
                entry.problem("detector " + detector + " takes either params.threshold or params.ratioOf with "
                        + "params.factor, not both");
            } else if (threshold) {
                number("threshold", true, "a number", v -> true);
            } else if (ratio) {
                if (params.get("ratioOf") == null) {
                    entry.problem("detector " + detector + " needs params.ratioOf (the field to compare with) "
                            + "next to params.factor");
                } else {
                    entry.field("params.ratioOf", params.get("ratioOf"), true);
                }
                number("factor", true, "a number above 0", v -> v > 0);
            } else {
                entry.problem("detector " + detector + " needs params.threshold (a number), or params.ratioOf "
                        + "(a field) with params.factor (a number)");
            }
        }

        private void number(String name, boolean required, String expected, DoublePredicate valid) {
            known.add(name);
            Object value = params.get(name);
            if (value == null) {
                if (required) {
                    entry.problem("detector " + detector + " needs params." + name + " (" + expected + ")");
                }
            } else if (!(value instanceof Number number) || !valid.test(number.doubleValue())) {
                entry.problem("params." + name + " must be " + expected + ", not '" + value + "'");
            }
        }

        private void wholeNumber(String name, boolean required, int minimum) {
            known.add(name);
            Object value = params.get(name);
            String expected = "a whole number, " + minimum + " or more";
            if (value == null) {
                if (required) {
                    entry.problem("detector " + detector + " needs params." + name + " (" + expected + ")");
                }
            } else if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)
                    || ((Number) value).doubleValue() < minimum) {
                entry.problem("params." + name + " must be " + expected + ", not '" + value + "'");
            }
        }

        private void oneOf(String name, boolean required, String... choices) {
            known.add(name);
            Object value = params.get(name);
            String expected = String.join(" | ", choices);
            if (value == null) {
                if (required) {
                    entry.problem("detector " + detector + " needs params." + name + " (" + expected + ")");
                }
            } else if (!List.of(choices).contains(String.valueOf(value))) {
                entry.problem("params." + name + " must be " + expected + ", not '" + value + "'");
            }
        }

        private void list(String name, boolean required, Set<String> allowed) {
            known.add(name);
            Object value = params.get(name);
            String expected = allowed == null
                    ? "a non-empty list such as [\"048\", \"049\"]"
                    : "a non-empty list of " + String.join(", ", sorted(allowed));
            if (value == null) {
                if (required) {
                    entry.problem("detector " + detector + " needs params." + name + " (" + expected + ")");
                }
            } else if (!(value instanceof List<?> list) || list.isEmpty() || list.contains(null)) {
                entry.problem("params." + name + " must be " + expected + ", not '" + value + "'");
            } else if (allowed != null) {
                for (Object member : list) {
                    if (!allowed.contains(String.valueOf(member))) {
                        entry.problem("params." + name + " cannot contain '" + member + "' (" + expected + ")");
                    }
                }
            }
        }

        private static List<String> sorted(Collection<String> names) {
            return names.stream().sorted().toList();
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    /** " (did you mean x?)" for a near miss, else "". */
    private static String suggestion(String value, Collection<String> candidates) {
        String lower = value.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(candidate ->
                        distance(lower, candidate.toLowerCase(Locale.ROOT)) <= Math.max(2, value.length() / 4))
                .min(Comparator.comparingInt(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT))))
                .map(candidate -> " (did you mean " + candidate + "?)")
                .orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
