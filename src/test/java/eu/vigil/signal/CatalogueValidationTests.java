package eu.vigil.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ByteArrayResource;

/** An operator's mistake in the catalogue stops start-up with every entry at fault named, and why. */
class CatalogueValidationTests {

    private static final String LABELS = "{"
            + "en: {label: \"Bankruptcy opened\", explanation: \"A court opened bankruptcy proceedings.\"}, "
            + "fr: {label: \"Ouverture de faillite\", explanation: \"Un tribunal a déclaré la faillite.\"}, "
            + "nl: {label: \"Faillissement geopend\", explanation: \"De rechtbank sprak het faillissement uit.\"}, "
            + "it: {label: \"Dichiarazione di fallimento\", explanation: \"Il tribunale ha dichiarato il fallimento.\"}}";

    @Test
    void aValidEntryLoads() {
        SignalCatalogue catalogue = load(catalogue(
                entry("code", "TEST_SIGNAL"), entry("code", "QUIET_SIGNAL", "enabled", "false", "severity", "info")));

        assertThat(catalogue.all()).extracting(Signal::code).containsExactly("TEST_SIGNAL", "QUIET_SIGNAL");
        assertThat(catalogue.enabled()).extracting(Signal::code).containsExactly("TEST_SIGNAL");
        assertThat(catalogue.find("QUIET_SIGNAL").orElseThrow().severity()).isEqualTo(Severity.INFO);
        assertThat(catalogue.find("NO_SUCH_SIGNAL")).isEmpty();
        assertThat(catalogue.find("TEST_SIGNAL").orElseThrow().label("nl").label())
                .isEqualTo("Faillissement geopend");
    }

    @Test
    void unknownDetector() {
        assertThat(problems(catalogue(entry("detector", "becomes"))))
                .containsExactly("TEST_SIGNAL (entry 1): unknown detector 'becomes' (did you mean became?)");
        assertThat(problems(catalogue(entry("detector", "guess"))).getFirst())
                .startsWith("TEST_SIGNAL (entry 1): unknown detector 'guess' (one of value-changed, appeared, ");
    }

    @Test
    void unknownField() {
        assertThat(problems(catalogue(entry("field", "status.juridicalSituatoin"))))
                .containsExactly("TEST_SIGNAL (entry 1): unknown field 'status.juridicalSituatoin' "
                        + "(did you mean status.juridicalSituation?)");
        assertThat(problems(catalogue(entry("field", "company.revenue"))).getFirst())
                .startsWith(
                        "TEST_SIGNAL (entry 1): unknown field 'company.revenue' (a state field written section.name");
        assertThat(problems(catalogue(entry("field", null))))
                .containsExactly(
                        "TEST_SIGNAL (entry 1): field is missing (a state field such as status.juridicalSituation)");
    }

    @Test
    void unknownCategoryPolarityAndSeverity() {
        assertThat(problems(catalogue(entry("category", "finance", "polarity", "bad", "severity", "urgent"))))
                .containsExactly(
                        "TEST_SIGNAL (entry 1): unknown category 'finance' "
                                + "(identity | status | governance | accounts | scores | payment | internal)",
                        "TEST_SIGNAL (entry 1): unknown polarity 'bad' (negative | positive | neutral)",
                        "TEST_SIGNAL (entry 1): unknown severity 'urgent' (critical | high | medium | low | info)");
        assertThat(problems(catalogue(entry("severity", null))))
                .containsExactly("TEST_SIGNAL (entry 1): severity is missing (critical | high | medium | low | info)");
    }

    @Test
    void missingOrBlankLabelsAndExplanations() {
        String labels = "{"
                + "en: {label: \"Bankruptcy opened\", explanation: \"A court opened bankruptcy proceedings.\"}, "
                + "nl: {label: \"\", explanation: \"De rechtbank sprak het faillissement uit.\"}, "
                + "it: {label: \"Dichiarazione di fallimento\", explanation: \"   \"}}";

        assertThat(problems(catalogue(entry("labels", labels))))
                .containsExactly(
                        "TEST_SIGNAL (entry 1): missing fr label (each language needs {label: ..., explanation: ...})",
                        "TEST_SIGNAL (entry 1): missing or blank nl label",
                        "TEST_SIGNAL (entry 1): missing or blank it explanation");
        assertThat(problems(catalogue(entry("labels", null))))
                .containsExactly("TEST_SIGNAL (entry 1): labels are missing (label and explanation in en, fr, nl, it)");
    }

    @Test
    void duplicateCode() {
        assertThat(problems(catalogue(entry(), entry("code", "OTHER_SIGNAL"), entry())))
                .containsExactly("TEST_SIGNAL (entry 3): duplicate code: entry 1 already uses TEST_SIGNAL");
    }

    @Test
    void codeMustBeCapitalsDigitsAndUnderscores() {
        assertThat(problems(catalogue(entry("code", "bankruptcy-opened"))))
                .containsExactly("'bankruptcy-opened' (entry 1): code must match ^[A-Z][A-Z0-9_]*$ "
                        + "(capital letters, digits and underscores, starting with a letter)");
        assertThat(problems(catalogue(entry("code", "1ST_SIGNAL")))).hasSize(1);
        assertThat(problems(catalogue(entry("code", null)))).containsExactly("entry 1: code is missing");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "became;           {};                            detector became needs params.values (a non-empty list such as [\"048\", \"049\"])",
                "became;           '{values: []}';                params.values must be a non-empty list such as [\"048\", \"049\"], not '[]'",
                "left-set;         {};                            detector left-set needs params.values",
                "changed-by-percent; '{direction: up}';           detector changed-by-percent needs params.percent (a number, 0 or more)",
                "changed-by-percent; '{percent: 20}';             detector changed-by-percent needs params.direction (up | down)",
                "changed-by-percent; '{percent: lots, direction: sideways}'; params.percent must be a number, 0 or more, not 'lots'",
                "changed-by-points; '{direction: down}';          detector changed-by-points needs params.points (a number above 0)",
                "crossed-below;    {};                            detector crossed-below needs params.threshold (a number), or params.ratioOf (a field) with params.factor (a number)",
                "crossed-above;    '{threshold: 0, factor: 2}';   detector crossed-above takes either params.threshold or params.ratioOf with params.factor, not both",
                "crossed-below;    '{ratioOf: accounts.capitol, factor: 0.5}'; unknown params.ratioOf 'accounts.capitol' (did you mean accounts.capital?)",
                "crossed-below;    '{ratioOf: accounts.capital}'; detector crossed-below needs params.factor (a number above 0)",
                "sign-turned;      '{to: zero}';                  params.to must be negative | positive, not 'zero'",
                "multiplied;       {};                            detector multiplied needs params.factor (a number above 0 other than 1)",
                "rating-moved;     '{direction: up}';             detector rating-moved needs params.scale",
                "streak;           '{condition: negative}';       detector streak needs params.periods (a whole number, 2 or more)",
                "streak;           '{condition: negative, periods: 2.5}'; params.periods must be a whole number, 2 or more, not '2.5'",
                "overdue;          {};                            detector overdue needs params.graceDays (a whole number, 0 or more)",
                "first-seen-recent; {};                           detector first-seen-recent needs params.days (a whole number, 1 or more)",
                "turnover-in-window; '{share: 1.5, months: 12}';  params.share must be a number above 0 and at most 1, not '1.5'",
                "network-officer-bankruptcy; {};                  detector network-officer-bankruptcy needs params.years (a whole number, 1 or more)",
                "network-officer-healthy; {};                     detector network-officer-healthy needs params.riskClasses",
                "network-parent-distress; '{minSeverity: severe}'; params.minSeverity must be critical | high | medium | low | info, not 'severe'",
                "value-changed;    '{alsoWhen: [vanished]}';      params.alsoWhen cannot contain 'vanished' (a non-empty list of appeared, disappeared)",
                "became;           '{value: [\"048\"]}';          detector became has no parameter 'value' (it takes values)",
                "appeared;         '{values: [\"048\"]}';         detector appeared has no parameter 'values' (it takes none)"
            })
    void missingOrWrongParamsForTheDetector(String detector, String params, String expected) {
        assertThat(problems(catalogue(entry("detector", detector, "params", params))))
                .anySatisfy(problem -> assertThat(problem).startsWith("TEST_SIGNAL (entry 1): " + expected));
    }

    @Test
    void internalSignalsTakeWhateverParamsTheyNeed() {
        SignalCatalogue catalogue = load(catalogue(entry(
                "code",
                "EXPOSURE_NEAR_LIMIT",
                "category",
                "internal",
                "detector",
                "internal",
                "field",
                "internal.exposure",
                "params",
                "{percent: 90}")));

        assertThat(catalogue.find("EXPOSURE_NEAR_LIMIT").orElseThrow().params()).containsEntry("percent", 90);
    }

    @Test
    void misspelledKeysAndWrongValuesOfEnabled() {
        assertThat(problems(catalogue(entry("severity", null, "severty", "high", "enabled", "sometimes"))))
                .containsExactly(
                        "TEST_SIGNAL (entry 1): unknown key 'severty' (did you mean severity?) "
                                + "(an entry has code, category, polarity, severity, enabled, detector, field, params, labels)",
                        "TEST_SIGNAL (entry 1): severity is missing (critical | high | medium | low | info)",
                        "TEST_SIGNAL (entry 1): enabled must be true or false, not 'sometimes'");
    }

    @Test
    void aFileThatIsNotACatalogue() {
        assertThat(problems("signals:\n  - code: [unclosed\n"))
                .singleElement()
                .asString()
                .startsWith("not valid YAML: ")
                .contains("line 2");
        assertThat(problems("signal:\n  - code: TEST_SIGNAL\n"))
                .containsExactly("the file must start with 'signals:' followed by a list of entries ('  - code: ...')");
        assertThat(problems("signals:\n  - just a string\n"))
                .singleElement()
                .asString()
                .startsWith("entry 1: not a signal");
    }

    @Test
    void listsEveryProblemOfEveryEntryInOneMessage() {
        InvalidCatalogueException invalid = rejected(catalogue(
                entry(),
                entry("code", "SECOND", "detector", "becomes"),
                entry("code", "THIRD", "field", "accounts.profit", "params", "{}"),
                entry("code", "SECOND", "polarity", "sideways")));

        assertThat(invalid.problems())
                .containsExactly(
                        "SECOND (entry 2): unknown detector 'becomes' (did you mean became?)",
                        "THIRD (entry 3): unknown field 'accounts.profit' (a state field written section.name, e.g. accounts.equity; "
                                + "the list of fields is in the comment at the top of config/signals.yml)",
                        "THIRD (entry 3): detector became needs params.values (a non-empty list such as [\"048\", \"049\"])",
                        "SECOND (entry 4): duplicate code: entry 2 already uses SECOND",
                        "SECOND (entry 4): unknown polarity 'sideways' (negative | positive | neutral)");
        assertThat(invalid.source()).isEqualTo("Byte array resource [test catalogue]");
        assertThat(invalid.getMessage())
                .startsWith("The signal catalogue Byte array resource [test catalogue] is invalid:")
                .contains(invalid.problems());
    }

    static String catalogue(String... entries) {
        return "signals:\n" + String.join("", entries);
    }

    /** A valid entry, with each given key replaced by a raw YAML value (null drops the key). */
    static String entry(String... overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", "TEST_SIGNAL");
        values.put("category", "status");
        values.put("polarity", "negative");
        values.put("severity", "high");
        values.put("enabled", "true");
        values.put("detector", "became");
        values.put("field", "status.juridicalSituation");
        values.put("params", "{values: [\"048\", \"049\", \"050\"]}");
        values.put("labels", LABELS);
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        StringBuilder yaml = new StringBuilder();
        String prefix = "  - ";
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (value.getValue() != null) {
                yaml.append(prefix)
                        .append(value.getKey())
                        .append(": ")
                        .append(value.getValue())
                        .append('\n');
                prefix = "    ";
            }
        }
        return yaml.toString();
    }

    static SignalCatalogue load(String yaml) {
        return new SignalCatalogue(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test catalogue"));
    }

    static InvalidCatalogueException rejected(String yaml) {
        Throwable thrown = catchThrowable(() -> load(yaml));
        assertThat(thrown).as("the catalogue should be refused").isInstanceOf(InvalidCatalogueException.class);
        return (InvalidCatalogueException) thrown;
    }

    static List<String> problems(String yaml) {
        return rejected(yaml).problems();
    }
}
