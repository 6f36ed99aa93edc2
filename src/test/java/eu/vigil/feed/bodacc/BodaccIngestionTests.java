package eu.vigil.feed.bodacc;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.Section;
import eu.vigil.demo.world.BodaccFileWriter;
import eu.vigil.demo.world.BodaccFileWriter.Judgment;
import eu.vigil.demo.world.BodaccFileWriter.Notice;
import eu.vigil.demo.world.BodaccFileWriter.Previous;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.QuarantinedRow;
import eu.vigil.feed.RunView;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import eu.vigil.support.VigilTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@VigilTest
class BodaccIngestionTests {

    private static final String SOURCE = "bodacc";
    private static final AtomicInteger NEXT = new AtomicInteger(1000);

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    SignalEvents events;

    @Test
    void aCompanysNoticesFireInOrderDatedByTheirJudgmentWhateverTheCaseAccentsOrDateFormat() {
        String siren = FeedLines.siren();
        RunView first = ingest(List.of(registration(siren, "2026-03-02")));
        assertThat(first.companiesNew()).isEqualTo(1);
        assertThat(codes(siren))
                .as("a first notice records the company, no events")
                .isEmpty();
        var company = registry.find(new CompanyId("FR", siren)).orElseThrow();
        assertThat(company.sections().get(Section.IDENTITY).json()).contains("\"value\":\"BOULANGERIE PROEF SARL\"");

        ingest(List.of(
                judgment(
                        siren,
                        "2026-09-25",
                        "Jugement d'ouverture",
                        "JUGEMENT D'OUVERTURE D'UNE PROCEDURE DE SAUVEGARDE",
                        "22 septembre 2026"),
                judgment(
                        siren,
                        "2026-10-20",
                        "Jugement prononçant",
                        "Jugement de conversion en redressement judiciaire",
                        "2026-10-15"),
                judgment(
                        siren,
                        "2026-11-20",
                        "Jugement prononçant",
                        "Jugement prononçant la liquidation judiciaire",
                        "1er novembre 2026"),
                judgment(
                        siren,
                        "2027-05-20",
                        "Jugement de clôture",
                        "Jugement de clôture pour insuffisance d\u2019actif",
                        "2027-05-12"),
                notice(siren, "2027-06-10", "annonce", "radiation", null, null, null)));
        assertThat(events.of(id(siren), null))
                .extracting(e -> e.code() + " " + e.oldValue() + "->" + e.newValue() + " " + e.effectiveDate())
                .containsExactlyInAnyOrder(
                        "SAFEGUARD_OPENED none->sauvegarde 2026-09-22",
                        "REORGANISATION_OPENED 000->091 2026-10-15",
                        "BANKRUPTCY_OPENED 091->048 2026-11-01",
                        "BANKRUPTCY_CLOSED 048->051 2027-05-12",
                        "STRUCK_OFF 051->111 2027-06-10",
                        "CEASED_ACTIVE true->false 2027-06-10");
    }

    @Test
    void aNoticeNamingSeveralSirensReachesEachCompanyAndBrokenOnesAreQuarantinedWithLineAndReason() {
        String a = FeedLines.siren();
        String b = FeedLines.siren();
        Notice both = judgment(
                a,
                "2026-09-25",
                "Jugement d'ouverture",
                "Jugement d'ouverture de liquidation judiciaire",
                "2026-09-20");
        var record = BodaccFileWriter.record(both);
        record.put("registre", a + "," + b.substring(0, 3) + " " + b.substring(3, 6) + " " + b.substring(6));
        var none = BodaccFileWriter.record(registration(a, "2026-09-26"));
        none.put("registre", List.of());
        var broken = BodaccFileWriter.record(
                judgment(b, "2026-09-26", "Jugement d'ouverture", "Jugement d'ouverture de sauvegarde", "2026-09-21"));
        broken.put("jugement", "{\"famille\":\"Jugement d'ouverture\",\"nature\":");
        var luhn = BodaccFileWriter.record(registration(a, "2026-09-27"));
        luhn.put("registre", List.of("123456789"));

        RunView run =
                ingestText(String.join("\n", json(record), json(none), "", json(broken), json(luhn)), "notices.jsonl");
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(run.rowsRead()).isEqualTo(4);
        assertThat(codes(a)).containsExactly("BANKRUPTCY_OPENED");
        assertThat(codes(b)).containsExactly("BANKRUPTCY_OPENED");
        assertThat(events.of(id(b), null).getFirst().effectiveDate()).isEqualTo(LocalDate.of(2026, 9, 20));
        List<QuarantinedRow> quarantined = ingestion.quarantine(run.id(), 10);
        assertThat(quarantined).extracting(QuarantinedRow::line).containsExactly(2L, 4L, 5L);
        assertThat(quarantined.get(0).reason()).contains("no SIREN in registre");
        assertThat(quarantined.get(1).reason()).startsWith("Record at line 4: jugement is not valid JSON");
        assertThat(quarantined.get(1).raw()).contains(b);
        assertThat(quarantined.get(2).reason()).contains("no valid SIREN").contains("Luhn");
    }

    @Test
    void aRectificatifReplacesTheNoticeItNamesAndAnAnnulationWithdrawsIt() {
        String corrected = FeedLines.siren();
        Notice original = judgment(
                corrected,
                "2026-08-14",
                "Jugement d'ouverture",
                "Jugement d'ouverture d'une procédure de sauvegarde",
                "2026-08-10");
        ingest(List.of(original));
        Notice rectificatif = new Notice(
                id(),
                LocalDate.parse("2026-09-03"),
                "rectificatif",
                "collective",
                List.of(corrected),
                "BOULANGERIE PROEF SARL",
                "Lyon",
                "69002",
                new Judgment(
                        "Jugement d'ouverture", "Jugement d'ouverture d'une procédure de sauvegarde", "2026-08-12"),
                null,
                Previous.of(original.id(), original.published()));
        ingest(List.of(rectificatif));
        assertThat(events.of(id(corrected), null))
                .filteredOn(e -> e.code().equals("LEGAL_NOTICE_CORRECTED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.oldValue()).isEqualTo(original.id() + " annonce sauvegarde 2026-08-10");
                    assertThat(e.newValue()).isEqualTo(rectificatif.id() + " rectificatif sauvegarde 2026-08-12");
                    assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2026, 8, 12));
                });

        String cancelled = FeedLines.siren();
        Notice liquidation = judgment(
                cancelled,
                "2026-08-14",
                "Jugement d'ouverture",
                "Jugement d'ouverture de liquidation judiciaire",
                "2026-08-10");
        ingest(List.of(liquidation));
        assertThat(codes(cancelled)).containsExactly("BANKRUPTCY_OPENED");
        Notice annulation = notice(
                cancelled,
                "2026-09-04",
                "annulation",
                "collective",
                null,
                null,
                Previous.of(liquidation.id(), liquidation.published()));
        ingest(List.of(annulation));
        assertThat(events.of(id(cancelled), null))
                .extracting(e -> e.code() + " " + e.oldValue() + "->" + e.newValue())
                .containsExactlyInAnyOrder(
                        "BANKRUPTCY_OPENED null->048",
                        "LEGAL_NOTICE_CORRECTED " + liquidation.id() + " annonce liquidation 2026-08-10->"
                                + annulation.id() + " annulation of " + liquidation.id(),
                        "BANKRUPTCY_REVOKED 048->000");
        assertThat(registry.find(new CompanyId("FR", cancelled))
                        .orElseThrow()
                        .sections()
                        .get(Section.STATUS)
                        .json())
                .contains("\"juridicalSituation\":\"000\"")
                .contains("\"proceedings\":\"none\"");

        String late = FeedLines.siren();
        ingest(List.of(registration(late, "2026-03-01")));
        Notice lateJudgment = judgment(
                late,
                "2026-08-14",
                "Jugement d'ouverture",
                "Jugement d'ouverture de liquidation judiciaire",
                "2026-08-10");
        ingest(List.of(
                notice(
                        late,
                        "2026-09-04",
                        "annulation",
                        "collective",
                        null,
                        null,
                        Previous.of(lateJudgment.id(), lateJudgment.published())),
                lateJudgment));
        assertThat(codes(late))
                .as("a notice cancelled before it arrived opens nothing")
                .containsExactly("LEGAL_NOTICE_CORRECTED");
    }

    @Test
    void aJsonArrayExportIsReadAndTakingItAgainChangesNothing() throws IOException {
        String siren = FeedLines.siren();
        List<Notice> notices = List.of(
                registration(siren, "2026-03-01"),
                notice(siren, "2026-09-10", "annonce", "vente", null, null, null),
                notice(siren, "2026-09-30", "annonce", "dpc", null, LocalDate.parse("2025-12-31"), null));
        Path file = BodaccFileWriter.writeArray(Files.createTempFile("bodacc", ".json"), new ArrayList<>(notices));
        byte[] content = Files.readAllBytes(file);
        Files.delete(file);
        assertThat(new String(content, StandardCharsets.UTF_8)).startsWith("[").contains("\n");

        RunView run = ingestion.ingestNow(SOURCE, new ByteArrayInputStream(content), "export.json", true, "test");
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(run.rowsRead()).isEqualTo(3);
        assertThat(events.of(id(siren), null))
                .extracting(e -> e.code() + " " + e.oldValue() + "->" + e.newValue() + " " + e.effectiveDate())
                .containsExactlyInAnyOrder(
                        "BUSINESS_SOLD none->vente 2026-09-10", "ACCOUNTS_FILED null->2025-12-31 2026-09-30");

        RunView again =
                ingestion.ingestNow(SOURCE, new ByteArrayInputStream(content), "export-again.json", true, "test");
        assertThat(again.status()).as(again.error()).isEqualTo("COMPLETED");
        assertThat(again.rowsApplied()).as("every notice was taken before").isZero();
        assertThat(again.companiesChanged()).isZero();
        assertThat(again.signalEvents()).isZero();

        String broken = new String(content, StandardCharsets.UTF_8).replace("\\\"dateCloture\\\":", "\\\"dateCloture:");
        RunView withBroken = ingestion.ingestNow(
                SOURCE, new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "broken.json", true, "test");
        assertThat(ingestion.quarantine(withBroken.id(), 5)).singleElement().satisfies(q -> {
            assertThat(q.reason()).contains("depot is not valid JSON");
            String[] lines = broken.split("\n");
            assertThat(lines[(int) q.line() - 1].trim())
                    .as("the line the record starts on")
                    .endsWith("{");
            assertThat(lines[(int) q.line()]).contains("\"id\"");
            assertThat(q.raw()).contains("\"dpc\"");
        });
    }

    // ---- helpers ----

    private static String id() {
        return "A20260" + (100 + NEXT.get() % 800) + NEXT.incrementAndGet();
    }

    private static Notice registration(String siren, String published) {
        return notice(siren, published, "annonce", "immatriculation", null, null, null);
    }

    private static Notice judgment(String siren, String published, String famille, String nature, String date) {
        return notice(siren, published, "annonce", "collective", new Judgment(famille, nature, date), null, null);
    }

    private static Notice notice(
            String siren,
            String published,
            String type,
            String family,
            Judgment judgment,
            LocalDate closing,
            Previous previous) {
        return new Notice(
                id(),
                LocalDate.parse(published),
                type,
                family,
                List.of(siren),
                "BOULANGERIE PROEF SARL",
                "Lyon",
                "69002",
                judgment,
                closing,
                previous);
    }

    private static String json(Object record) {
        return eu.vigil.feed.internal.RecordReader.JSON.writeValueAsString(record);
    }

    private RunView ingest(List<Notice> notices) {
        return ingestText(
                String.join("\n", notices.stream().map(BodaccFileWriter::line).toList()), "notices.jsonl");
    }

    private RunView ingestText(String text, String name) {
        RunView run = ingestion.ingestNow(
                SOURCE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, true, "test");
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        return run;
    }

    private long id(String siren) {
        return registry.find(new CompanyId("FR", siren)).orElseThrow().id();
    }

    private List<String> codes(String siren) {
        return registry.find(new CompanyId("FR", siren))
                .map(c ->
                        events.of(c.id(), null).stream().map(SignalEvent::code).toList())
                .orElse(List.of());
    }
}
