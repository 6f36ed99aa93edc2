package eu.vigil.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import eu.vigil.support.KboUpdateZip;
import eu.vigil.support.TestData;
import eu.vigil.support.VigilTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Small files built to exhaust a reader: a 2 MB KBO zip whose meta.csv is one 2 GB line, a zip entry that
 * unpacks a thousand times its size, a gzipped capture of one 2 GB line, a CSV cell of hundreds of megabytes
 * spread over short lines. Each is generated here, compressed as it is written (never unpacked on disk);
 * each run ends FAILED naming the part and the limit, nothing is applied, and the app answers the next request.
 */
@VigilTest
class FeedFileLimitsTests {

    private static final long GB = 1L << 30;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path tmp;

    @Test
    void aKboZipWhoseMetaCsvIsOneTwoGigabyteLineFailsAsDamagedAndTheAppStillAnswers() throws Exception {
        Path zip = tmp.resolve("KboOpenData_0148_2025_10_13_Update.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.BEST_SPEED);
            out.putNextEntry(new ZipEntry("meta.csv"));
            repeat(out, (byte) 'a', 2 * GB);
            out.closeEntry();
        }
        assertThat(Files.size(zip)).as("a small file").isLessThan(20L << 20);

        String location;
        try (InputStream in = Files.newInputStream(zip)) {
            location = mvc.perform(multipart("/api/v1/admin/feeds/kbo/extracts")
                            .file(new MockMultipartFile(
                                    "file", zip.getFileName().toString(), "application/zip", in))
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestData.BOOTSTRAP_KEY))
                    .andReturn()
                    .getResponse()
                    .getHeader(HttpHeaders.LOCATION);
        }
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(1))
                .until(() -> ingestion.run(id).orElseThrow().finished());
        RunView run = ingestion.run(id).orElseThrow();
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error())
                .startsWith("Damaged or oversized file: meta.csv")
                .contains("limit vigil.feeds.limits.");
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertAppAnswers(id);
    }

    @Test
    void aZipEntryThatUnpacksAThousandTimesItsSizeFailsNamingTheEntryAndTheRatio() throws Exception {
        Path zip = tmp.resolve("notices.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("notices.jsonl"));
            repeat(out, (byte) '\n', 256L << 20);
            out.closeEntry();
        }
        RunView run = ingestion.ingestInPlace("bodacc", zip, true, "test");
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error())
                .startsWith(
                        "Damaged or oversized file: notices.jsonl unpacks to more than 100 times its compressed size")
                .contains("limit vigil.feeds.limits.max-inflate-ratio");
        assertAppAnswers(run.id());
    }

    @Test
    void aGzippedCaptureOfOneTwoGigabyteLineFailsNamingTheLineLimit() throws Exception {
        Path gz = tmp.resolve("capture.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            out.write("{\"resource_kind\":\"company-profile\",\"data\":{\"company_name\":\""
                    .getBytes(StandardCharsets.UTF_8));
            repeat(out, (byte) 'A', 2 * GB);
        }
        RunView run = ingestion.ingestInPlace("companies-house", gz, true, "test");
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error())
                .startsWith("Damaged or oversized file: capture.jsonl.gz")
                .contains("has a line longer than 1048576 characters")
                .contains("limit vigil.feeds.limits.max-line-length");
        assertAppAnswers(run.id());
    }

    @Test
    void aCsvCellSpreadOverShortLinesFailsNamingTheCellLimitAndNothingIsApplied() throws Exception {
        Map<String, String> files = KboUpdateZip.realUpdateFiles();
        files.put("meta.csv", KboUpdateZip.meta("update", 148, "12-10-2025"));
        Path zip = tmp.resolve("KboOpenData_0148_2025_10_13_Update.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                if (file.getKey().equals("denomination_insert.csv")) {
                    out.write("\"0200.065.765\",\"2\",\"001\",\"".getBytes(StandardCharsets.UTF_8));
                    byte[] shortLine = "Proef Proef Proef Proef Proef Proef\n".getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 8_000_000; i++) {
                        out.write(shortLine);
                    }
                    out.write("\"\n".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        long sections = sections();
        RunView run = ingestion.ingestInPlace("kbo", zip, true, "test");
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error())
                .startsWith(
                        "Damaged or oversized file: denomination_insert.csv has a cell longer than 262144 characters")
                .contains("limit vigil.feeds.limits.max-field-length");
        assertThat(sections()).as("nothing applied").isEqualTo(sections);
        assertAppAnswers(run.id());
    }

    @Test
    void anApiAnswerWithOneHugeRecordFailsNamingTheRecordLimit() throws Exception {
        Path json = tmp.resolve("records.json");
        try (OutputStream out = Files.newOutputStream(json)) {
            out.write("{\"total_count\": 1, \"results\": [{\"id\": \"A202600190001\", \"commercant\": \""
                    .getBytes(StandardCharsets.UTF_8));
            repeat(out, (byte) 'X', 3L << 20);
            out.write("\"}]}".getBytes(StandardCharsets.UTF_8));
        }
        RunView run = ingestion.ingestInPlace("bodacc", json, true, "test");
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error())
                .startsWith("Damaged or oversized file: records.json has a record longer than 1048576 characters")
                .contains("limit vigil.feeds.limits.max-line-length");
        assertAppAnswers(run.id());
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private long sections() {
        return jdbc.queryForObject("select count(*) from company_section", Long.class);
    }

    /** The next requests are answered: health, and the run as the API shows it. */
    private void assertAppAnswers(long runId) throws Exception {
        assertThat(mvc.perform(get("/actuator/health"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        var response = mvc.perform(get("/api/v1/admin/feeds/runs/" + runId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestData.BOOTSTRAP_KEY))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("\"status\":\"FAILED\"")
                .contains("Damaged or oversized file");
    }

    private static void repeat(OutputStream out, byte value, long count) throws IOException {
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, value);
        for (long written = 0; written < count; written += block.length) {
            out.write(block, 0, (int) Math.min(block.length, count - written));
        }
    }
}
