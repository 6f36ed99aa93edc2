package eu.vigil.feed.bodacc;

import static eu.vigil.feed.bodacc.BodaccOpenDataShapes.base;
import static eu.vigil.feed.bodacc.BodaccOpenDataShapes.judgment;
import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.Section;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.QuarantinedRow;
import eu.vigil.feed.RunView;
import eu.vigil.signal.SignalEvents;
import eu.vigil.support.VigilTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * BODACC notices as the DILA open data really serves them: API answers (v1 search, Explore v2.1), the CSV
 * export, BODACC's catch-all natures whose decision is in {@code complementJugement}, follow-up judgments,
 * notices that only exist during a proceeding, files in any order, and records that cannot be used.
 */
@VigilTest
class BodaccOpenDataIngestionTests {

    private static final String SOURCE = "bodacc";

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    SignalEvents events;

    @Test
    void anExploreV21AnswerIsTakenAndAnAutreJugementIsReadFromItsComplement() {
        String reorganised = FeedLines.siren();
        String liquidated = FeedLines.siren();
        RunView run = ingest(
                BodaccOpenDataShapes.v21(
                        List.of(
                                judgment(
                                        reorganised,
                                        "2026-03-10",
                                        "Jugement d'ouverture",
                                        "Jugement d'ouverture d'une procédure de redressement judiciaire",
                                        "3 mars 2026",
                                        "Jugement ouvrant une procédure de redressement judiciaire, date de cessation des paiements le 15 février 2026"),
                                judgment(
                                        liquidated,
                                        "2026-03-11",
                                        "Jugement prononçant",
                                        "Autre jugement prononçant",
                                        "2026-03-04",
                                        "Ouvre les opérations de la liquidation judiciaire. Liquidateur : Maître Jean Proef."))),
                "records.json");

        assertThat(run.rowsRead()).isEqualTo(2);
        assertThat(run.rowsApplied()).isEqualTo(2);
        assertThat(situation(reorganised)).isEqualTo("091");
        assertThat(history(reorganised)).containsExactly("REORGANISATION_OPENED 2026-03-03");
        assertThat(situation(liquidated)).isEqualTo("048");
        assertThat(history(liquidated)).containsExactly("BANKRUPTCY_OPENED 2026-03-04");
    }

    @Test
    void aV1SearchAnswerIsTakenAndAClosureInAnAutreJugementEtOrdonnanceClosesTheBankruptcy() {
        String siren = FeedLines.siren();
        RunView run = ingest(
                BodaccOpenDataShapes.v1(
                        List.of(
                                judgment(
                                        siren,
                                        "2026-01-20",
                                        "Jugement d'ouverture",
                                        "Jugement d'ouverture de liquidation judiciaire",
                                        "2026-01-14",
                                        null),
                                judgment(
                                        siren,
                                        "2026-06-02",
                                        "Jugement et ordonnance",
                                        "Autre jugement et ordonnance",
                                        "26 mai 2026",
                                        "Jugement prononçant la clôture de la procédure de liquidation judiciaire pour insuffisance d'actif"))),
                "search.json");

        assertThat(run.rowsApplied()).isEqualTo(2);
        assertThat(situation(siren)).isEqualTo("051");
        assertThat(history(siren)).containsExactly("BANKRUPTCY_OPENED 2026-01-14", "BANKRUPTCY_CLOSED 2026-05-26");
    }

    @Test
    void theSemicolonCsvExportIsTaken() {
        String siren = FeedLines.siren();
        RunView run = ingest(
                BodaccOpenDataShapes.csv(List.of(judgment(
                        siren,
                        "2026-04-08",
                        "Jugement d'ouverture",
                        "Jugement d'ouverture d'une procédure de sauvegarde",
                        "1er avril 2026",
                        "Jugement ouvrant une procédure de sauvegarde; mandataire judiciaire : SELARL Proef"))),
                "annonces-commerciales.csv");

        assertThat(run.rowsRead()).isEqualTo(1);
        assertThat(run.rowsApplied()).isEqualTo(1);
        assertThat(status(siren)).contains("\"proceedings\":\"sauvegarde\"");
        assertThat(history(siren)).containsExactly("SAFEGUARD_OPENED 2026-04-01");
        assertThat(registry.find(new CompanyId("FR", siren))
                        .orElseThrow()
                        .sections()
                        .get(Section.IDENTITY)
                        .json())
                .contains("PROEF TRANSPORTS");
    }

    @Test
    void followUpJudgmentsEndAReorganisationSellTheBusinessAndReopenALiquidation() {
        String ended = FeedLines.siren();
        ingest(
                BodaccOpenDataShapes.v21(
                        List.of(
                                judgment(
                                        ended,
                                        "2026-02-03",
                                        "Jugement d'ouverture",
                                        "Jugement d'ouverture d'une procédure de redressement judiciaire",
                                        "2026-01-27",
                                        null),
                                judgment(
                                        ended,
                                        "2026-09-15",
                                        "Jugement de clôture",
                                        "Jugement mettant fin à la procédure de redressement judiciaire",
                                        "2026-09-08",
                                        "Jugement mettant fin à la procédure de redressement judiciaire, le débiteur disposant des sommes suffisantes"))),
                "records.json");
        assertThat(situation(ended)).as("no longer in reorganisation").isEqualTo("000");
        assertThat(history(ended))
                .containsExactly("REORGANISATION_OPENED 2026-01-27", "REORGANISATION_ENDED 2026-09-08");

        String sold = FeedLines.siren();
        ingest(
                BodaccOpenDataShapes.v21(List.of(
                        judgment(
                                sold,
                                "2026-02-03",
                                "Jugement d'ouverture",
                                "Jugement d'ouverture d'une procédure de redressement judiciaire",
                                "2026-01-27",
                                null),
                        judgment(
                                sold,
                                "2026-05-12",
                                "Jugement prononçant",
                                "Jugement arrêtant un plan de cession",
                                "2026-05-05",
                                null))),
                "records.json");
        assertThat(status(sold)).contains("\"juridicalSituation\":\"091\"").contains("\"proceedings\":\"vente\"");
        assertThat(history(sold)).containsExactly("REORGANISATION_OPENED 2026-01-27", "BUSINESS_SOLD 2026-05-05");

        String reopened = FeedLines.siren();
        ingest(
                BodaccOpenDataShapes.v21(List.of(
                        judgment(
                                reopened,
                                "2025-03-03",
                                "Jugement d'ouverture",
                                "Jugement d'ouverture de liquidation judiciaire",
                                "2025-02-25",
                                null),
                        judgment(
                                reopened,
                                "2025-11-04",
                                "Jugement de clôture",
                                "Jugement de clôture pour insuffisance d'actif",
                                "2025-10-28",
                                null),
                        judgment(
                                reopened,
                                "2026-06-09",
                                "Jugement prononçant",
                                "Jugement de reprise de la procédure de liquidation judiciaire",
                                "2026-06-02",
                                null))),
                "records.json");
        assertThat(situation(reopened)).isEqualTo("048");
        assertThat(history(reopened))
                .containsExactly(
                        "BANKRUPTCY_OPENED 2025-02-25", "BANKRUPTCY_CLOSED 2025-10-28", "BANKRUPTCY_OPENED 2026-06-02");
    }

    @Test
    void noticesThatOnlyExistDuringAProceedingNeverSetTheCompanyBackToNormal() {
        String inReorganisation = FeedLines.siren();
        ingest(
                BodaccOpenDataShapes.v21(List.of(judgment(
                        inReorganisation,
                        "2026-02-03",
                        "Jugement d'ouverture",
                        "Jugement d'ouverture d'une procédure de redressement judiciaire",
                        "2026-01-27",
                        null))),
                "records.json");
        ingest(
                BodaccOpenDataShapes.v21(List.of(
                        judgment(
                                inReorganisation,
                                "2026-06-10",
                                "Avis de dépôt",
                                "Dépôt de l'état des créances",
                                "2026-06-01",
                                null),
                        judgment(
                                inReorganisation,
                                "2026-07-10",
                                "Avis de dépôt",
                                "Dépôt du projet de répartition",
                                "2026-07-01",
                                null))),
                "records.json");
        assertThat(situation(inReorganisation)).isEqualTo("091");
        assertThat(history(inReorganisation)).containsExactly("REORGANISATION_OPENED 2026-01-27");

        String firstSeenInLiquidation = FeedLines.siren();
        ingest(
                BodaccOpenDataShapes.v21(List.of(judgment(
                        firstSeenInLiquidation,
                        "2026-08-20",
                        "Avis de dépôt",
                        "Liste des créances nées après le jugement d'ouverture d'une procédure de liquidation judiciaire",
                        "2026-08-12",
                        null))),
                "records.json");
        assertThat(situation(firstSeenInLiquidation))
                .as("the claims list names the proceeding")
                .isEqualTo("048");

        String firstSeenInSomeProceeding = FeedLines.siren();
        ingest(
                BodaccOpenDataShapes.v21(List.of(judgment(
                        firstSeenInSomeProceeding,
                        "2026-08-20",
                        "Avis de dépôt",
                        "Dépôt de l'état des créances",
                        "2026-08-12",
                        null))),
                "records.json");
        assertThat(status(firstSeenInSomeProceeding))
                .contains("\"proceedings\":\"collective\"")
                .doesNotContain("\"juridicalSituation\":\"000\"");
    }

    @Test
    void aNewestFirstFileLeavesTheCompanyAtItsNewestNoticeAndFiresInTheOrderThingsHappened() {
        String siren = FeedLines.siren();
        RunView run = ingest(
                BodaccOpenDataShapes.array(List.of(
                        judgment(
                                siren,
                                "2026-10-06",
                                "Jugement prononçant",
                                "Jugement de conversion en liquidation judiciaire",
                                "2026-09-29",
                                null),
                        judgment(
                                siren,
                                "2026-04-14",
                                "Jugement d'ouverture",
                                "Jugement d'ouverture d'une procédure de redressement judiciaire",
                                "2026-04-07",
                                null),
                        base(siren, "2025-11-18", "immatriculation", "Immatriculations"))),
                "export.json");

        assertThat(run.rowsApplied()).isEqualTo(3);
        var status = registry.find(new CompanyId("FR", siren))
                .orElseThrow()
                .sections()
                .get(Section.STATUS);
        assertThat(status.json()).contains("\"juridicalSituation\":\"048\"");
        assertThat(status.asOf()).hasToString("2026-10-06");
        assertThat(history(siren)).containsExactly("REORGANISATION_OPENED 2026-04-07", "BANKRUPTCY_OPENED 2026-09-29");
    }

    @Test
    void everyRecordThatCannotBeUsedIsQuarantinedWithItsReasonAndEveryRowIsAccountedFor() {
        String siren = FeedLines.siren();
        Map<String, Object> withoutId = judgment(
                siren,
                "2026-03-10",
                "Jugement d'ouverture",
                "Jugement d'ouverture de liquidation judiciaire",
                "2026-03-03",
                null);
        withoutId.remove("id");
        Map<String, Object> alsoWithoutId = base(siren, "2026-03-11", "immatriculation", "Immatriculations");
        alsoWithoutId.put("id", "");
        RunView broken = ingest(BodaccOpenDataShapes.v21(List.of(withoutId, alsoWithoutId)), "records.json");
        assertThat(broken.rowsRead()).isEqualTo(2);
        assertThat(broken.rowsRejected()).isEqualTo(2);
        assertThat(ingestion.quarantine(broken.id(), 10))
                .extracting(QuarantinedRow::reason)
                .allSatisfy(reason -> assertThat(reason).contains("id is missing"))
                .hasSize(2);
        assertThat(registry.find(new CompanyId("FR", siren))).isEmpty();

        String text = BodaccOpenDataShapes.v21(List.of(judgment(
                siren,
                "2026-03-10",
                "Jugement d'ouverture",
                "Jugement d'ouverture de liquidation judiciaire",
                "2026-03-03",
                null)));
        RunView first = ingest(text, "records.json");
        RunView again = ingest(text, "records.json");
        assertThat(first.rowsApplied()).isEqualTo(1);
        assertThat(again.rowsApplied()).isZero();
        assertThat(again.rowsSetAside()).isEqualTo(1);
        assertThat(again.setAside())
                .containsOnlyKeys("BODACC notices Vigil had already taken (an earlier run, or earlier in the file)");
        for (RunView run : List.of(broken, first, again)) {
            assertThat(run.rowsRead()).isEqualTo(run.rowsApplied() + run.rowsRejected() + run.rowsSetAside());
            assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        }
    }

    @Test
    void sanctionsOnAPersonAreDirectorSignalsEverywhereThatPersonSits() {
        String liquidated = FeedLines.siren();
        String elsewhere = FeedLines.siren();
        String person = "P-" + liquidated;
        String other = "P-" + elsewhere;
        RunView bureau = ingestion.ingestNow(
                "bureau",
                FeedLines.file(
                        "{\"country\":\"FR\",\"number\":\"" + liquidated + "\",\"as_of\":\"2026-05-01\",\"officers\":["
                                + "{\"id\":\"" + person
                                + "\",\"name\":\"MARTIN, Jean\",\"role\":\"managing-director\",\"since\":\"2015-01-01\"}]}",
                        "{\"country\":\"FR\",\"number\":\"" + elsewhere + "\",\"as_of\":\"2026-05-01\",\"officers\":["
                                + "{\"id\":\"" + person
                                + "\",\"name\":\"MARTIN, Jean\",\"role\":\"director\",\"since\":\"2019-01-01\"},"
                                + "{\"id\":\"" + other
                                + "\",\"name\":\"DUBOIS, Claire\",\"role\":\"director\",\"since\":\"2019-01-01\"}]}"),
                "officers.jsonl",
                true,
                "test");
        assertThat(bureau.status()).as(bureau.error()).isEqualTo("COMPLETED");

        Map<String, Object> interdiction = judgment(
                liquidated,
                "2026-06-16",
                "Jugement prononçant",
                "Jugement d'interdiction de gérer",
                "2026-06-09",
                null);
        interdiction.put(
                "listepersonnes",
                "{\"personne\": {\"typePersonne\": \"pp\", \"nom\": \"MARTIN\", "
                        + "\"prenom\": \"Jean Pierre\", \"nationalite\": \"Française\"}}");
        Map<String, Object> unknownPerson = judgment(
                elsewhere,
                "2026-06-16",
                "Jugement prononçant",
                "Autre jugement prononçant",
                "2026-06-09",
                "Prononce la faillite personnelle pour une durée de 10 ans");
        unknownPerson.put(
                "listepersonnes",
                "{\"personne\": {\"typePersonne\": \"pp\", \"nom\": \"DURAND\", \"prenom\": \"Paul\"}}");
        ingest(BodaccOpenDataShapes.v21(List.of(interdiction, unknownPerson)), "records.json");

        assertThat(history(liquidated)).containsExactly("DIRECTOR_DISQUALIFIED 2026-06-09");
        assertThat(history(elsewhere))
                .as("where the same person sits; Paul Durand sits nowhere Vigil knows")
                .containsExactly("DIRECTOR_DISQUALIFIED 2026-06-09");
        long id = registry.find(new CompanyId("FR", elsewhere)).orElseThrow().id();
        assertThat(events.of(id, null).getFirst().newValue())
                .contains("Jean Pierre MARTIN: Jugement d'interdiction de gérer");
        assertThat(situation(liquidated))
                .as("a sanction on a person leaves the company's situation as it was")
                .isEqualTo("000");
    }

    // ---- helpers ----

    private RunView ingest(String text, String name) {
        RunView run = ingestion.ingestNow(
                SOURCE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, true, "test");
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        return run;
    }

    private String status(String siren) {
        return registry.find(new CompanyId("FR", siren))
                .orElseThrow()
                .sections()
                .get(Section.STATUS)
                .json();
    }

    private String situation(String siren) {
        var matcher = java.util.regex.Pattern.compile("\"juridicalSituation\":\"(\\d+)\"")
                .matcher(status(siren));
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The company's events in the order they happened. */
    private List<String> history(String siren) {
        long id = registry.find(new CompanyId("FR", siren)).orElseThrow().id();
        return events.of(id, null).stream()
                .sorted(java.util.Comparator.comparing(eu.vigil.signal.SignalEvent::effectiveDate))
                .map(e -> e.code() + " " + e.effectiveDate())
                .toList();
    }
}
