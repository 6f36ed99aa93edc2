package eu.vigil.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.demo.DemoAccounts;
import eu.vigil.demo.world.BodaccFileWriter;
import eu.vigil.demo.world.CompaniesHouseStreamWriter;
import eu.vigil.support.SessionCookie;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The Companies House and BODACC feeds come in the ways every feed does: the inbox, the API and the upload page. */
@VigilTest
class RegistryFeedsEntryTests {

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    FeedProperties properties;

    @Autowired
    eu.vigil.storage.FileStore fileStore;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    MockMvc mvc;

    @Test
    void theInboxFoldersOfBothSourcesArePickedUp() throws Exception {
        assertThat(ingestion.sources()).contains("companies-house", "bodacc");
        String number = FeedLines.britishNumber();
        Path chInbox = Files.createDirectories(Path.of(properties.inbox(), "companies-house"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("companies-2026-10-01.jsonl"));
            out.write(CompaniesHouseStreamWriter.line(CompaniesHouseStreamWriter.profile(
                            new CompaniesHouseStreamWriter.Profile(
                                    number,
                                    "INBOX TRADING LIMITED",
                                    "ltd",
                                    LocalDate.of(2012, 5, 1),
                                    null,
                                    "active",
                                    null,
                                    null,
                                    List.of("62012"),
                                    false,
                                    false,
                                    false,
                                    null,
                                    false),
                            1,
                            "2026-10-01T07:00:00"))
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.write(chInbox.resolve("companies-2026-10-01.zip"), zip.toByteArray());
        Files.setLastModifiedTime(chInbox.resolve("companies-2026-10-01.zip"), FileTime.fromMillis(0));

        String siren = FeedLines.siren();
        Path bodaccInbox = Files.createDirectories(Path.of(properties.inbox(), "bodacc"));
        BodaccFileWriter.writeArray(
                bodaccInbox.resolve("annonces.json"),
                List.of(new BodaccFileWriter.Notice(
                        "A202601901234",
                        LocalDate.of(2026, 10, 1),
                        "annonce",
                        "immatriculation",
                        List.of(siren),
                        "INBOX SAS",
                        "Nantes",
                        "44000",
                        null,
                        null,
                        null)));
        Files.setLastModifiedTime(bodaccInbox.resolve("annonces.json"), FileTime.fromMillis(0));

        FeedInbox inbox = new FeedInbox(ingestion, properties, fileStore);
        assertThat(inbox.sweep("companies-house"))
                .singleElement()
                .satisfies(run -> assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED"));
        assertThat(inbox.sweep("bodacc"))
                .singleElement()
                .satisfies(run -> assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED"));
        assertThat(chInbox.resolve("done/companies-2026-10-01.zip")).exists();
        assertThat(bodaccInbox.resolve("done/annonces.json")).exists();
        assertThat(registry.find(new CompanyId("GB", number))).isPresent();
        assertThat(registry.find(new CompanyId("FR", siren))).isPresent();
    }

    @Test
    void theApiTakesABodaccFileAndReportsItsRun() throws Exception {
        String siren = FeedLines.siren();
        byte[] content = BodaccFileWriter.line(new BodaccFileWriter.Notice(
                        "A202601905678",
                        LocalDate.of(2026, 10, 1),
                        "annonce",
                        "vente",
                        List.of(siren),
                        "API SAS",
                        "Lille",
                        "59000",
                        null,
                        null,
                        null))
                .getBytes(StandardCharsets.UTF_8);
        var response = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/admin/feeds/bodacc/extracts")
                        .file(new MockMultipartFile("file", "annonces.jsonl", "application/x-ndjson", content))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.PLATFORM_API_KEY))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(202);
        long id = Long.parseLong(response.getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1"));
        RunView run =
                Wait.until("run " + id + " finished", () -> ingestion.run(id).orElseThrow(), RunView::finished);
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(run.source()).isEqualTo("bodacc");
        assertThat(registry.find(new CompanyId("FR", siren))).isPresent();
    }

    @Test
    void theUploadPageOffersEverySourceWithWhatItTakes() throws Exception {
        var signedIn = mvc.perform(post("/login")
                        .param("email", "platform@vigil.example")
                        .param("password", DemoAccounts.PASSWORD)
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.98.0.7");
                            return r;
                        }))
                .andReturn();
        SessionCookie session = new SessionCookie();
        session.keep(signedIn);
        String page = mvc.perform(get("/platform/feeds").with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "<option value=\"kbo\">KBO</option>",
                        "<option value=\"companies-house\">Companies House</option>",
                        "<option value=\"bodacc\">BODACC</option>",
                        "id=\"feed-source-companies-house\"",
                        "id=\"feed-source-bodacc\"",
                        "captured stream lines",
                        "annonces-commerciales");
        assertThat(page.indexOf("value=\"kbo\""))
                .as("the registry is the form's default")
                .isLessThan(page.indexOf("value=\"accounts\""));
        assertThat(page).doesNotContain("??feeds.");
    }
}
