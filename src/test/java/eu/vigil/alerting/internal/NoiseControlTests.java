package eu.vigil.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.signal.Category;
import eu.vigil.signal.Polarity;
import eu.vigil.signal.Severity;
import eu.vigil.signal.SignalEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoiseControlTests {

    private static final Map<String, String> FIELDS = Map.of(
            "BANKRUPTCY_OPENED",
            "status.juridicalSituation",
            "BANKRUPTCY_REVOKED",
            "status.juridicalSituation",
            "RATING_DOWNGRADE",
            "scores.rating",
            "RATING_UPGRADE",
            "scores.rating",
            "OFFICER_APPOINTED",
            "governance.officers",
            "OFFICER_RESIGNED",
            "governance.officers");

    @Test
    void aCriticalNegativeSignalHidesTheLesserNegativeOnesButNotThePositiveOnes() {
        List<SignalEvent> sent = NoiseControl.worthSending(
                List.of(
                        event(1, "RATING_DOWNGRADE", Polarity.NEGATIVE, Severity.HIGH, "BBB", "BB"),
                        event(2, "BANKRUPTCY_OPENED", Polarity.NEGATIVE, Severity.CRITICAL, "000", "050"),
                        event(3, "OFFICER_APPOINTED", Polarity.POSITIVE, Severity.LOW, null, "A. Curator")),
                FIELDS::get);
        assertThat(sent).extracting(SignalEvent::code).containsExactly("BANKRUPTCY_OPENED", "OFFICER_APPOINTED");
    }

    @Test
    void withoutACriticalSignalEverythingGoesMostSevereFirst() {
        List<SignalEvent> sent = NoiseControl.worthSending(
                List.of(
                        event(1, "OFFICER_APPOINTED", Polarity.POSITIVE, Severity.LOW, null, "A. Curator"),
                        event(2, "RATING_DOWNGRADE", Polarity.NEGATIVE, Severity.HIGH, "BBB", "BB")),
                FIELDS::get);
        assertThat(sent).extracting(SignalEvent::code).containsExactly("RATING_DOWNGRADE", "OFFICER_APPOINTED");
    }

    @Test
    void aValueThatChangesAndChangesBackIsNotSent() {
        List<SignalEvent> sent = NoiseControl.worthSending(
                List.of(
                        event(1, "RATING_DOWNGRADE", Polarity.NEGATIVE, Severity.HIGH, "BBB", "BB"),
                        event(2, "RATING_UPGRADE", Polarity.POSITIVE, Severity.MEDIUM, "BB", "BBB"),
                        event(3, "BANKRUPTCY_OPENED", Polarity.NEGATIVE, Severity.CRITICAL, "000", "050"),
                        event(4, "BANKRUPTCY_REVOKED", Polarity.POSITIVE, Severity.HIGH, "050", "000")),
                FIELDS::get);
        assertThat(sent).isEmpty();
    }

    @Test
    void changesOfOneFieldThatDoNotChainOrDoNotReturnAreSent() {
        List<SignalEvent> sent = NoiseControl.worthSending(
                List.of(
                        event(1, "OFFICER_APPOINTED", Polarity.POSITIVE, Severity.LOW, null, "A. Peeters"),
                        event(2, "OFFICER_RESIGNED", Polarity.NEGATIVE, Severity.LOW, "B. Janssens", null),
                        event(3, "RATING_DOWNGRADE", Polarity.NEGATIVE, Severity.HIGH, "A", "BBB"),
                        event(4, "RATING_DOWNGRADE", Polarity.NEGATIVE, Severity.HIGH, "BBB", "BB")),
                FIELDS::get);
        assertThat(sent).extracting(SignalEvent::id).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    private static SignalEvent event(
            long id, String code, Polarity polarity, Severity severity, String oldValue, String newValue) {
        return new SignalEvent(
                id,
                code,
                Category.STATUS,
                polarity,
                severity,
                oldValue,
                newValue,
                LocalDate.of(2026, 11, 2),
                Instant.now(),
                "kbo",
                "0150");
    }
}
