package eu.vigil.feed.kbo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.Section;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.feed.kbo.KboDocuments.Activity;
import eu.vigil.feed.kbo.KboDocuments.Address;
import eu.vigil.feed.kbo.KboDocuments.Contact;
import eu.vigil.feed.kbo.KboDocuments.Establishment;
import eu.vigil.feed.kbo.KboDocuments.Identity;
import eu.vigil.feed.kbo.KboDocuments.Name;
import eu.vigil.feed.kbo.KboExtractGenerator.ExpectedEnterprise;
import eu.vigil.support.VigilTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Generated Full and Update extracts produce exactly the company states the generator says they should. */
@VigilTest
class KboGeneratedExtractTests {

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void aFullThenUpdatesGiveExactlyTheExpectedStatesAndAFailedUpdateChangesNothingUntilRerun() throws IOException {
        KboExtractGenerator generator = new KboExtractGenerator(7L, 2_000);
        Path full = dir.resolve("KboOpenData_0001_2026_10_02_Full.zip");
        generator.writeFull(full, 1, LocalDate.of(2026, 10, 2));
        long dataRows = generator.lastWriteStats().stream()
                .filter(f -> !f.fileName().equals("code.csv") && !f.fileName().equals("meta.csv"))
                .mapToLong(KboExtractGenerator.FileStat::rows)
                .sum();
        RunView fullRun = ingestion.ingestInPlace("kbo", full, true, "test");
        assertThat(fullRun.status()).as(fullRun.error()).isEqualTo("COMPLETED");
        assertThat(fullRun.rowsRejected()).isZero();
        assertThat(fullRun.rowsRead())
                .as("every data row of the Full is counted, parsed or skipped")
                .isEqualTo(dataRows);
        assertMatches(generator, LocalDate.of(2026, 10, 2));

        Path update = dir.resolve("KboOpenData_0002_2026_10_03_Update.zip");
        generator.writeUpdate(update, 2, LocalDate.of(2026, 10, 3), 400);
        long changesInUpdate = generator.lastUpdateChanges().stream()
                .map(KboExtractGenerator.Change::enterpriseNumber)
                .distinct()
                .count();

        Path broken = dir.resolve("broken.zip");
        damageActivityFile(update, broken);
        String before = fingerprint();
        RunView failed = ingestion.ingestInPlace("kbo", broken, false, "test");
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(fingerprint())
                .as("a run that fails halfway leaves nothing behind")
                .isEqualTo(before);

        RunView updateRun = ingestion.ingestInPlace("kbo", update, false, "test");
        assertThat(updateRun.status()).as(updateRun.error()).isEqualTo("COMPLETED");
        assertThat(updateRun.rowsRejected()).isZero();
        assertThat(updateRun.companiesChanged()).isPositive().isLessThanOrEqualTo(changesInUpdate);
        assertMatches(generator, LocalDate.of(2026, 10, 3));
        String renamed = generator.lastUpdateChanges().stream()
                .filter(c -> c.kind() == KboExtractGenerator.ChangeKind.NAME)
                .findFirst()
                .orElseThrow()
                .enterpriseNumber();
        var renamedState = registry.find(CompanyNumbers.require(renamed, "BE")).orElseThrow();
        assertThat(registry.changes(renamedState.id(), 10))
                .as("what changed when")
                .anySatisfy(change -> {
                    assertThat(change.section()).isEqualTo(Section.IDENTITY);
                    assertThat(change.previousExtract()).contains("full extract 0001");
                    assertThat(change.changedByRun()).isEqualTo(updateRun.id());
                });

        assertSignalsOf(generator, updateRun);

        Path second = dir.resolve("KboOpenData_0003_2026_10_04_Update.zip");
        generator.writeUpdate(second, 3, LocalDate.of(2026, 10, 4), 250);
        RunView secondRun = ingestion.ingestInPlace("kbo", second, false, "test");
        assertThat(secondRun.status()).as(secondRun.error()).isEqualTo("COMPLETED");
        assertMatches(generator, LocalDate.of(2026, 10, 4));

        String settled = fingerprint();
        long events = jdbc.queryForObject("select count(*) from signal_event", Long.class);
        RunView replay = ingestion.ingestInPlace("kbo", second, true, "test");
        assertThat(replay.companiesChanged()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from signal_event", Long.class))
                .as("replaying records no signal twice")
                .isEqualTo(events);
        assertThat(fingerprint()).as("replaying changes nothing").isEqualTo(settled);

        Path sameAsNow = dir.resolve("KboOpenData_0004_2026_10_05_Full.zip");
        generator.writeFull(sameAsNow, 4, LocalDate.of(2026, 10, 5));
        RunView unchangedFull = ingestion.ingestInPlace("kbo", sameAsNow, false, "test");
        assertThat(unchangedFull.status()).as(unchangedFull.error()).isEqualTo("COMPLETED");
        assertThat(unchangedFull.companiesChanged())
                .as("a Full of the state Vigil holds changes nothing")
                .isZero();
        assertThat(unchangedFull.signalEvents()).isZero();

        generator.writeUpdate(dir.resolve("skipped-update.zip"), 5, LocalDate.of(2026, 10, 6), 300);
        Path fullAfterChanges = dir.resolve("KboOpenData_0006_2026_10_06_Full.zip");
        generator.writeFull(fullAfterChanges, 6, LocalDate.of(2026, 10, 6));
        RunView changedFull = ingestion.ingestInPlace("kbo", fullAfterChanges, false, "test");
        assertThat(changedFull.status()).as(changedFull.error()).isEqualTo("COMPLETED");
        assertMatches(generator, LocalDate.of(2026, 10, 6));
        assertThat(changedFull.signalEvents())
                .as("a Full on a populated registry signals what changed")
                .isPositive();
        assertSignalsOf(generator, changedFull);
    }

    /** Each kind of change in the update recorded its signal, once, effective at the update's snapshot. */
    private void assertSignalsOf(KboExtractGenerator generator, RunView run) {
        java.util.Map<KboExtractGenerator.ChangeKind, java.util.List<String>> expected = java.util.Map.of(
                KboExtractGenerator.ChangeKind.LEAVE, java.util.List.of("CEASED_ACTIVE"),
                KboExtractGenerator.ChangeKind.NAME,
                        java.util.List.of(
                                "NAME_CHANGED",
                                "ABBREVIATION_CHANGED",
                                "COMMERCIAL_NAME_ADDED",
                                "COMMERCIAL_NAME_REMOVED"),
                KboExtractGenerator.ChangeKind.SEAT_ADDRESS, java.util.List.of("SEAT_MOVED"),
                KboExtractGenerator.ChangeKind.NEW_ESTABLISHMENT, java.util.List.of("ESTABLISHMENT_OPENED"),
                KboExtractGenerator.ChangeKind.CLOSE_ESTABLISHMENT, java.util.List.of("ESTABLISHMENT_CLOSED"));
        for (var change : generator.lastUpdateChanges()) {
            java.util.List<String> acceptable = expected.get(change.kind());
            if (acceptable == null) {
                continue;
            }
            var state = registry.find(CompanyNumbers.require(change.enterpriseNumber(), "BE"))
                    .orElseThrow();
            var codes = jdbc.queryForList(
                    "select code from signal_event where company_id = ? and run_id = ?",
                    String.class,
                    state.id(),
                    run.id());
            if (change.kind() == KboExtractGenerator.ChangeKind.SEAT_ADDRESS && !hadSeat(state.id(), run.id())) {
                assertThat(codes)
                        .as(change + ": a seat that appears has not moved")
                        .doesNotContain("SEAT_MOVED");
                continue;
            }
            assertThat(codes).as(change.toString()).containsAnyElementsOf(acceptable);
        }
        var situation = generator.lastUpdateChanges().stream()
                .filter(c -> c.kind() == KboExtractGenerator.ChangeKind.JURIDICAL_SITUATION)
                .findFirst()
                .orElseThrow();
        var company = registry.find(CompanyNumbers.require(situation.enterpriseNumber(), "BE"))
                .orElseThrow();
        String to = situation.detail().substring(situation.detail().indexOf("->") + 2);
        assertThat(jdbc.queryForList(
                        "select new_value from signal_event where company_id = ? and run_id = ? and category = 'status'",
                        String.class,
                        company.id(),
                        run.id()))
                .as(situation.toString())
                .contains(to);
    }

    private boolean hadSeat(long companyId, long runId) {
        return jdbc
                .queryForList(
                        "select doc::text from company_section_history where company_id = ? and section = 'identity' "
                                + "and replaced_by_run = ?",
                        String.class,
                        companyId,
                        runId)
                .stream()
                .map(KboAdapter::identity)
                .anyMatch(previous -> previous.addresses().stream().anyMatch(a -> "REGO".equals(a.type())));
    }

    private void assertMatches(KboExtractGenerator generator, LocalDate snapshot) {
        int checked = 0;
        for (String number : generator.enterpriseNumbers()) {
            ExpectedEnterprise expected = generator.expected(number);
            var state = registry.find(CompanyNumbers.require(number, "BE"))
                    .orElseThrow(() -> new AssertionError(number + " missing"));
            var status = KboAdapter.status(state.sections().get(Section.STATUS).json());
            if (!expected.active()) {
                assertThat(status.active()).as(number + " has left").isFalse();
                assertThat(status.ceasedOn()).as(number).isNotNull().isLessThanOrEqualTo(snapshot.toString());
                continue;
            }
            assertThat(status.active()).as(number + " active").isTrue();
            assertThat(status.juridicalSituation()).as(number).isEqualTo(expected.juridicalSituation());
            Identity stored =
                    KboAdapter.identity(state.sections().get(Section.IDENTITY).json());
            assertThat(stored).as(number).isEqualTo(roundTrip(expectedIdentity(expected)));
            checked++;
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    static Identity expectedIdentity(ExpectedEnterprise e) {
        List<Name> names = e.denominations().stream()
                .map(d -> new Name(d.typeOfDenomination(), d.language(), d.denomination()))
                .toList();
        List<Address> addresses = e.addresses().stream()
                .map(a -> new Address(
                        a.typeOfAddress(),
                        a.countryNl(),
                        a.countryFr(),
                        a.zipcode(),
                        a.municipalityNl(),
                        a.municipalityFr(),
                        a.streetNl(),
                        a.streetFr(),
                        a.houseNumber(),
                        a.box(),
                        a.extraAddressInfo(),
                        KboDocuments.isoDate(a.dateStrikingOff())))
                .toList();
        List<Contact> contacts = e.contacts().stream()
                .map(c -> new Contact(c.entityContact(), c.contactType(), c.value()))
                .toList();
        List<Activity> activities = e.activities().stream()
                .map(a -> new Activity(a.activityGroup(), a.naceVersion(), a.naceCode(), a.classification()))
                .toList();
        List<Establishment> establishments = e.establishments().stream()
                .map(s -> new Establishment(s.establishmentNumber(), KboDocuments.isoDate(s.startDate())))
                .toList();
        return new Identity(
                e.typeOfEnterprise(),
                e.juridicalForm(),
                e.juridicalFormCac(),
                KboDocuments.isoDate(e.startDate()),
                names,
                addresses,
                contacts,
                activities,
                establishments);
    }

    private static Identity roundTrip(Identity identity) {
        return KboAdapter.identity(KboAdapter.json(identity));
    }

    private String fingerprint() {
        return jdbc.queryForObject("""
                select count(*) || ':' || coalesce(sum(doc_hash), 0) from company_section s join company c on c.id = s.company_id
                where c.country = 'BE' and c.number between '0200000000' and '0299999999'""", String.class)
                + "/" + jdbc.queryForObject("select count(*) from kbo_establishment", Long.class);
    }

    /** The same update with one activity row moved out of order near the end: the run fails late. */
    /** The Update with a last activity row damaged past the line limit: the run fails when it reaches it. */
    private static void damageActivityFile(Path source, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String text =
                        new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (entry.getName().equals("activity_insert.csv")) {
                    List<String> lines = new ArrayList<>(text.lines().toList());
                    lines.add(lines.get(1) + "x".repeat(1_100_000));
                    text = String.join("\n", lines) + "\n";
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
