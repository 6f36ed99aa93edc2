package eu.vigil.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalTests {

    private final Signal bankruptcy = new Signal(
            "BANKRUPTCY_OPENED",
            Category.STATUS,
            Polarity.NEGATIVE,
            Severity.CRITICAL,
            true,
            "became",
            "status.juridicalSituation",
            Map.of("values", List.of("048")),
            Map.of(
                    "en", new Signal.Label("Bankruptcy opened", "A court opened bankruptcy proceedings."),
                    "fr", new Signal.Label("Ouverture de faillite", "Un tribunal a déclaré la faillite."),
                    "nl", new Signal.Label("Faillissement geopend", "De rechtbank sprak het faillissement uit."),
                    "it",
                            new Signal.Label(
                                    "Dichiarazione di fallimento", "Il tribunale ha dichiarato il fallimento.")));

    @Test
    void labelInTheReadersLanguage() {
        assertThat(bankruptcy.label("it"))
                .isEqualTo(
                        new Signal.Label("Dichiarazione di fallimento", "Il tribunale ha dichiarato il fallimento."));
        assertThat(bankruptcy.label("fr-BE").label()).isEqualTo("Ouverture de faillite");
        assertThat(bankruptcy.label("NL").label()).isEqualTo("Faillissement geopend");
    }

    @Test
    void labelFallsBackToEnglish() {
        assertThat(bankruptcy.label("de").label()).isEqualTo("Bankruptcy opened");
        assertThat(bankruptcy.label(null).label()).isEqualTo("Bankruptcy opened");
        assertThat(bankruptcy.label("").label()).isEqualTo("Bankruptcy opened");
    }

    @Test
    void severitiesRankFromCriticalDownToInfo() {
        assertThat(Arrays.stream(Severity.values())
                        .sorted(Comparator.comparingInt(Severity::rank).reversed()))
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO);
        assertThat(Severity.CRITICAL.isAtLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.MEDIUM.isAtLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.LOW.isAtLeast(Severity.MEDIUM)).isFalse();
        assertThat(Severity.INFO.isAtLeast(Severity.LOW)).isFalse();
    }
}
