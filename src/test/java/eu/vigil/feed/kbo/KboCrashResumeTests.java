package eu.vigil.feed.kbo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.Section;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A process killed in the middle of a run: the extract is run again and the registry ends exactly as expected. */
@Tag("instances")
@VigilTest
class KboCrashResumeTests {

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    @Test
    void aRunKilledHalfwayIsMarkedInterruptedAndRunningItAgainGivesTheExpectedState() throws Exception {
        KboExtractGenerator generator = new KboExtractGenerator(11L, 60_000);
        Path full = dir.resolve("KboOpenData_0001_2026_11_02_Full.zip");
        generator.writeFull(full, 1, LocalDate.of(2026, 11, 2));
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from feed_run", Long.class);

        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingIngestion.class.getName(),
                        url,
                        full.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        Long crashedRun = awaitRunningWithProgress(before, child);
        child.destroyForcibly().waitFor();
        assertThat(jdbc.queryForObject("select status from feed_run where id = ?", String.class, crashedRun))
                .as("the killed run is left behind as running")
                .isEqualTo("RUNNING");

        RunView rerun = ingestion.ingestInPlace("kbo", full, true, "test");
        assertThat(rerun.status()).as(rerun.error()).isEqualTo("COMPLETED");
        assertThat(rerun.companiesNew() + rerun.companiesChanged()).isPositive();
        RunView crashed = ingestion.run(crashedRun).orElseThrow();
        assertThat(crashed.status()).isEqualTo("FAILED");
        assertThat(crashed.error()).contains("Interrupted");

        List<String> numbers = generator.enterpriseNumbers();
        for (int i = 0; i < numbers.size(); i += 97) {
            String number = numbers.get(i);
            var expected = generator.expected(number);
            var state =
                    registry.find(CompanyNumbers.require(number, "BE")).orElseThrow(() -> new AssertionError(number));
            assertThat(KboAdapter.identity(
                            state.sections().get(Section.IDENTITY).json()))
                    .as(number)
                    .isEqualTo(
                            KboAdapter.identity(KboAdapter.json(KboGeneratedExtractTests.expectedIdentity(expected))));
            assertThat(KboAdapter.status(state.sections().get(Section.STATUS).json())
                            .juridicalSituation())
                    .isEqualTo(expected.juridicalSituation());
        }
        assertThat(jdbc.queryForObject("select count(*) from company_section where run_id = ?", Long.class, crashedRun))
                .as("nothing the killed run wrote survived it")
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from company where first_run_id = ?", Long.class, crashedRun))
                .isZero();
    }

    private Long awaitRunningWithProgress(long after, Process child) {
        try {
            Wait.until("the child JVM's run under way", Duration.ofMinutes(3), () -> {
                if (!child.isAlive()) {
                    throw new AssertionError("The child JVM ended before its run got going; see child.log");
                }
                return !running(after).isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            child.destroyForcibly();
            throw e;
        }
        return running(after).getFirst();
    }

    private List<Long> running(long after) {
        return jdbc.queryForList(
                "select id from feed_run where id > ? and status = 'RUNNING' and rows_read > 0", Long.class, after);
    }
}
