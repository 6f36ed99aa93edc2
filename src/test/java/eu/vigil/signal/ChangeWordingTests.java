package eu.vigil.signal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.support.VigilTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every change the demo world's feeds recorded (120 signal codes over KBO, BODACC, Companies House, accounts and the
 * bureau), read in French, Dutch and Italian: no raw code, bare boolean, unformatted amount, ISO date or English word.
 */
@VigilTest
class ChangeWordingTests {

    private static final List<Locale> READERS = List.of(Locale.FRENCH, Locale.of("nl"), Locale.ITALIAN);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern BOOLEAN = Pattern.compile("\\b(true|false)\\b");
    private static final Pattern SITUATION_CODE = Pattern.compile("(^|→ )\\d{3}($| →)");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{4,}");
    private static final List<String> ENGLISH = List.of(
            " due by ",
            "last filed",
            "period end",
            "disqualified",
            "director",
            "secretary",
            "receivership",
            "proposal",
            "strike-off",
            "annulation of",
            " days",
            "Charge ",
            " d)",
            "none",
            "going-concern",
            "unqualified",
            "Added",
            "Removed",
            "left the board",
            "joined the board");
    private static final Set<String> AMOUNTS = Set.of(
            "accounts.capital",
            "accounts.equity",
            "accounts.totalAssets",
            "accounts.fixedAssets",
            "accounts.cash",
            "accounts.shortTermDebt",
            "accounts.turnover",
            "accounts.grossMargin",
            "accounts.operatingResult",
            "accounts.netResult",
            "accounts.overdueTaxDebt",
            "accounts.overdueSocialDebt",
            "scores.creditLimit");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ChangeWording wording;

    @Autowired
    SignalCatalogue catalogue;

    @Autowired
    SignalEvents events;

    @Autowired
    CompanyRegistry registry;

    @Test
    void everyRecordedChangeReadsInPlainFrenchDutchAndItalian() {
        List<String> wrong = new ArrayList<>();
        List<String[]> changes =
                jdbc.query("""
                select distinct on (code, coalesce(old_value, ''), coalesce(new_value, '')) code, old_value, new_value
                from signal_event order by code, coalesce(old_value, ''), coalesce(new_value, '') limit 5000""", (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        assertThat(changes.stream().map(c -> c[0]).distinct().count())
                .as("signal codes in the demo world")
                .isGreaterThan(100);
        for (String[] change : changes) {
            String field = catalogue.find(change[0]).map(Signal::field).orElse("");
            for (Locale reader : READERS) {
                String text =
                        wording.words(change[0], change[1], change[2], reader).text();
                String what =
                        reader + " " + change[0] + " " + change[1] + " → " + change[2] + " reads \"" + text + "\"";
                if (text == null || text.isBlank()) {
                    wrong.add(what + ": nothing");
                    continue;
                }
                if (ISO_DATE.matcher(text).find()) {
                    wrong.add(what + ": ISO date");
                }
                if (BOOLEAN.matcher(text).find()) {
                    wrong.add(what + ": bare boolean");
                }
                if (SITUATION_CODE.matcher(text).find()) {
                    wrong.add(what + ": raw code");
                }
                ENGLISH.stream().filter(text::contains).forEach(word -> wrong.add(what + ": English \"" + word + "\""));
                if (AMOUNTS.contains(field)
                        && (!text.contains("€") || LONG_NUMBER.matcher(text).find())) {
                    wrong.add(what + ": unformatted amount");
                }
                if (field.equals("scores.pd") && !text.contains("%")) {
                    wrong.add(what + ": a probability not in %");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void amountsProbabilitiesAndBoardChangesReadAsEachLanguageWritesThem() {
        assertThat(read("CREDIT_LIMIT_DOWN", "25000", "0", Locale.FRENCH)).isEqualTo("25 000,00 € → 0,00 €");
        assertThat(read("CREDIT_LIMIT_DOWN", "25000", "0", Locale.of("nl"))).isEqualTo("€ 25.000,00 → € 0,00");
        assertThat(read("CREDIT_LIMIT_DOWN", "25000", "0", Locale.ITALIAN)).isEqualTo("25.000,00 € → 0,00 €");
        assertThat(read("CREDIT_LIMIT_DOWN", "25000", "0", Locale.ENGLISH)).isEqualTo("€25,000.00 → €0.00");
        assertThat(read("PD_DOUBLED", "0.1455", "1", Locale.FRENCH)).isEqualTo("14,55 % → 100 %");
        assertThat(read("DIRECTOR_RESIGNED", "Janssens, Jan (director, P-10002)", null, Locale.ENGLISH))
                .isEqualTo("Jan Janssens, director, left the board");
        assertThat(read("DIRECTOR_RESIGNED", "Janssens, Jan (director, P-10002)", null, Locale.FRENCH))
                .isEqualTo("Jan Janssens, administrateur, quitte le conseil");
        assertThat(read("CEASED_ACTIVE", "true", "false", Locale.of("nl")))
                .isEqualTo("Niet langer actief in het register");
        assertThat(read("STRIKE_OFF_PROPOSED", "active", "active-proposal-to-strike-off", Locale.ITALIAN))
                .isEqualTo("attiva → attiva, cancellazione proposta");
        assertThat(read("BANKRUPTCY_OPENED", "000", "050", Locale.ITALIAN))
                .isEqualTo("Situazione normale → Apertura di fallimento");
    }

    @Test
    void theBankruptBuildersLastChangesReadAsSentences() {
        long id = registry.find(new CompanyId("BE", "0310143840")).orElseThrow().id();
        List<String> french = events.of(id, null).stream()
                .map(e -> wording.words(e, Locale.FRENCH).text())
                .toList();
        assertThat(french)
                .anyMatch(t -> t.contains("quitte le conseil"))
                .anyMatch(t -> t.equals("Situation normale → Ouverture de faillite"));
    }

    private String read(String code, String before, String after, Locale locale) {
        return wording.words(code, before, after, locale)
                .text()
                .replace('\u202f', ' ')
                .replace('\u00a0', ' ');
    }
}
