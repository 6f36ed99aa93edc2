package eu.vigil.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

/** The generic detectors of the shipped catalogue, on the identity and status fields KBO fills. */
class SignalEngineTests {

    private final SignalEngine engine =
            new SignalEngine(new SignalCatalogue(new FileSystemResource(Path.of("config/signals.yml"))));

    @Test
    void nothingFiresWhenNothingChanged() {
        assertThat(engine.detect(company(f -> {}), company(f -> {}))).isEmpty();
    }

    @Test
    void juridicalSituationTransitionsFireTheirSignalsAndOnlyThem() {
        assertThat(codes(
                        company(f -> f.text("status.juridicalSituation", "000")),
                        company(f -> f.text("status.juridicalSituation", "048"))))
                .containsExactly("BANKRUPTCY_OPENED");
        assertThat(codes(
                        company(f -> f.text("status.juridicalSituation", "048")),
                        company(f -> f.text("status.juridicalSituation", "000"))))
                .containsExactly("BANKRUPTCY_REVOKED");
        assertThat(codes(
                        company(f -> f.text("status.juridicalSituation", "000")),
                        company(f -> f.text("status.juridicalSituation", "091"))))
                .containsExactly("REORGANISATION_OPENED");
        assertThat(codes(
                        company(f -> f.text("status.juridicalSituation", "000")),
                        company(f -> f.text("status.juridicalSituation", "012"))))
                .containsExactly("LIQUIDATION_OPENED");
    }

    @Test
    void leavingAndComingBackAreCeasedAndReactivated() {
        assertThat(codes(company(f -> f.text("status.active", true)), company(f -> f.text("status.active", false))))
                .containsExactly("CEASED_ACTIVE");
        assertThat(codes(company(f -> f.text("status.active", false)), company(f -> f.text("status.active", true))))
                .containsExactly("REACTIVATED");
    }

    @Test
    void setFieldsFireOnTheMembersTheyWatch() {
        assertThat(codes(
                        company(f -> f.set("identity.activityGroups", List.of("003"))),
                        company(f -> f.set("identity.activityGroups", List.of("001", "003")))))
                .containsExactly("VAT_ACTIVITY_STARTED");
        assertThat(codes(
                        company(f -> f.set("identity.activityGroups", List.of("003", "006"))),
                        company(f -> f.set("identity.activityGroups", List.of("003")))))
                .containsExactly("EMPLOYER_DEREGISTERED");
        assertThat(codes(
                        company(f -> f.set("identity.establishments", List.of("2.000.000.001", "2.000.000.002"))),
                        company(f -> f.set("identity.establishments", List.of()))))
                .containsExactlyInAnyOrder("ESTABLISHMENT_CLOSED", "ALL_ESTABLISHMENTS_CLOSED");
        assertThat(codes(
                        company(f -> f.set("identity.establishments", List.of("2.000.000.001"))),
                        company(f -> f.set("identity.establishments", List.of("2.000.000.001", "2.000.000.009")))))
                .containsExactly("ESTABLISHMENT_OPENED");
    }

    @Test
    void identityChangesFireTheirSignals() {
        assertThat(codes(
                        company(f -> f.text("identity.name", "Alpha NV")),
                        company(f -> f.text("identity.name", "Beta NV"))))
                .containsExactly("NAME_CHANGED");
        assertThat(codes(
                        company(f -> f.text("identity.seatCountry", "BE")),
                        company(f -> f.text("identity.seatCountry", "Frankrijk"))))
                .containsExactly("SEAT_MOVED_ABROAD");
        assertThat(codes(
                        company(f -> f.text("identity.seatStruckOff", null)),
                        company(f -> f.text("identity.seatStruckOff", "2026-10-01"))))
                .containsExactly("ADDRESS_STRUCK_OFF");
        var fired = engine.detect(
                company(f -> f.text("identity.website", "www.a.be")),
                company(f -> f.text("identity.website", "www.b.be")));
        assertThat(fired).singleElement().satisfies(d -> {
            assertThat(d.signal().code()).isEqualTo("WEBSITE_CHANGED");
            assertThat(d.oldValue()).isEqualTo("www.a.be");
            assertThat(d.newValue()).isEqualTo("www.b.be");
        });
    }

    @Test
    void aFirstSightRecordsOnlyTroubleAlreadyThereAndARecentStart() {
        LocalDate asOf = LocalDate.of(2026, 10, 3);
        assertThat(engine.firstSeen(
                        company(f -> f.text("status.juridicalSituation", "049").text("status.active", true)), asOf))
                .extracting(d -> d.signal().code())
                .containsExactly("BANKRUPTCY_OPENED");
        assertThat(engine.firstSeen(
                        company(f -> f.text("status.juridicalSituation", "000")
                                .text("status.active", true)
                                .text("identity.startDate", "2010-01-01")),
                        asOf))
                .isEmpty();
        assertThat(engine.firstSeen(company(f -> f.text("identity.startDate", "2026-09-20")), asOf))
                .extracting(d -> d.signal().code())
                .containsExactly("COMPANY_REGISTERED");
        assertThat(engine.firstSeen(
                        company(f -> f.text("status.juridicalSituation", null).text("status.active", false)), asOf))
                .as("a company first seen after it left, its situation unknown")
                .extracting(d -> d.signal().code())
                .containsExactly("CEASED_ACTIVE");
    }

    private List<String> codes(FieldValues before, FieldValues after) {
        return engine.detect(before, after).stream().map(d -> d.signal().code()).toList();
    }

    private static FieldValues company(Consumer<FieldValues> fields) {
        FieldValues values = new FieldValues("BE");
        fields.accept(values);
        return values;
    }
}
