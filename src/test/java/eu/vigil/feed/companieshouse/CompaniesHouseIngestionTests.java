package eu.vigil.feed.companieshouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.Section;
import eu.vigil.demo.world.CompaniesHouseStreamWriter;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Address;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Appointment;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Case;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Charge;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Disqualification;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Envelope;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Profile;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.QuarantinedRow;
import eu.vigil.feed.RunView;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import eu.vigil.support.VigilTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@VigilTest
class CompaniesHouseIngestionTests {

    private static final String SOURCE = "companies-house";

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    SignalEvents events;

    @Autowired
    JdbcTemplate jdbc;

    /** Stream timepoints, a range of its own for each test. */
    private static final java.util.concurrent.atomic.AtomicLong TIMEPOINTS =
            new java.util.concurrent.atomic.AtomicLong(50_000_000);

    private long timepoint = TIMEPOINTS.getAndAdd(10_000);

    @Test
    void aCompanyFirstSeenIsRegisteredWithItsStateAndItsLaterChangesFireDatedFromTheStream() {
        String number = FeedLines.britishNumber();
        RunView first = ingest(text(List.of(profile(number, "active", null)), "2026-09-01T10:15:00"), 3);
        assertThat(first.status()).as(first.error()).isEqualTo("COMPLETED");
        assertThat(first.rowsRead()).as("heartbeats (blank lines) are not rows").isEqualTo(1);
        assertThat(first.companiesNew()).isEqualTo(1);
        var company = registry.find(new CompanyId("GB", number)).orElseThrow();
        assertThat(company.sections()).containsKeys(Section.IDENTITY, Section.STATUS);
        assertThat(company.sections().get(Section.IDENTITY).json())
                .contains("\"type\":\"001\",\"value\":\"PROEF TRADING LIMITED\"");
        assertThat(company.sections().get(Section.STATUS).json())
                .contains("\"active\":true")
                .contains("\"juridicalSituation\":\"000\"");
        assertThat(codes(number))
                .as("a first sight of a healthy company records its state, no events")
                .isEmpty();

        Profile renamed = new Profile(
                number,
                "NIEUW TRADING LIMITED",
                "ltd",
                LocalDate.of(2010, 3, 15),
                null,
                "liquidation",
                null,
                new Address("2 Station Road", "Leeds", "LS1 4DY", "England"),
                List.of("62020"),
                false,
                true,
                false,
                LocalDate.of(2024, 12, 31),
                false);
        // published at 01:30 in British summer time: 2026-10-01 in UTC, as an event without a zone would be
        RunView second = ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.profile(renamed, ++timepoint, "2026-10-02T00:30:00+01:00")),
                        null),
                0);
        assertThat(second.status()).as(second.error()).isEqualTo("COMPLETED");
        assertThat(codes(number))
                .containsExactlyInAnyOrder(
                        "NAME_CHANGED",
                        "SEAT_MOVED",
                        "MAIN_ACTIVITY_CHANGED",
                        "LIQUIDATION_OPENED",
                        "INSOLVENCY_HISTORY_FLAGGED");
        assertThat(events.of(id(number), null))
                .extracting(SignalEvent::effectiveDate)
                .containsOnly(LocalDate.of(2026, 10, 1));
        assertThat(event(number, "LIQUIDATION_OPENED").oldValue()).isEqualTo("000");
        assertThat(event(number, "LIQUIDATION_OPENED").newValue()).isEqualTo("012");
        assertThat(event(number, "SEAT_MOVED").newValue()).isEqualTo("2 Station Road, Leeds, LS1 4DY");
    }

    @Test
    void theSameEventAgainAndAnOlderOneAreSkippedAndReplayingTheFileRecordsNothing() {
        String number = FeedLines.britishNumber();
        Envelope active = profile(number, "active", null);
        Envelope older = CompaniesHouseStreamWriter.profile(
                base(number, "active", null, false), timepoint - 5, "2026-09-01T09:00:00");
        Envelope administration = profile(number, "administration", null);
        String file = text(List.of(active, active, administration, older), "2026-09-01T10:00:00");

        RunView run = ingest(file, 0);
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(run.rowsRead()).isEqualTo(4);
        assertThat(run.rowsApplied())
                .as("the duplicate (same etag) and the older event are skipped")
                .isEqualTo(2);
        assertThat(codes(number)).containsExactly("ADMINISTRATION_ENTERED");
        assertThat(registry.find(new CompanyId("GB", number))
                        .orElseThrow()
                        .sections()
                        .get(Section.STATUS)
                        .json())
                .contains("\"chStatus\":\"administration\"");

        RunView replay = ingestion.ingestNow(
                SOURCE, new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "again.jsonl", true, "test");
        assertThat(replay.status()).as(replay.error()).isEqualTo("COMPLETED");
        assertThat(replay.rowsApplied()).isZero();
        assertThat(replay.companiesChanged()).isZero();
        assertThat(replay.signalEvents()).isZero();
        assertThat(codes(number)).containsExactly("ADMINISTRATION_ENTERED");
    }

    @Test
    void officersComeFromTheStreamWithTheCompanyNumberOfTheirUriAndTheFirstRunRecordsTheBoard() {
        String number = FeedLines.britishNumber();
        Appointment eva = new Appointment(
                number,
                "A-" + number + "-1",
                "P-" + number + "-1",
                "JANSEN, Eva",
                "director",
                LocalDate.of(2015, 1, 10),
                null);
        Appointment jan = new Appointment(
                number,
                "A-" + number + "-2",
                "P-" + number + "-2",
                "CLAES, Jan",
                "secretary",
                LocalDate.of(2018, 6, 1),
                null);
        RunView first = ingest(
                text(
                        List.of(
                                CompaniesHouseStreamWriter.appointment(eva, ++timepoint, "2026-09-01T08:00:00"),
                                CompaniesHouseStreamWriter.appointment(jan, ++timepoint, "2026-09-01T08:00:01")),
                        null),
                0);
        assertThat(first.status()).as(first.error()).isEqualTo("COMPLETED");
        assertThat(codes(number))
                .as("the board a first run sees is the company's state")
                .isEmpty();
        assertThat(jdbc.queryForList(
                        "select officer_key from company_officer where company_id = ? and until is null order by 1",
                        String.class,
                        id(number)))
                .containsExactly("ch:P-" + number + "-1", "ch:P-" + number + "-2");

        Appointment lucas = new Appointment(
                number,
                "A-" + number + "-3",
                "P-" + number + "-3",
                "MAES, Lucas",
                "director",
                LocalDate.of(2026, 9, 20),
                null);
        Appointment janResigns = new Appointment(
                number,
                jan.appointmentId(),
                jan.officerId(),
                jan.name(),
                jan.role(),
                jan.appointedOn(),
                LocalDate.of(2026, 9, 25));
        RunView second = ingest(
                text(
                        List.of(
                                CompaniesHouseStreamWriter.appointment(lucas, ++timepoint, "2026-10-01T08:00:00"),
                                CompaniesHouseStreamWriter.appointment(janResigns, ++timepoint, "2026-10-01T08:00:01")),
                        null),
                0);
        assertThat(second.status()).as(second.error()).isEqualTo("COMPLETED");
        assertThat(codes(number)).containsExactlyInAnyOrder("DIRECTOR_APPOINTED", "DIRECTOR_RESIGNED");
        assertThat(event(number, "DIRECTOR_APPOINTED").newValue()).isEqualTo("MAES, Lucas (director)");
        assertThat(event(number, "DIRECTOR_APPOINTED").effectiveDate()).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(event(number, "DIRECTOR_RESIGNED").oldValue()).isEqualTo("CLAES, Jan (secretary)");
        assertThat(event(number, "DIRECTOR_RESIGNED").effectiveDate())
                .as("dated by resigned_on")
                .isEqualTo(LocalDate.of(2026, 9, 25));
        assertThat(jdbc.queryForObject(
                        "select until from company_officer where company_id = ? and officer_key = ?",
                        LocalDate.class,
                        id(number),
                        "ch:P-" + number + "-2"))
                .isNotNull();
    }

    @Test
    void deletedEventsWithdrawWhatTheyName() {
        String number = FeedLines.britishNumber();
        Appointment eva = new Appointment(
                number,
                "A-" + number + "-1",
                "P-" + number + "-1",
                "JANSEN, Eva",
                "director",
                LocalDate.of(2015, 1, 10),
                null);
        Appointment jan = new Appointment(
                number,
                "A-" + number + "-2",
                "P-" + number + "-2",
                "CLAES, Jan",
                "director",
                LocalDate.of(2016, 1, 10),
                null);
        Charge mortgage = new Charge(
                number,
                "C-" + number + "-1",
                1,
                "Legal mortgage",
                "outstanding",
                LocalDate.of(2019, 4, 2),
                List.of("Lloyds Bank PLC"));
        ingest(
                text(
                        List.of(
                                profile(number, "active", null),
                                CompaniesHouseStreamWriter.appointment(eva, ++timepoint, "2026-09-01T08:00:00"),
                                CompaniesHouseStreamWriter.appointment(jan, ++timepoint, "2026-09-01T08:00:00"),
                                CompaniesHouseStreamWriter.charge(mortgage, ++timepoint, "2026-09-01T08:00:00")),
                        "2026-09-01T08:00:00"),
                0);
        List<String> before = codes(number);

        RunView deletions = ingest(
                text(
                        List.of(
                                CompaniesHouseStreamWriter.deleted(
                                        "company-officers",
                                        "/company/" + number + "/appointments/" + jan.appointmentId(),
                                        jan.appointmentId(),
                                        ++timepoint,
                                        "2026-10-01T08:00:00"),
                                CompaniesHouseStreamWriter.deleted(
                                        "company-charges",
                                        "/company/" + number + "/charges/" + mortgage.chargeId(),
                                        mortgage.chargeId(),
                                        ++timepoint,
                                        "2026-10-01T08:00:00"),
                                CompaniesHouseStreamWriter.deleted(
                                        "company-profile",
                                        "/company/" + number,
                                        number,
                                        ++timepoint,
                                        "2026-10-01T08:00:00")),
                        null),
                0);
        assertThat(deletions.status()).as(deletions.error()).isEqualTo("COMPLETED");
        List<String> after = new ArrayList<>(codes(number));
        before.forEach(after::remove);
        assertThat(after)
                .as("a withdrawn appointment, charge and profile")
                .containsExactlyInAnyOrder("DIRECTOR_RESIGNED", "CEASED_ACTIVE");
        assertThat(registry.find(new CompanyId("GB", number))
                        .orElseThrow()
                        .sections()
                        .get(Section.STATUS)
                        .json())
                .contains("\"chStatus\":\"removed\"");

        RunView again = ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.deleted(
                                "company-profile", "/company/" + number, number, timepoint, "2026-10-01T08:00:00")),
                        null),
                0);
        assertThat(again.rowsApplied()).as("the same deletion again").isZero();
    }

    @Test
    void aDisqualificationReachesEveryCompanyWhereTheOfficerSitsThroughTheOfficerIndex() {
        String a = FeedLines.britishNumber();
        String b = FeedLines.britishNumber();
        String c = FeedLines.britishNumber();
        String person = "P-" + a + "-9";
        List<Envelope> boards = new ArrayList<>();
        boards.add(CompaniesHouseStreamWriter.appointment(
                new Appointment(a, "A-" + a, person, "SMITH, John", "director", LocalDate.of(2019, 1, 1), null),
                ++timepoint,
                "2026-09-01T08:00:00"));
        boards.add(CompaniesHouseStreamWriter.appointment(
                new Appointment(b, "A-" + b, person, "SMITH, John", "director", LocalDate.of(2020, 1, 1), null),
                ++timepoint,
                "2026-09-01T08:00:00"));
        boards.add(CompaniesHouseStreamWriter.appointment(
                new Appointment(
                        c,
                        "A-" + c,
                        person,
                        "SMITH, John",
                        "director",
                        LocalDate.of(2012, 1, 1),
                        LocalDate.of(2014, 1, 1)),
                ++timepoint,
                "2026-09-01T08:00:00"));
        boards.add(CompaniesHouseStreamWriter.appointment(
                new Appointment(
                        c, "A-" + c + "-2", "P-" + c + "-2", "JONES, Ann", "director", LocalDate.of(2012, 1, 1), null),
                ++timepoint,
                "2026-09-01T08:00:00"));
        ingest(text(boards, null), 0);

        RunView run = ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.disqualifiedOfficer(
                                person,
                                "Smith",
                                "John",
                                List.of(new Disqualification(
                                        LocalDate.of(2026, 9, 15), LocalDate.of(2031, 9, 14), "ASH ELECTRIC LIMITED")),
                                ++timepoint,
                                "2026-10-01T08:00:00")),
                        null),
                0);
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        for (String number : List.of(a, b)) {
            assertThat(codes(number)).containsExactly("DIRECTOR_DISQUALIFIED");
            assertThat(event(number, "DIRECTOR_DISQUALIFIED").newValue())
                    .isEqualTo("SMITH, John (disqualified from 2026-09-15 until 2031-09-14)");
            assertThat(event(number, "DIRECTOR_DISQUALIFIED").effectiveDate()).isEqualTo(LocalDate.of(2026, 9, 15));
        }
        assertThat(codes(c)).as("he left this board before").isEmpty();

        String d = FeedLines.britishNumber();
        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.appointment(
                                new Appointment(
                                        d,
                                        "A-" + d + "-1",
                                        "P-" + d + "-1",
                                        "BROWN, Kate",
                                        "director",
                                        LocalDate.of(2011, 1, 1),
                                        null),
                                ++timepoint,
                                "2026-09-01T08:00:00")),
                        null),
                0);
        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.appointment(
                                new Appointment(
                                        d,
                                        "A-" + d + "-2",
                                        person,
                                        "SMITH, John",
                                        "director",
                                        LocalDate.of(2026, 10, 3),
                                        null),
                                ++timepoint,
                                "2026-10-04T08:00:00")),
                        null),
                0);
        assertThat(codes(d))
                .as("a disqualified officer appointed later")
                .containsExactlyInAnyOrder("DIRECTOR_APPOINTED", "DIRECTOR_DISQUALIFIED");
    }

    @Test
    void aDisqualificationIsMatchedByTheOfficerIdOfItsResourceUriAsAnAppointmentIsByItsOfficerLink() {
        String number = FeedLines.britishNumber();
        String officer = "P-" + number + "-5";
        Appointment appointment = new Appointment(
                number, "A-" + number + "-5", officer, "WHITE, Rose", "director", LocalDate.of(2018, 4, 1), null);
        // an appointment's resource is the appointment; its officer is the id in links.officer.appointments
        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.appointment(
                                appointment, ++timepoint, "2026-09-01T08:00:00")),
                        null),
                0);

        // a disqualification's resource is the officer: /disqualified-officers/natural/<officer id>, here without
        // resource_id
        String line = CompaniesHouseStreamWriter.line(CompaniesHouseStreamWriter.disqualifiedOfficer(
                        officer,
                        "White",
                        "Rose",
                        List.of(new Disqualification(
                                LocalDate.of(2026, 9, 10), LocalDate.of(2030, 9, 9), "WHITE TRADING LIMITED")),
                        ++timepoint,
                        "2026-09-12T08:00:00"))
                .replace("\"resource_id\":\"" + officer + "\",", "");
        assertThat(line)
                .doesNotContain("resource_id")
                .contains("\"resource_uri\":\"/disqualified-officers/natural/" + officer + "\"");
        ingest(line, 0);
        assertThat(codes(number)).containsExactly("DIRECTOR_DISQUALIFIED");
    }

    @Test
    void inOneCaptureADisqualificationSeesTheAppointmentBeforeItAndNotTheResignationAfterIt() {
        String number = FeedLines.britishNumber();
        String person = "P-" + number + "-7";
        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.appointment(
                                new Appointment(
                                        number,
                                        "A-" + number + "-1",
                                        "P-" + number + "-1",
                                        "BROWN, Kate",
                                        "director",
                                        LocalDate.of(2011, 1, 1),
                                        null),
                                ++timepoint,
                                "2026-09-01T08:00:00")),
                        null),
                0);
        Appointment joins = new Appointment(
                number, "A-" + number + "-7", person, "GREY, Tom", "director", LocalDate.of(2026, 9, 2), null);
        Appointment leaves = new Appointment(
                number,
                joins.appointmentId(),
                person,
                "GREY, Tom",
                "director",
                joins.appointedOn(),
                LocalDate.of(2026, 9, 30));
        RunView run = ingest(
                text(
                        List.of(
                                CompaniesHouseStreamWriter.appointment(joins, ++timepoint, "2026-09-03T08:00:00"),
                                CompaniesHouseStreamWriter.disqualifiedOfficer(
                                        person,
                                        "Grey",
                                        "Tom",
                                        List.of(new Disqualification(
                                                LocalDate.of(2026, 9, 20),
                                                LocalDate.of(2029, 9, 19),
                                                "GREY HOLDINGS LIMITED")),
                                        ++timepoint,
                                        "2026-09-21T08:00:00"),
                                CompaniesHouseStreamWriter.appointment(leaves, ++timepoint, "2026-10-01T08:00:00")),
                        null),
                0);
        assertThat(run.rowsApplied()).isEqualTo(3);
        assertThat(codes(number))
                .containsExactlyInAnyOrder("DIRECTOR_APPOINTED", "DIRECTOR_DISQUALIFIED", "DIRECTOR_RESIGNED");
        assertThat(registry.find(new CompanyId("GB", number))
                        .orElseThrow()
                        .sections()
                        .get(Section.GOVERNANCE)
                        .json())
                .as("he left: his disqualification no longer concerns this board")
                .doesNotContain("GREY");
    }

    @Test
    void insolvencyCasesChargesAndTheStrikeOffProposalFire() {
        String number = FeedLines.britishNumber();
        ingest(text(List.of(profile(number, "active", null)), "2026-09-01T08:00:00"), 0);
        RunView run = ingest(
                text(
                        List.of(
                                CompaniesHouseStreamWriter.insolvency(
                                        number,
                                        List.of(new Case(
                                                "1",
                                                "in-administration",
                                                Map.of("administration-started-on", LocalDate.of(2026, 9, 28)))),
                                        ++timepoint,
                                        "2026-10-01T08:00:00"),
                                CompaniesHouseStreamWriter.charge(
                                        new Charge(
                                                number,
                                                "C-" + number + "-1",
                                                1,
                                                "A registered charge",
                                                "outstanding",
                                                LocalDate.of(2026, 9, 29),
                                                List.of("Barclays Bank UK PLC")),
                                        ++timepoint,
                                        "2026-10-01T08:00:00")),
                        null),
                0);
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(codes(number)).containsExactlyInAnyOrder("ADMINISTRATION_ENTERED", "CHARGE_REGISTERED");
        assertThat(event(number, "ADMINISTRATION_ENTERED").effectiveDate())
                .as("dated when the administration started")
                .isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(event(number, "CHARGE_REGISTERED").newValue())
                .isEqualTo("Charge 1: A registered charge (Barclays Bank UK PLC)");
        assertThat(event(number, "CHARGE_REGISTERED").effectiveDate()).isEqualTo(LocalDate.of(2026, 9, 29));

        ingest(text(List.of(profile(number, "administration", null)), "2026-10-02T08:00:00"), 0);
        assertThat(codes(number))
                .as("the profile catching up with the case is not a second administration")
                .containsExactlyInAnyOrder("ADMINISTRATION_ENTERED", "CHARGE_REGISTERED");

        String other = FeedLines.britishNumber();
        ingest(text(List.of(profile(other, "active", null)), "2026-09-01T08:00:00"), 0);
        ingest(text(List.of(profile(other, "active", "active-proposal-to-strike-off")), "2026-10-01T08:00:00"), 0);
        assertThat(codes(other)).containsExactly("STRIKE_OFF_PROPOSED");
    }

    @Test
    void theChargeTheProfileReportedIsRegisteredOnceWhenTheChargesStreamNamesItAndALaterChargeFiresAgain() {
        String number = FeedLines.britishNumber();
        ingest(text(List.of(profile(number, "active", null)), "2026-09-01T08:00:00"), 0);
        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.profile(
                                charged(number), ++timepoint, "2026-10-02T08:00:00")),
                        null),
                0);
        assertThat(codes(number)).containsExactly("CHARGE_REGISTERED");
        assertThat(event(number, "CHARGE_REGISTERED").newValue()).isEqualTo("Charges registered (company profile)");

        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.charge(
                                new Charge(
                                        number,
                                        "C-" + number + "-1",
                                        1,
                                        "Legal mortgage",
                                        "outstanding",
                                        LocalDate.of(2026, 9, 28),
                                        List.of("Lloyds Bank PLC")),
                                ++timepoint,
                                "2026-10-03T08:00:00")),
                        null),
                0);
        assertThat(codes(number)).as("the charge the profile reported, named").containsExactly("CHARGE_REGISTERED");

        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.charge(
                                new Charge(
                                        number,
                                        "C-" + number + "-2",
                                        2,
                                        "Debenture",
                                        "outstanding",
                                        LocalDate.of(2026, 10, 20),
                                        List.of("HSBC UK Bank PLC")),
                                ++timepoint,
                                "2026-10-24T08:00:00")),
                        null),
                0);
        assertThat(codes(number)).containsExactly("CHARGE_REGISTERED", "CHARGE_REGISTERED");
        assertThat(events.of(id(number), null))
                .filteredOn(e -> e.newValue().startsWith("Charge 2"))
                .extracting(SignalEvent::newValue, SignalEvent::effectiveDate)
                .containsExactly(tuple("Charge 2: Debenture (HSBC UK Bank PLC)", LocalDate.of(2026, 10, 20)));
    }

    @Test
    void aCompanyFirstSeenWithChargesIsRegisteredOnceAndTheChargesItHadThenAreNotNewWhenNamed() {
        String number = FeedLines.britishNumber();
        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.profile(
                                charged(number), ++timepoint, "2026-10-02T08:00:00")),
                        null),
                0);
        assertThat(codes(number))
                .as("a first sight: charges are a negative situation the company is already in")
                .containsExactly("CHARGE_REGISTERED");

        ingest(
                text(
                        List.of(
                                CompaniesHouseStreamWriter.charge(
                                        new Charge(
                                                number,
                                                "C-" + number + "-1",
                                                1,
                                                "Legal mortgage",
                                                "outstanding",
                                                LocalDate.of(2015, 5, 4),
                                                List.of("Lloyds Bank PLC")),
                                        ++timepoint,
                                        "2026-10-05T08:00:00"),
                                CompaniesHouseStreamWriter.charge(
                                        new Charge(
                                                number,
                                                "C-" + number + "-2",
                                                2,
                                                "Debenture",
                                                "outstanding",
                                                LocalDate.of(2019, 2, 1),
                                                List.of("HSBC UK Bank PLC")),
                                        ++timepoint,
                                        "2026-10-05T08:00:01")),
                        null),
                0);
        assertThat(codes(number)).as("both were behind the profile's report").containsExactly("CHARGE_REGISTERED");
    }

    @Test
    void aReportOfChargesStoredWithoutItsDayStillCoversTheChargeThatNamesIt() {
        String number = FeedLines.britishNumber();
        ingest(text(List.of(profile(number, "active", null)), "2026-09-01T08:00:00"), 0);
        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.profile(
                                charged(number), ++timepoint, "2026-10-02T08:00:00")),
                        null),
                0);
        // as a version that did not keep the day of the report stored it
        assertThat(jdbc.update(
                        "update company_section set doc = (doc::jsonb - 'chargesReportedOn')::json "
                                + "where company_id = ? and section = 'identity' and doc::jsonb -> 'chargesReportedOn' is not null",
                        id(number)))
                .isEqualTo(1);

        ingest(
                text(
                        List.of(CompaniesHouseStreamWriter.charge(
                                new Charge(
                                        number,
                                        "C-" + number + "-1",
                                        1,
                                        "Legal mortgage",
                                        "outstanding",
                                        LocalDate.of(2026, 9, 28),
                                        List.of("Lloyds Bank PLC")),
                                ++timepoint,
                                "2026-10-03T08:00:00")),
                        null),
                0);
        assertThat(codes(number)).containsExactly("CHARGE_REGISTERED");
    }

    @Test
    void badLinesAreQuarantinedWithTheirLineAndReasonAndOtherStreamsAreSetAsideByName() {
        String good = FeedLines.britishNumber();
        String file = String.join(
                "\n",
                CompaniesHouseStreamWriter.line(profile(good, "active", null)),
                "",
                "{not json",
                "{\"resource_kind\":\"company-exemptions\",\"resource_uri\":\"/company/" + good
                        + "/exemptions\",\"data\":{},"
                        + "\"event\":{\"type\":\"changed\",\"published_at\":\"2026-10-01T08:00:00\"}}",
                "{\"resource_kind\":\"filing-history\",\"resource_uri\":\"/company/" + good
                        + "/filing-history/X1\",\"data\":{},"
                        + "\"event\":{\"type\":\"changed\",\"timepoint\":1,\"published_at\":\"2026-10-01T08:00:00\"}}",
                "{\"resource_kind\":\"company-psc-individual\",\"resource_uri\":\"/company/" + good
                        + "/persons-with-significant-control/individual/X\","
                        + "\"data\":{},\"event\":{\"type\":\"changed\",\"timepoint\":1,\"published_at\":\"2026-10-01T08:00:00\"}}",
                "{\"resource_kind\":\"company-profile\",\"resource_uri\":\"/company/12\",\"data\":{\"company_name\":\"X\"},"
                        + "\"event\":{\"type\":\"changed\",\"timepoint\":2,\"published_at\":\"yesterday\"}}",
                "{\"resource_kind\":\"company-profile\",\"resource_uri\":\"/company/AB123456\",\"data\":{\"company_name\":\"X\"},"
                        + "\"event\":{\"type\":\"changed\",\"timepoint\":3,\"published_at\":\"2026-10-01T08:00:00\"}}",
                "{\"resource_kind\":\"company-officers\",\"resource_uri\":\"/company/" + good + "/appointments/Z\","
                        + "\"data\":{\"name\":\"X\",\"appointed_on\":\"01/02/2020\"},"
                        + "\"event\":{\"type\":\"changed\",\"timepoint\":4,\"published_at\":\"2026-10-01T08:00:00\"}}");
        RunView run = ingestion.ingestNow(
                SOURCE, new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "mixed.jsonl", true, "test");
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(run.rowsRead()).isEqualTo(8);
        assertThat(run.rowsApplied()).isEqualTo(1);
        assertThat(run.rowsSetAside()).isEqualTo(3);
        assertThat(run.setAside())
                .containsOnly(
                        Map.entry("company-exemptions events: a stream Vigil does not apply", 1L),
                        Map.entry("filing-history events: a stream Vigil does not apply", 1L),
                        Map.entry("company-psc-individual events: a stream Vigil does not apply", 1L));
        assertThat(run.rowsRead()).isEqualTo(run.rowsApplied() + run.rowsRejected() + run.rowsSetAside());
        List<QuarantinedRow> quarantined = ingestion.quarantine(run.id(), 10);
        assertThat(quarantined).extracting(QuarantinedRow::line).containsExactly(3L, 7L, 8L, 9L);
        assertThat(quarantined.get(0).reason()).startsWith("Line 3 is not valid JSON");
        assertThat(quarantined.get(1).reason()).contains("published_at 'yesterday'");
        assertThat(quarantined.get(2).reason()).contains("company number 'AB123456'");
        assertThat(quarantined.get(3).reason()).contains("appointed_on must be a date yyyy-mm-dd, found '01/02/2020'");
        assertThat(quarantined.get(3).raw()).contains("/appointments/Z");
        assertThat(registry.find(new CompanyId("GB", good))).isPresent();
    }

    @Test
    void eventsRunTogetherOnOneLineAreEachAppliedAndARealExemptionsEventIsSetAside() {
        String number = FeedLines.britishNumber();
        ingest(text(List.of(profile(number, "active", null)), "2026-09-01T08:00:00"), 0);
        String insolvency = CompaniesHouseStreamWriter.line(CompaniesHouseStreamWriter.insolvency(
                number,
                List.of(new Case(
                        "1", "in-administration", Map.of("administration-started-on", LocalDate.of(2026, 9, 28)))),
                ++timepoint,
                "2026-10-01T08:00:00"));
        String charge = CompaniesHouseStreamWriter.line(CompaniesHouseStreamWriter.charge(
                new Charge(
                        number,
                        "C-" + number + "-1",
                        1,
                        "A registered charge",
                        "outstanding",
                        LocalDate.of(2026, 9, 29),
                        List.of("Barclays Bank UK PLC")),
                ++timepoint,
                "2026-10-01T08:00:01"));
        // as the exemptions stream sends it: resource_uri without its first slash, published_at in microseconds and Z
        String exemptions = "{\"resource_kind\":\"company-exemptions\",\"resource_uri\":\"company/" + number
                + "/exemptions\","
                + "\"resource_id\":\"" + number + "\",\"data\":{\"etag\":\"16ee396e2f6a8b255fa09036a230a76b6895277d\","
                + "\"exemptions\":{\"disclosure_transparency_rules_chapter_five_applies\":{\"exemption_type\":"
                + "\"disclosure-transparency-rules-chapter-five-applies\",\"items\":[{\"exempt_from\":\"2022-10-24\"}]}},"
                + "\"kind\":\"exemptions\",\"links\":{\"self\":\"/company/" + number + "/exemptions\"}},"
                + "\"event\":{\"timepoint\":2401,\"published_at\":\"2026-10-01T22:13:03.742120Z\",\"type\":\"changed\"}}";
        RunView run = ingestion.ingestNow(
                SOURCE,
                new ByteArrayInputStream(
                        (insolvency + charge + "\n" + exemptions + insolvency + "\n").getBytes(StandardCharsets.UTF_8)),
                "capture.jsonl",
                true,
                "test");

        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(ingestion.quarantine(run.id(), 5)).isEmpty();
        assertThat(run.rowsRead()).isEqualTo(4);
        assertThat(run.rowsApplied()).isEqualTo(2);
        assertThat(run.setAside())
                .containsOnly(
                        Map.entry("company-exemptions events: a stream Vigil does not apply", 1L),
                        Map.entry("events Vigil had already applied (same resource, same etag)", 1L));
        assertThat(run.rowsRead()).isEqualTo(run.rowsApplied() + run.rowsRejected() + run.rowsSetAside());
        assertThat(codes(number)).containsExactlyInAnyOrder("ADMINISTRATION_ENTERED", "CHARGE_REGISTERED");
        assertThat(registry.find(new CompanyId("GB", number))
                        .orElseThrow()
                        .sections()
                        .get(Section.STATUS)
                        .json())
                .contains("administration");
    }

    @Test
    void aGzippedCaptureIsReadAsIs() throws IOException {
        String number = FeedLines.britishNumber();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text(List.of(profile(number, "active", null)), "2026-09-01T08:00:00")
                    .getBytes(StandardCharsets.UTF_8));
        }
        RunView run = ingestion.ingestNow(
                SOURCE, new ByteArrayInputStream(gz.toByteArray()), "companies.jsonl.gz", true, "test");
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(registry.find(CompanyNumbers.require(number, "GB"))).isPresent();
        assertThat(run.snapshotDate()).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    // ---- helpers ----

    private Profile base(String number, String status, String detail, boolean insolvencyHistory) {
        return new Profile(
                number,
                "PROEF TRADING LIMITED",
                "ltd",
                LocalDate.of(2010, 3, 15),
                null,
                status,
                detail,
                new Address("1 Church Street", "London", "EC1A 1AA", "England"),
                List.of("62012"),
                false,
                insolvencyHistory,
                false,
                LocalDate.of(2024, 12, 31),
                false);
    }

    /** The ordinary active company, now with charges registered against it. */
    private Profile charged(String number) {
        Profile p = base(number, "active", null, false);
        return new Profile(
                number,
                p.name(),
                p.type(),
                p.createdOn(),
                p.ceasedOn(),
                p.status(),
                p.statusDetail(),
                p.office(),
                p.sicCodes(),
                true,
                p.hasInsolvencyHistory(),
                p.accountsOverdue(),
                p.lastAccountsMadeUpTo(),
                p.confirmationOverdue());
    }

    private Envelope profile(String number, String status, String detail) {
        return CompaniesHouseStreamWriter.profile(
                base(number, status, detail, false), ++timepoint, "2026-09-01T08:00:00");
    }

    /** The events as stream lines; {@code publishedAt} (when given) replaces each event's publication. */
    private static String text(List<Envelope> events, String publishedAt) {
        List<String> lines = new ArrayList<>();
        for (Envelope e : events) {
            lines.add(CompaniesHouseStreamWriter.line(
                    publishedAt == null
                            ? e
                            : new Envelope(
                                    e.kind(), e.uri(), e.id(), e.data(), e.deleted(), e.timepoint(), publishedAt)));
        }
        return String.join("\n", lines);
    }

    /** Ingests the text with {@code heartbeats} blank lines before and after every event. */
    private RunView ingest(String text, int heartbeats) {
        String blank = "\n".repeat(heartbeats);
        String file = blank + String.join("\n" + blank, text.split("\n")) + "\n" + blank;
        RunView run = ingestion.ingestNow(
                SOURCE, new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "stream.jsonl", true, "test");
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(ingestion.quarantine(run.id(), 5)).isEmpty();
        return run;
    }

    private long id(String number) {
        return registry.find(new CompanyId("GB", number)).orElseThrow().id();
    }

    private List<String> codes(String number) {
        return registry.find(new CompanyId("GB", number))
                .map(c ->
                        events.of(c.id(), null).stream().map(SignalEvent::code).toList())
                .orElse(List.of());
    }

    private SignalEvent event(String number, String code) {
        return events.of(id(number), null).stream()
                .filter(e -> e.code().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
