package eu.vigil.feed.connect;

import static eu.vigil.support.KboUpdateZip.dotted;
import static eu.vigil.support.KboUpdateZip.q;
import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.FeedMessage;
import eu.vigil.feed.RunView;
import eu.vigil.support.KboUpdateZip;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vigil fetches KBO Open Data extracts itself with the operator's account, from a local site laid out as the real one
 * (login form, listing, zips): the Updates after the last one applied come in ExtractNumber order, a download cut
 * short is not applied but fetched again, and a refused account is a clear state, not a retry loop.
 */
@VigilTest
class KboOpenDataConnectionTests {

    @Autowired
    MessageSource messages;

    @Autowired
    FeedConnections connections;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    private KboOpenDataStub stub;
    private final List<ConnectionRunner> opened = new ArrayList<>();
    private long startRun;

    @BeforeEach
    void freshSite() throws Exception {
        stub = new KboOpenDataStub("operator", "s3cret");
        jdbc.update("delete from feed_connection where source = 'kbo'");
        startRun = jdbc.queryForObject("select coalesce(max(id), 0) from feed_run", Long.class);
    }

    @AfterEach
    void stopAll() {
        opened.forEach(r -> connections.close(r, false));
        stub.close();
    }

    @Test
    void theUpdatesAfterTheLastAppliedComeInOrderAndACutShortDownloadIsFetchedAgainBeforeItIsApplied() {
        int last = ingestion.lastApplied("kbo").map(RunView::extractNumber).orElseThrow();
        List<String> enterprises =
                List.of(FeedLines.belgianNumber(), FeedLines.belgianNumber(), FeedLines.belgianNumber());
        stub.publish(
                "KboOpenData_%04d_2026_11_Full.zip".formatted(last - 3),
                KboUpdateZip.zip(java.util.Map.of("meta.csv", "")));
        stub.publish(name(last - 2), update(last - 2, FeedLines.belgianNumber()));
        for (int i = 0; i < 3; i++) {
            stub.publish(name(last + 1 + i), update(last + 1 + i, enterprises.get(i)));
        }
        stub.truncateOnce(name(last + 2));

        open("operator", "s3cret");

        Wait.until(
                "the three updates applied",
                () -> ingestion.lastApplied("kbo").map(RunView::extractNumber).orElse(0) == last + 3);
        assertThat(jdbc.queryForList(
                        "select extract_number from feed_run where id > ? and source = 'kbo' order by id",
                        Integer.class,
                        startRun))
                .as("each applied once, in order; the broken download made no run")
                .containsExactly(last + 1, last + 2, last + 3);
        assertThat(jdbc.queryForList(
                        "select status from feed_run where id > ? and source = 'kbo'", String.class, startRun))
                .containsOnly("COMPLETED");
        assertThat(stub.downloads)
                .as("older extracts are not downloaded; the cut-short one twice")
                .containsExactly(name(last + 1), name(last + 2), name(last + 2), name(last + 3));
        enterprises.forEach(
                n -> assertThat(registry.find(new CompanyId("BE", n))).isPresent());
        ConnectionState state = state();
        assertThat(state.position()).isEqualTo(Integer.toString(last + 3));
        assertThat(state.runs()).isEqualTo(3);
    }

    @Test
    void aRefusedAccountIsAClearStateAndNotARetryLoop() {
        open("operator", "wrong");

        ConnectionState state = Wait.until("the refusal recorded", this::state, s -> s.failures() > 0);
        assertThat(english(state.lastError()))
                .isEqualTo("The KBO Open Data site refused the account (HTTP 200): check the account in "
                        + "VIGIL_KBO_USER and VIGIL_KBO_PASSWORD.");
        assertThat(state.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
        assertThat(stub.requests).filteredOn(r -> r.startsWith("POST")).hasSize(1);
        assertThat(stub.downloads).isEmpty();
    }

    private void open(String user, String password) {
        Puller puller = new KboOpenData(
                stub.endpoint(), user, password, "VIGIL_KBO_USER", "VIGIL_KBO_PASSWORD", false, ingestion);
        opened.add(connections.open(
                puller,
                KboOpenData.STREAM,
                Duration.ofMillis(300),
                "instance-a",
                CompaniesHouseStreamConnectionTests.settings()));
    }

    private static String name(int number) {
        return "KboOpenData_%04d_2026_12_%02d_Update.zip".formatted(number, 1 + number % 28);
    }

    private static byte[] update(int number, String enterprise) {
        String key = q(dotted(enterprise));
        return KboUpdateZip.update(number, "01-12-2026")
                .insert("enterprise", key, q("AC"), q("000"), q("2"), q("014"), "", "01-03-2011")
                .insert("denomination", key, q("2"), q("001"), q("FETCHED " + enterprise))
                .zip();
    }

    private ConnectionState state() {
        return connections.states().stream()
                .filter(s -> s.source().equals("kbo"))
                .findFirst()
                .orElseThrow();
    }

    /** What the platform admin reads in English, from the code and arguments kept. */
    private String english(FeedMessage message) {
        return messages.getMessage(message, Locale.ENGLISH);
    }
}
