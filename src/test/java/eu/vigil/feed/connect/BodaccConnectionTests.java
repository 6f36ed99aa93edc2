package eu.vigil.feed.connect;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.FeedMessage;
import eu.vigil.feed.bodacc.BodaccOpenDataShapes;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vigil polls the BODACC open-data API itself, against a local Explore v2.1 endpoint: the notices published since the
 * last one applied are paged through and applied as a run, with their signals; the next poll takes only what came
 * since; a web page instead of data is a clear state, not a retry loop.
 */
@VigilTest
class BodaccConnectionTests {

    @Autowired
    MessageSource messages;

    private static final String SOURCE = BodaccPoller.SOURCE;

    @Autowired
    FeedConnections connections;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    JdbcTemplate jdbc;

    private BodaccApiStub stub;
    private final List<ConnectionRunner> opened = new ArrayList<>();
    private long startRun;

    @BeforeEach
    void freshApi() throws Exception {
        stub = new BodaccApiStub();
        jdbc.update("delete from feed_connection where source = ?", SOURCE);
        startRun = jdbc.queryForObject("select coalesce(max(id), 0) from feed_run", Long.class);
    }

    @AfterEach
    void stopAll() {
        opened.forEach(r -> connections.close(r, false));
        stub.close();
    }

    @Test
    void noticesSinceTheLastAppliedArePagedThroughAndAppliedOnceWithTheirSignals() {
        List<String> sirens = new ArrayList<>();
        List<Map<String, Object>> first = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String siren = FeedLines.siren();
            sirens.add(siren);
            first.add(liquidation(siren, "2026-12-0" + (1 + i % 3)));
        }
        stub.publish(List.of(liquidation(FeedLines.siren(), "2026-11-20")));
        stub.publish(first);

        open(LocalDate.of(2026, 12, 1));

        Wait.until("the first notices applied", () -> applied() == 7);
        Map<String, Object> newest = first.stream()
                .max((a, b) -> (a.get("dateparution") + " " + a.get("id"))
                        .compareTo(b.get("dateparution") + " " + b.get("id")))
                .orElseThrow();
        Wait.until(
                "the position is the newest notice",
                () -> (newest.get("dateparution") + " " + newest.get("id")).equals(state().position()));
        assertThat(stub.queries).as("paged by three").anyMatch(q -> q.contains("offset=6"));
        sirens.forEach(s -> assertThat(codes(s)).containsExactly("BANKRUPTCY_OPENED"));

        String later = FeedLines.siren();
        stub.publish(List.of(liquidation(later, "2026-12-04")));
        Wait.until("the later notice applied", () -> codes(later).contains("BANKRUPTCY_OPENED"));
        assertThat(applied()).as("the next poll took only the new notice").isEqualTo(8);
        assertThat(jdbc.queryForObject(
                        "select coalesce(sum(rows_set_aside), 0) from feed_run where id > ? and source = ?",
                        Long.class,
                        startRun,
                        SOURCE))
                .isZero();
        assertThat(state().newestItemAt()).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(stub.queries)
                .as("a later poll asks from the publication date of the last notice applied")
                .anyMatch(q -> q.startsWith("where=dateparution%3E%3Ddate%272026-12-03%27&order_by=dateparution%2Cid"));
    }

    @Test
    void aWebPageInsteadOfDataIsAClearStateAndNotARetryLoop() {
        stub.answerWebPages();

        open(LocalDate.of(2026, 12, 1));

        ConnectionState state = Wait.until("the refusal recorded", this::state, s -> s.failures() > 0);
        assertThat(english(state.lastError())).startsWith("BODACC answered a web page (HTML) instead of data");
        assertThat(state.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
        assertThat(stub.queries).hasSize(1);
    }

    private void open(LocalDate startFrom) {
        Puller puller = new BodaccPoller(HttpClient.newHttpClient(), stub.endpoint(), startFrom, 3, 5000);
        opened.add(connections.open(
                puller,
                BodaccPoller.STREAM,
                Duration.ofMillis(300),
                "instance-a",
                CompaniesHouseStreamConnectionTests.settings()));
    }

    private static Map<String, Object> liquidation(String siren, String published) {
        return BodaccOpenDataShapes.judgment(
                siren,
                published,
                "Jugement d'ouverture",
                "Jugement d'ouverture de liquidation judiciaire",
                published,
                null);
    }

    private ConnectionState state() {
        return connections.states().stream()
                .filter(s -> s.source().equals(SOURCE))
                .findFirst()
                .orElseThrow();
    }

    private long applied() {
        return jdbc.queryForObject(
                "select coalesce(sum(rows_applied), 0) from feed_run where id > ? and source = ? and status = 'COMPLETED'",
                Long.class,
                startRun,
                SOURCE);
    }

    private List<String> codes(String siren) {
        return jdbc.queryForList("""
                select e.code from signal_event e join company c on c.id = e.company_id
                where c.country = 'FR' and c.number = ? order by e.id""", String.class, siren);
    }

    /** What the platform admin reads in English, from the code and arguments kept. */
    private String english(FeedMessage message) {
        return messages.getMessage(message, Locale.ENGLISH);
    }
}
