package eu.vigil.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/** The catalogue Vigil ships in config/signals.yml against the catalogue spec (src/test/resources/spec/signals.md). */
class ShippedCatalogueTests {

    private static final Path SHIPPED = Path.of("config/signals.yml");
    private static final String SPEC = "spec/signals.md";

    /** Every code of signals.md, pairs expanded (the spec writes some as pairs: "X_TURNED_NEGATIVE / _POSITIVE"). */
    static final List<String> SPEC_CODES = List.of(
            "NAME_CHANGED",
            "ABBREVIATION_CHANGED",
            "COMMERCIAL_NAME_ADDED",
            "COMMERCIAL_NAME_REMOVED",
            "LEGAL_FORM_CHANGED",
            "SEAT_MOVED",
            "SEAT_MOVED_ABROAD",
            "ADDRESS_STRUCK_OFF",
            "ESTABLISHMENT_OPENED",
            "ESTABLISHMENT_CLOSED",
            "ALL_ESTABLISHMENTS_CLOSED",
            "MAIN_ACTIVITY_CHANGED",
            "ACTIVITY_ADDED",
            "ACTIVITY_REMOVED",
            "PHONE_CHANGED",
            "EMAIL_CHANGED",
            "WEBSITE_CHANGED",
            "VAT_ACTIVITY_STARTED",
            "VAT_ACTIVITY_ENDED",
            "EMPLOYER_REGISTERED",
            "EMPLOYER_DEREGISTERED",
            "COMPANY_REGISTERED",
            "CEASED_ACTIVE",
            "REACTIVATED",
            "BANKRUPTCY_OPENED",
            "BANKRUPTCY_CLOSED",
            "BANKRUPTCY_REVOKED",
            "REORGANISATION_OPENED",
            "REORGANISATION_ENDED",
            "SAFEGUARD_OPENED",
            "CONCILIATION_OPENED",
            "MORATORIUM_OPENED",
            "ADMINISTRATION_ENTERED",
            "RECEIVERSHIP_ENTERED",
            "LIQUIDATION_OPENED",
            "LIQUIDATION_REOPENED",
            "LIQUIDATION_CLOSED",
            "DISSOLVED_BY_LAW",
            "DISSOLVED_BY_COURT",
            "STRIKE_OFF_PROPOSED",
            "STRUCK_OFF",
            "MERGED_INTO_OTHER",
            "DEMERGED",
            "SINGLE_SHAREHOLDER",
            "BUSINESS_SOLD",
            "INSOLVENCY_HISTORY_FLAGGED",
            "CHARGE_REGISTERED",
            "LEGAL_NOTICE_CORRECTED",
            "DIRECTOR_APPOINTED",
            "DIRECTOR_RESIGNED",
            "MANAGING_DIRECTOR_CHANGED",
            "BOARD_TURNOVER_HIGH",
            "NO_DIRECTOR_LEFT",
            "DIRECTOR_LINKED_TO_BANKRUPTCY",
            "DIRECTOR_LINKED_TO_HEALTHY_COMPANIES",
            "DIRECTOR_DISQUALIFIED",
            "AUDITOR_APPOINTED",
            "AUDITOR_RESIGNED",
            "PARENT_CHANGED",
            "PARENT_IN_DISTRESS",
            "SUBSIDIARY_IN_DISTRESS",
            "ACCOUNTS_FILED",
            "ACCOUNTS_OVERDUE",
            "ACCOUNTS_FILED_LATE",
            "ACCOUNTS_MISSING_TWO_YEARS",
            "CONFIRMATION_STATEMENT_OVERDUE",
            "CAPITAL_INCREASED",
            "CAPITAL_DECREASED",
            "EQUITY_NEGATIVE",
            "EQUITY_BELOW_HALF_CAPITAL",
            "EQUITY_UP_25",
            "EQUITY_DOWN_25",
            "TURNOVER_UP_20",
            "TURNOVER_DOWN_20",
            "GROSS_MARGIN_UP_20",
            "GROSS_MARGIN_DOWN_20",
            "OPERATING_RESULT_TURNED_NEGATIVE",
            "OPERATING_RESULT_TURNED_POSITIVE",
            "NET_RESULT_TURNED_LOSS",
            "NET_RESULT_TURNED_PROFIT",
            "LOSSES_THREE_YEARS",
            "CURRENT_RATIO_BELOW_1",
            "CURRENT_RATIO_RECOVERED",
            "SOLVENCY_BELOW_10",
            "CASH_DOWN_50",
            "SHORT_TERM_DEBT_UP_50",
            "TOTAL_ASSETS_UP_25",
            "INVESTMENT_UP_25",
            "HEADCOUNT_UP_20",
            "HEADCOUNT_DOWN_20",
            "OVERDUE_TAX_DEBT",
            "OVERDUE_SOCIAL_DEBT",
            "AUDIT_OPINION_QUALIFIED",
            "GOING_CONCERN_DOUBT",
            "RATING_UPGRADED",
            "RATING_DOWNGRADED",
            "RATING_WITHDRAWN",
            "RISK_CLASS_HIGH",
            "RISK_CLASS_RECOVERED",
            "PD_DOUBLED",
            "PD_HALVED",
            "CREDIT_LIMIT_UP",
            "CREDIT_LIMIT_DOWN",
            "CREDIT_LIMIT_WITHDRAWN",
            "PAYMENT_SCORE_UP",
            "PAYMENT_SCORE_DOWN",
            "GROWTH_SCORE_UP",
            "GROWTH_SCORE_DOWN",
            "DISSOLUTION_SCORE_UP",
            "DISSOLUTION_SCORE_DOWN",
            "MULTISCORE_UP",
            "MULTISCORE_DOWN",
            "DBT_UP",
            "DBT_DOWN",
            "PAYMENT_INCIDENT",
            "PROTEST_REGISTERED",
            "PROTEST_CLEARED",
            "SEIZURE_REGISTERED",
            "SOCIAL_SECURITY_SUMMONS",
            "TAX_DEBT_REGISTERED",
            "JUDGMENT_REGISTERED",
            "CREDIT_LIMIT_EXCEEDED",
            "EXPOSURE_NEAR_LIMIT",
            "OVERDUE_60",
            "OVERDUE_90",
            "INTERNAL_DBT_UP",
            "CONSISTENT_GOOD_PAYER");

    private final SignalCatalogue catalogue = new SignalCatalogue(new FileSystemResource(SHIPPED));

    @Test
    void loadsWithAtLeast120Signals() {
        assertThat(catalogue.all()).hasSizeGreaterThanOrEqualTo(120);
        assertThat(catalogue.enabled()).hasSameSizeAs(catalogue.all());
        assertThat(catalogue.find("BANKRUPTCY_OPENED")).hasValueSatisfying(signal -> {
            assertThat(signal.category()).isEqualTo(Category.STATUS);
            assertThat(signal.polarity()).isEqualTo(Polarity.NEGATIVE);
            assertThat(signal.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(signal.detector()).isEqualTo("became");
            assertThat(signal.field()).isEqualTo("status.juridicalSituation");
            assertThat(signal.params()).containsEntry("values", List.of("048", "049", "050"));
        });
    }

    @Test
    void containsEveryCodeOfTheSpec() {
        assertThat(SPEC_CODES).hasSize(127).doesNotHaveDuplicates();
        assertThat(codes()).containsAll(SPEC_CODES);
    }

    @Test
    void containsEveryCodeTheSpecNamesTodayWithItsPolarity() throws IOException {
        Map<String, String> specPolarities;
        try (InputStream spec = new ClassPathResource(SPEC).getInputStream()) {
            specPolarities = specCodes(new String(spec.readAllBytes(), StandardCharsets.UTF_8));
        }

        assertThat(specPolarities).hasSizeGreaterThanOrEqualTo(120);
        assertThat(codes()).containsAll(specPolarities.keySet());
        assertThat(SPEC_CODES).containsAll(specPolarities.keySet());
        specPolarities.forEach((code, polarity) -> {
            if (polarity != null) {
                assertThat(catalogue.find(code).orElseThrow().polarity().key())
                        .as(code)
                        .isEqualTo(polarity);
            }
        });
    }

    @Test
    void everySignalSpeaksEnglishFrenchDutchAndItalianInShortLabelsAndOneSentence() {
        for (Signal signal : catalogue.all()) {
            assertThat(signal.labels()).as(signal.code()).containsOnlyKeys("en", "fr", "nl", "it");
            signal.labels().forEach((language, label) -> {
                String where = signal.code() + " " + language;
                assertThat(label.label())
                        .as(where)
                        .isNotBlank()
                        .hasSizeLessThanOrEqualTo(40)
                        .doesNotEndWith(".");
                assertThat(label.explanation())
                        .as(where)
                        .endsWith(".")
                        .doesNotContain(". ")
                        .doesNotContain("\n");
            });
        }
    }

    @Test
    void theBuiltInCopyIsIdenticalToTheShippedFile() throws IOException {
        try (InputStream builtIn = new ClassPathResource(SignalCatalogue.BUILT_IN).getInputStream()) {
            assertThat(new String(builtIn.readAllBytes(), StandardCharsets.UTF_8))
                    .as("the build packages config/signals.yml as classpath:" + SignalCatalogue.BUILT_IN)
                    .isEqualTo(Files.readString(SHIPPED));
        }
    }

    @Test
    void usesTheBuiltInCopyWhenTheConfiguredFileDoesNotExist() {
        SignalCatalogue builtIn =
                new SignalCatalogue(new SignalProperties(new FileSystemResource("target/no-such-dir/signals.yml")));

        assertThat(builtIn.all()).isEqualTo(catalogue.all());
    }

    private Set<String> codes() {
        return catalogue.all().stream().map(Signal::code).collect(Collectors.toSet());
    }

    /**
     * Code to polarity (null where the spec gives none) from the spec's tables and its internal-receivables
     * paragraph. A pair written "A_UP / A_DOWN" names both; "X_TURNED_NEGATIVE / _POSITIVE" swaps the tail of
     * the first code for the suffix, resolved against {@link #SPEC_CODES}.
     */
    static Map<String, String> specCodes(String spec) {
        Map<String, String> polarities = new LinkedHashMap<>();
        Map<String, String> abbreviations = Map.of("neg.", "negative", "pos.", "positive");
        List<String> unresolved = new ArrayList<>();
        for (String line : spec.lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("| code")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String[] codes = cells[1].trim().split("\\s*/\\s*");
            String[] polarity = cells[2].trim().split("\\s*/\\s*");
            for (int i = 0; i < codes.length; i++) {
                String code = codes[i].startsWith("_") ? expand(codes[0], codes[i]) : codes[i];
                if (code == null) {
                    unresolved.add(codes[0] + " / " + codes[i]);
                    continue;
                }
                String value = polarity[polarity.length == codes.length ? i : 0];
                polarities.put(code, abbreviations.getOrDefault(value, value));
            }
        }
        Matcher internal = Pattern.compile("## Internal receivables[^\n]*\n(.*?)\n\n", Pattern.DOTALL)
                .matcher(spec);
        assertThat(internal.find())
                .as("the spec's internal receivables section")
                .isTrue();
        Matcher code = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b").matcher(internal.group(1));
        while (code.find()) {
            polarities.putIfAbsent(code.group(), null);
        }
        assertThat(unresolved)
                .as("pairs in the spec whose second code is not in SPEC_CODES")
                .isEmpty();
        return polarities;
    }

    private static String expand(String first, String suffix) {
        String[] segments = first.split("_");
        for (int keep = segments.length - 1; keep > 0; keep--) {
            String candidate = String.join("_", List.of(segments).subList(0, keep)) + suffix;
            if (SPEC_CODES.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
