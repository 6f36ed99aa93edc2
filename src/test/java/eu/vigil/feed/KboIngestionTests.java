package eu.vigil.feed;

import static eu.vigil.support.KboUpdateZip.q;
import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.Section;
import eu.vigil.demo.DemoAccounts;
import eu.vigil.support.KboUpdateZip;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@VigilTest
class KboIngestionTests {

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    FeedProperties properties;

    @Test
    void theRealUpdate147AccountsForEveryRowMakesNoCompanyFromADeletionAndAgainChangesNothing() throws Exception {
        java.util.List<String> leaving = leavingEnterprises();
        assertThat(leaving).hasSize(158);
        // Vigil holds one of the enterprises that leave in 0147 (the others it never saw)
        String held = q("0502.503.253");
        ingestUpdate(KboUpdateZip.update(146, "10-10-2025")
                .insert("enterprise", held, q("AC"), q("000"), q("2"), q("014"), "", q("15-03-2010"))
                .insert("denomination", held, q("2"), q("001"), q("Vertrek Proef BV")));
        long heldBefore = held(leaving);
        long inactiveBefore = inactive(leaving);
        assertThat(heldBefore).isPositive();
        RunView run;
        try (InputStream in = getClass().getResourceAsStream(KboUpdateZip.REAL_UPDATE)) {
            run = ingestion.ingestNow("kbo", in, "KboOpenData_0147_2025_10_12_Update.zip", true, "test");
        }
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(run.extractNumber()).isEqualTo(147);
        assertThat(run.extractType()).isEqualTo("update");
        assertThat(run.rowsRead()).isEqualTo(1103);
        assertThat(run.rowsRejected()).isZero();
        assertThat(run.rowsRead())
                .as("every row applied, rejected or set aside")
                .isEqualTo(run.rowsApplied() + run.rowsRejected() + run.rowsSetAside());
        assertThat(run.setAside().entrySet().stream()
                        .filter(e -> e.getKey().contains("establishment-level"))
                        .mapToLong(Map.Entry::getValue)
                        .sum())
                .as("establishment-level activities, addresses, contacts, names")
                .isEqualTo(607);
        assertThat(run.setAside()
                        .get("deletions about enterprises Vigil never held (no company is made from a deletion)"))
                .as("the deletion rows of the 157 enterprises Vigil never held")
                .isPositive();
        assertThat(held(leaving)).as("no company is made from a deletion alone").isEqualTo(heldBefore);
        assertThat(run.companiesLeft()).as("enterprises that left in this run").isEqualTo(heldBefore - inactiveBefore);
        assertThat(inactive(leaving))
                .as("the enterprises Vigil held that left are inactive")
                .isEqualTo(heldBefore);
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());

        var left = registry.find(CompanyNumbers.require("0502.503.253", "BE")).orElseThrow();
        assertThat(left.sections().get(Section.STATUS).json())
                .contains("\"active\":false")
                .contains("\"ceasedOn\":\"2025-10-11\"");

        var fresh =
                registry.find(CompanyNumbers.require("BE 0552 627 113", null)).orElseThrow();
        assertThat(fresh.sections().get(Section.IDENTITY).json())
                .contains("Callebaut, Brenda")
                .contains("\"startDate\":\"2025-09-15\"");
        assertThat(fresh.sections().get(Section.STATUS).json())
                .contains("\"active\":true")
                .contains("\"juridicalSituation\":\"000\"");
        assertThat(fresh.sections().get(Section.STATUS).source()).isEqualTo("kbo");
        assertThat(fresh.sections().get(Section.STATUS).asOf()).hasToString("2025-10-11");

        String api = mvc.perform(MockMvcRequestBuilders.get("/api/v1/companies/BE/0552627113")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.TENANT_API_KEY))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(api)
                .contains("\"number\":\"0552627113\"")
                .contains("Callebaut, Brenda")
                .contains("\"identity\"");

        String events = mvc.perform(MockMvcRequestBuilders.get("/api/v1/companies/BE/0502.503.253/events")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.TENANT_API_KEY))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(events)
                .contains("\"signal\":\"CEASED_ACTIVE\"")
                .contains("\"polarity\":\"negative\"")
                .contains("\"effectiveDate\":\"2025-10-11\"")
                .contains("\"source\":\"kbo\"");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/companies/BE/0502.503.253/events")
                                .param("since", "2025-10-12")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.TENANT_API_KEY))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .isEqualTo("[]");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/companies/BE/0502.503.253/events")
                                .param("since", "yesterday")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.TENANT_API_KEY))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);

        RunView again;
        try (InputStream in = getClass().getResourceAsStream(KboUpdateZip.REAL_UPDATE)) {
            again = ingestion.ingestNow("kbo", in, "KboOpenData_0147_2025_10_12_Update.zip", false, "test");
        }
        assertThat(again.status()).isEqualTo("REFUSED");
        assertThat(again.error()).containsPattern("already applied by run #\\d+");

        RunView forced;
        try (InputStream in = getClass().getResourceAsStream(KboUpdateZip.REAL_UPDATE)) {
            forced = ingestion.ingestNow("kbo", in, "KboOpenData_0147_2025_10_12_Update.zip", true, "test");
        }
        assertThat(forced.status()).isEqualTo("COMPLETED");
        assertThat(forced.companiesChanged())
                .as("replaying an extract changes nothing")
                .isZero();
        assertThat(forced.companiesLeft()).isZero();
    }

    @Test
    void anEnterpriseDeletedAgainAfterItLeftKeepsTheDayItLeft() {
        long first8 =
                7_900_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000);
        String number = "%08d%02d".formatted(first8, 97 - first8 % 97);
        String key = q(KboUpdateZip.dotted(number));
        ingestUpdate(KboUpdateZip.update(900, "01-11-2026")
                .insert("enterprise", key, q("AC"), q("000"), q("2"), q("014"), "", q("15-03-2010"))
                .insert("denomination", key, q("2"), q("001"), q("Vertrokken Proef BV")));
        ingestUpdate(
                KboUpdateZip.update(900, "02-11-2026").delete("enterprise", key).delete("denomination", key));
        var company = CompanyNumbers.require(number, "BE");
        assertThat(registry.find(company)
                        .orElseThrow()
                        .sections()
                        .get(Section.STATUS)
                        .json())
                .contains("\"active\":false")
                .contains("\"ceasedOn\":\"2026-11-02\"");

        // KBO lists it among the deletions again a day later: it left on the 2nd all the same, and nothing fires twice
        ingestUpdate(KboUpdateZip.update(900, "03-11-2026").delete("enterprise", key));
        assertThat(registry.find(company)
                        .orElseThrow()
                        .sections()
                        .get(Section.STATUS)
                        .json())
                .contains("\"active\":false")
                .contains("\"ceasedOn\":\"2026-11-02\"");
        assertThat(jdbc.queryForObject("""
                select count(*) from signal_event e join company c on c.id = e.company_id
                where c.country = 'BE' and c.number = ? and e.code = 'CEASED_ACTIVE'""", Long.class, number)).isEqualTo(1);
    }

    private void ingestUpdate(KboUpdateZip.Update update) {
        RunView run = ingestion.ingestNow("kbo", new ByteArrayInputStream(update.zip()), "update.zip", true, "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
    }

    @Test
    void aMissingFileOrWrongHeaderFailsAtOnceNamingTheFileAndNothingIsApplied() {
        long companies = count();
        Map<String, String> missing = KboUpdateZip.realUpdateFiles();
        missing.remove("activity_insert.csv");
        RunView run = ingest(missing, true);
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).contains("activity_insert.csv").contains("\"EntityNumber\",\"ActivityGroup\"");

        Map<String, String> wrongHeader = KboUpdateZip.realUpdateFiles();
        wrongHeader.put(
                "address_insert.csv", wrongHeader.get("address_insert.csv").replace("\"Zipcode\"", "\"PostCode\""));
        RunView wrong = ingest(wrongHeader, true);
        assertThat(wrong.status()).isEqualTo("FAILED");
        assertThat(wrong.error())
                .contains("address_insert.csv")
                .contains("PostCode")
                .contains("\"Zipcode\"");

        RunView notZip =
                ingestion.ingestNow("kbo", new ByteArrayInputStream("hello".getBytes()), "notes.zip", true, "test");
        assertThat(notZip.status()).isEqualTo("FAILED");
        assertThat(notZip.error()).contains("not a zip");
        assertThat(count()).isEqualTo(companies);
    }

    @Test
    void badRowsGoToTheQuarantineAndTheRunGoesOn() {
        Map<String, String> files = KboUpdateZip.realUpdateFiles();
        String enterprises =
                files.get("enterprise_insert.csv") + "\"1999.999.999\",\"AC\",\"000\",\"2\",\"014\",,01-01-2020\n";
        files.put("enterprise_insert.csv", enterprises);
        files.put(
                "denomination_insert.csv",
                files.get("denomination_insert.csv")
                        .replace(
                                "\"0660.962.750\",\"0\",\"001\",\"De Groote, Vicky\"",
                                "\"0660.962.750\",\"0\",\"001\""));
        RunView run = ingest(files, true);
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(run.rowsRejected()).isEqualTo(2);
        var quarantine = ingestion.quarantine(run.id(), 10);
        assertThat(quarantine)
                .extracting(QuarantinedRow::fileName)
                .containsExactlyInAnyOrder("enterprise_insert.csv", "denomination_insert.csv");
        assertThat(quarantine).anySatisfy(q -> {
            assertThat(q.reason()).contains("check digit");
            assertThat(q.raw()).contains("1999.999.999");
            assertThat(q.line()).isEqualTo(30);
        });
        assertThat(quarantine).anySatisfy(q -> assertThat(q.reason()).contains("expected 4 fields, found 3"));
    }

    @Test
    void oldAndOutOfOrderExtractsAreRefusedUnlessForced() {
        String source = "kbo";
        Map<String, String> files = KboUpdateZip.realUpdateFiles();
        files.put("meta.csv", KboUpdateZip.meta("update", 9_000_001, "12-10-2025"));
        files.put(
                "enterprise_insert.csv",
                "\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"\n");
        RunView base = ingest(files, true);
        assertThat(base.status()).as(base.error()).isEqualTo("COMPLETED");

        files.put("meta.csv", KboUpdateZip.meta("update", 9_000_003, "14-10-2025"));
        RunView gap = ingest(files, false);
        assertThat(gap.status()).isEqualTo("REFUSED");
        assertThat(gap.error()).contains("9000002").contains("missing");

        files.put("meta.csv", KboUpdateZip.meta("update", 9_000_000, "10-10-2025"));
        RunView old = ingest(files, false);
        assertThat(old.status()).isEqualTo("REFUSED");
        assertThat(old.error()).contains("not newer");

        files.put("meta.csv", KboUpdateZip.meta("update", 9_000_002, "13-10-2025"));
        assertThat(ingest(files, false).status()).isEqualTo("COMPLETED");
        assertThat(ingestion.sources()).contains(source);
    }

    @Test
    void aRunLeftRunningByAStoppedProcessIsMarkedInterruptedAndTheExtractCanRunAgain() {
        Long stale = jdbc.queryForObject("""
                insert into feed_run (source, file_name, file_sha256, status, triggered_by, started_at, heartbeat_at)
                values ('kbo', 'crashed.zip', 'x', 'RUNNING', 'test', now() - interval '1 hour', now() - interval '1 hour')
                returning id""", Long.class);
        Map<String, String> files = KboUpdateZip.realUpdateFiles();
        RunView run = ingest(files, true);
        assertThat(run.status()).isEqualTo("COMPLETED");
        RunView crashed = ingestion.run(stale).orElseThrow();
        assertThat(crashed.status()).isEqualTo("FAILED");
        assertThat(crashed.error()).contains("Interrupted");
    }

    @Test
    void aFailureHalfwayLeavesTheRegistryAsItWas() {
        Map<String, String> files = KboUpdateZip.realUpdateFiles();
        // the last file of the merge ends on a damaged line, longer than any line may be
        String damaged = files.get("activity_insert.csv") + "\"0200.065.765\",\"001\",\"2008\",\""
                + "6".repeat(1_100_000) + "\",\"MAIN\"\n";
        files.put("activity_insert.csv", damaged);
        files.put("meta.csv", KboUpdateZip.meta("update", 147, "11-10-2025"));
        long sections = jdbc.queryForObject("select count(*) from company_section", Long.class);
        long companies = count();
        RunView run = ingest(files, true);
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error())
                .startsWith("Damaged or oversized file: activity_insert.csv")
                .contains("limit vigil.feeds.limits.");
        assertThat(count()).isEqualTo(companies);
        assertThat(jdbc.queryForObject("select count(*) from company_section", Long.class))
                .isEqualTo(sections);
    }

    @Test
    void theInboxAppliesExtractsAndSortsThemIntoDoneAndFailed() throws Exception {
        Path inbox = Path.of(properties.inbox(), "kbo");
        Files.createDirectories(inbox);
        Map<String, String> broken = KboUpdateZip.realUpdateFiles();
        broken.remove("code.csv");
        Files.write(inbox.resolve("broken.zip"), KboUpdateZip.zip(broken));
        Files.setLastModifiedTime(inbox.resolve("broken.zip"), java.nio.file.attribute.FileTime.fromMillis(0));
        var runs = new FeedInbox(ingestion, properties, fileStore).sweep("kbo");
        assertThat(runs).hasSize(1);
        assertThat(runs.getFirst().status()).isEqualTo("FAILED");
        assertThat(inbox.resolve("failed/broken.zip")).exists();
        assertThat(Files.readString(inbox.resolve("failed/broken.zip.reason.txt")))
                .contains("code.csv");
        assertThat(inbox.resolve("broken.zip")).doesNotExist();
    }

    @Test
    void extractsArriveThroughTheFileStoreToo() throws Exception {
        String number = FeedLines.belgianNumber();
        Path extract = Files.createTempFile("snapshot", ".jsonl");
        Files.writeString(
                extract,
                "{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"2026-10-01\",\"rating\":\"A\"}\n");
        Map<String, String> broken = KboUpdateZip.realUpdateFiles();
        broken.remove("code.csv");
        Path brokenZip = Files.createTempFile("broken", ".zip");
        Files.write(brokenZip, KboUpdateZip.zip(broken));
        fileStore.put("feed-inbox/bureau/store-snapshot.jsonl", extract);
        fileStore.put("feed-inbox/kbo/store-broken.zip", brokenZip);
        for (String key : List.of("feed-inbox/bureau/store-snapshot.jsonl", "feed-inbox/kbo/store-broken.zip")) {
            Files.setLastModifiedTime(
                    storage.local().root().resolve(key), java.nio.file.attribute.FileTime.fromMillis(0));
        }
        FeedInbox inbox = new FeedInbox(ingestion, properties, fileStore);

        assertThat(inbox.sweepStore("bureau"))
                .singleElement()
                .satisfies(run -> assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED"));
        assertThat(inbox.sweepStore("kbo"))
                .singleElement()
                .satisfies(run -> assertThat(run.status()).isEqualTo("FAILED"));

        assertThat(registry.find(CompanyNumbers.require(number, "BE"))).isPresent();
        assertThat(fileStore.list("feed-inbox/"))
                .extracting(eu.vigil.storage.FileStore.StoredFile::key)
                .contains(
                        "feed-inbox/bureau/done/store-snapshot.jsonl",
                        "feed-inbox/kbo/failed/store-broken.zip",
                        "feed-inbox/kbo/failed/store-broken.zip.reason.txt")
                .doesNotContain("feed-inbox/bureau/store-snapshot.jsonl", "feed-inbox/kbo/store-broken.zip");
        try (var reason = fileStore.open("feed-inbox/kbo/failed/store-broken.zip.reason.txt")) {
            assertThat(new String(reason.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("code.csv");
        }
        assertThat(inbox.sweepStore("bureau")).as("a file is taken once").isEmpty();
    }

    @Test
    void theInboxTakesTheRecordFeedsJsonLinesToo() throws Exception {
        Path inbox = Path.of(properties.inbox(), "bureau");
        Files.createDirectories(inbox);
        String number = FeedLines.belgianNumber();
        Files.writeString(
                inbox.resolve("snapshot.jsonl"),
                "{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"2026-10-01\",\"rating\":\"A\"}\n");
        Files.setLastModifiedTime(inbox.resolve("snapshot.jsonl"), java.nio.file.attribute.FileTime.fromMillis(0));
        var runs = new FeedInbox(ingestion, properties, fileStore).sweep("bureau");
        assertThat(runs)
                .singleElement()
                .satisfies(run -> assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED"));
        assertThat(inbox.resolve("done/snapshot.jsonl")).exists();
        assertThat(registry.find(CompanyNumbers.require(number, "BE"))).isPresent();
    }

    @Test
    void uploadsAreDeletedOnceTheirRunIsOlderThanTheRetention() throws Exception {
        RunView run = ingest(KboUpdateZip.realUpdateFiles(), true);
        Path path = storage.local()
                .root()
                .resolve(jdbc.queryForObject("select file_path from feed_run where id = ?", String.class, run.id()));
        assertThat(path).exists();
        RunView fresh = ingest(KboUpdateZip.realUpdateFiles(), true);
        jdbc.update("update feed_run set finished_at = now() - interval '31 days' where id = ?", run.id());

        int removed = new UploadHousekeeping(runStore, properties, fileStore).removeExpired();

        assertThat(removed).isPositive();
        assertThat(path).doesNotExist();
        assertThat(ingestion.run(run.id()).orElseThrow().rowsRead())
                .as("the run keeps its counts")
                .isEqualTo(1103);
        assertThat(storage.local()
                        .root()
                        .resolve(jdbc.queryForObject(
                                "select file_path from feed_run where id = ?", String.class, fresh.id())))
                .exists();
    }

    @Autowired
    eu.vigil.feed.internal.RunStore runStore;

    @Autowired
    eu.vigil.storage.FileStore fileStore;

    @Autowired
    eu.vigil.storage.StorageProperties storage;

    @Test
    void theApiTakesAnExtractAndReportsItsRun() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "KboOpenData_0147_2025_10_12_Update.zip",
                "application/zip",
                getClass().getResourceAsStream(KboUpdateZip.REAL_UPDATE));
        var response = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/admin/feeds/kbo/extracts")
                        .file(file)
                        .param("force", "true")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.PLATFORM_API_KEY))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(202);
        String id = response.getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1");
        String status = Wait.until(
                "run " + id + " finished",
                () -> mvc.perform(MockMvcRequestBuilders.get("/api/v1/admin/feeds/runs/" + id)
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.PLATFORM_API_KEY))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                s -> s.contains("COMPLETED") || s.contains("FAILED"));
        assertThat(status).contains("\"status\":\"COMPLETED\"").contains("\"rowsRead\":1103");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/admin/feeds/runs")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.TENANT_API_KEY))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("runs are for platform keys")
                .isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/companies/BE/0403.170.702")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.TENANT_API_KEY))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("mod-97");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/companies/BE/0200.065.765")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.TENANT_API_KEY))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private RunView ingest(Map<String, String> files, boolean force) {
        return ingestion.ingestNow("kbo", new ByteArrayInputStream(KboUpdateZip.zip(files)), "test.zip", force, "test");
    }

    private static java.util.List<String> leavingEnterprises() {
        Map<String, String> files = KboUpdateZip.realUpdateFiles();
        java.util.Set<String> inserted = new java.util.HashSet<>(keys(files.get("enterprise_insert.csv")));
        return keys(files.get("enterprise_delete.csv")).stream()
                .filter(k -> !inserted.contains(k))
                .toList();
    }

    private static java.util.List<String> keys(String csv) {
        return csv.lines()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.substring(1, l.indexOf('"', 1)).replace(".", ""))
                .toList();
    }

    private long inactive(java.util.List<String> numbers) {
        return jdbc.queryForObject("""
                select count(*) from company c join company_section s on s.company_id = c.id and s.section = 'status'
                where c.country = 'BE' and c.number = any(?::text[]) and not (s.doc ->> 'active')::boolean
                  and s.doc ->> 'ceasedOn' = '2025-10-11'""", Long.class, (Object) numbers.toArray(String[]::new));
    }

    private long held(java.util.List<String> numbers) {
        return jdbc.queryForObject(
                "select count(*) from company c where c.country = 'BE' and c.number = any(?::text[])",
                Long.class,
                (Object) numbers.toArray(String[]::new));
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from company", Long.class);
    }
}
