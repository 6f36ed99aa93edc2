package eu.vigil.feed.connect;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.Section;
import eu.vigil.demo.world.CompaniesHouseStreamWriter;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Address;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Profile;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.FeedMessage;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vigil keeps a Companies House stream connection itself, against a local stream that behaves like the real one
 * (timepoints, heartbeats, two events on a line, dropped connections, 429, a wrong key, a web page): every event is
 * applied once, in order, as runs that fire signals as a file would, and a restart or a takeover resumes from the
 * committed timepoint.
 */
@VigilTest
class CompaniesHouseStreamConnectionTests {

    @Autowired
    MessageSource messages;

    private static final String KEY = "stream-key-for-tests";
    private static final String SOURCE = CompaniesHouseStream.SOURCE;
    private static final AtomicLong TIMEPOINTS = new AtomicLong(900_000_000);

    @Autowired
    FeedConnections connections;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private CompaniesHouseStreamStub stub;
    private final List<ConnectionRunner> opened = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private long startRun;

    @BeforeEach
    void freshStream() throws Exception {
        stub = new CompaniesHouseStreamStub(KEY);
        jdbc.update("delete from feed_connection where source = ?", SOURCE);
        startRun = jdbc.queryForObject("select coalesce(max(id), 0) from feed_run", Long.class);
    }

    @AfterEach
    void stopAll() {
        opened.forEach(r -> connections.close(r, false));
        stub.close();
    }

    @Test
    void eventsBecomeRunsWithTheirSignalsAndADroppedConnectionResumesWithNothingLostOrDoubled() {
        List<String> numbers = numbers(12);
        List<String> lines = new ArrayList<>();
        numbers.forEach(n -> lines.add(profile(n, "active")));
        numbers.forEach(n -> lines.add(profile(n, "liquidation")));
        stub.publish("companies", lines);
        stub.next(new CompaniesHouseStreamStub.DropAfter(7));

        open(KEY, "companies", settings(), "instance-a");

        long last = timepointOf(lines.getLast());
        Wait.until("every event committed", () -> position("companies") == last);
        List<CompaniesHouseStreamStub.Request> requests = stub.requests("companies");
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
        assertThat(requests.getFirst().timepoint())
                .as("a first connection has no position")
                .isNull();
        assertThat(requests.get(1).timepoint())
                .as("the reconnection resumes from the last complete event before the drop")
                .isEqualTo(timepointOf(lines.get(6)));
        assertThat(applied())
                .as("every event applied once: none lost, none doubled")
                .isEqualTo(lines.size());
        assertThat(setAside()).isZero();
        for (String number : numbers) {
            assertThat(codes(number)).as(number).containsOnlyOnce("LIQUIDATION_OPENED");
            assertThat(registry.find(new CompanyId("GB", number))
                            .orElseThrow()
                            .sections()
                            .get(Section.STATUS)
                            .json())
                    .as("the later event is the company's state")
                    .contains("\"juridicalSituation\":\"012\"");
        }
        ConnectionState state = state("companies");
        assertThat(state.itemsToday()).isEqualTo(lines.size());
        assertThat(state.newestItemAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(state.lastSuccessAt()).isNotNull();
        assertThat(state.connected()).as("held open with heartbeats").isTrue();
        assertThat(meters.get("vigil.feed.connection.items")
                        .tag("source", SOURCE)
                        .counter()
                        .count())
                .as("items read, on /actuator/prometheus")
                .isGreaterThanOrEqualTo(lines.size());
        assertThat(meters.get("vigil.feed.connection.lag")
                        .tag("source", SOURCE)
                        .gauge()
                        .value())
                .as("seconds since the newest event's date")
                .isGreaterThan(0);
    }

    @Test
    void aRestartResumesFromTheCommittedTimepointAndTakesOnlyWhatCameSince() {
        List<String> numbers = numbers(4);
        List<String> first = numbers.stream().map(n -> profile(n, "active")).toList();
        stub.publish("officers", first);
        ConnectionRunner runner = open(KEY, "officers", settings(), "instance-a");
        Wait.until("the first events committed", () -> position("officers") == timepointOf(first.getLast()));
        connections.close(runner, false);
        opened.remove(runner);

        List<String> later =
                numbers.stream().map(n -> profile(n, "liquidation")).toList();
        stub.publish("officers", later);
        open(KEY, "officers", settings(), "instance-a");
        Wait.until("the later events committed", () -> position("officers") == timepointOf(later.getLast()));

        assertThat(stub.requests("officers").getLast().timepoint()).isEqualTo(timepointOf(first.getLast()));
        assertThat(applied()).isEqualTo(first.size() + later.size());
        assertThat(setAside())
                .as("the stream repeats the committed timepoint: it is not taken again")
                .isZero();
        numbers.forEach(n -> assertThat(codes(n)).containsOnlyOnce("LIQUIDATION_OPENED"));
    }

    @Test
    void aSecondInstanceTakesOverFromTheLastCommittedTimepointWhenTheHolderDies() {
        List<String> numbers = numbers(6);
        List<String> first = numbers.stream().map(n -> profile(n, "active")).toList();
        stub.publish("charges", first);
        ConnectionProperties quickLease = settings(Duration.ofMillis(1500));
        ConnectionRunner a = open(KEY, "charges", quickLease, "instance-a");
        Wait.until("instance a applied the first events", () -> position("charges") == timepointOf(first.getLast()));
        open(KEY, "charges", quickLease, "instance-b");
        Wait.until(
                "instance a holds the lease",
                () -> stub.requests("charges").size() == 1
                        && jdbc.queryForObject(
                                "select lease_until > clock_timestamp() from feed_connection where source = ? and stream = 'charges'",
                                Boolean.class,
                                SOURCE));
        assertThat(state("charges").holder())
                .as("one instance pulls a stream at a time")
                .isEqualTo("instance-a");

        connections.close(a, true);
        opened.remove(a);
        List<String> later =
                numbers.stream().map(n -> profile(n, "liquidation")).toList();
        stub.publish("charges", later);

        Wait.until(
                "instance b took over",
                () -> "instance-b".equals(state("charges").holder()));
        Wait.until("instance b applied what came since", () -> position("charges") == timepointOf(later.getLast()));
        assertThat(applied()).isEqualTo(first.size() + later.size());
        numbers.forEach(n -> assertThat(codes(n)).containsOnlyOnce("LIQUIDATION_OPENED"));
        assertThat(stub.requests("charges").getLast().timepoint()).isEqualTo(timepointOf(first.getLast()));
    }

    @Test
    void a429IsWaitedAsLongAsTheServerAsks() {
        String line = profile(numbers(1).getFirst(), "active");
        stub.publish("insolvency-cases", List.of(line));
        stub.next(new CompaniesHouseStreamStub.TooMany(2));

        open(KEY, "insolvency-cases", settings(), "instance-a");

        Wait.until("the event committed after the wait", () -> position("insolvency-cases") == timepointOf(line));
        List<CompaniesHouseStreamStub.Request> requests = stub.requests("insolvency-cases");
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .as("Retry-After: 2 is honoured although the backoff alone would be 100 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aWrongKeyIsAClearStateAndNotARetryLoop() {
        stub.publish("disqualified-officers", List.of(profile(numbers(1).getFirst(), "active")));

        open("a-wrong-key", "disqualified-officers", settings(), "instance-a");

        ConnectionState state =
                Wait.until("the refusal recorded", () -> state("disqualified-officers"), s -> s.failures() > 0);
        assertThat(english(state.lastError()))
                .isEqualTo("Companies House refused the credential (HTTP 401): check the stream key in the "
                        + "environment variable VIGIL_CH_STREAM_KEY.");
        assertThat(state.connected()).isFalse();
        assertThat(state.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
        assertThat(stub.requests("disqualified-officers")).hasSize(1);
    }

    @Test
    void aWebPageInsteadOfTheStreamIsAClearStateAndNotARetryLoop() {
        stub.publish("companies", List.of(profile(numbers(1).getFirst(), "active")));
        stub.next(new CompaniesHouseStreamStub.WebPage());

        open(KEY, "companies", settings(), "instance-a");

        ConnectionState state = Wait.until("the refusal recorded", () -> state("companies"), s -> s.failures() > 0);
        assertThat(english(state.lastError())).startsWith("Companies House answered a web page (HTML) instead of data");
        assertThat(state.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
        assertThat(stub.requests("companies")).hasSize(1);
    }

    @Test
    void aTimepointTheStreamNoLongerHoldsResumesFromItsPresentAndSaysEventsWereMissed() {
        List<String> lines = numbers(3).stream().map(n -> profile(n, "active")).toList();
        stub.publish("companies", lines);
        jdbc.update(
                "insert into feed_connection (source, stream, position) values (?, 'companies', ?)",
                SOURCE,
                Long.toString(timepointOf(lines.getFirst()) - 1000));
        stub.keepFrom(timepointOf(lines.getFirst()));

        open(KEY, "companies", settings(), "instance-a");

        Wait.until("the events committed", () -> position("companies") == timepointOf(lines.getLast()));
        assertThat(english(state("companies").note()))
                .as("the gap stays said after the events came")
                .contains("no longer holds timepoint " + (timepointOf(lines.getFirst()) - 1000))
                .contains("HTTP 416");
        assertThat(stub.requests("companies").get(1).timepoint()).isNull();
    }

    private ConnectionRunner open(String key, String stream, ConnectionProperties settings, String holder) {
        Puller puller = new CompaniesHouseStream(
                http,
                stub.endpoint(),
                key,
                "VIGIL_CH_STREAM_KEY",
                settings.companiesHouse().commitEvents(),
                settings.companiesHouse().commitEvery(),
                settings.idleTimeout());
        ConnectionRunner runner = connections.open(puller, stream, Duration.ZERO, holder, settings);
        opened.add(runner);
        return runner;
    }

    static ConnectionProperties settings() {
        return settings(Duration.ofSeconds(30));
    }

    static ConnectionProperties settings(Duration lease) {
        return new ConnectionProperties(
                lease,
                Duration.ofMillis(100),
                Duration.ofSeconds(2),
                Duration.ofMinutes(30),
                Duration.ofSeconds(5),
                new ConnectionProperties.CompaniesHouse(
                        true, null, List.of(), "VIGIL_CH_STREAM_KEY", 5, Duration.ofMillis(300), Duration.ofHours(2)),
                new ConnectionProperties.Bodacc(
                        false, null, Duration.ofMinutes(15), null, 100, 5000, Duration.ofDays(4)),
                new ConnectionProperties.Kbo(false, null, "U", "P", Duration.ofHours(6), false, Duration.ofDays(3)),
                java.util.Map.of());
    }

    private List<String> numbers(int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(FeedLines.britishNumber());
        }
        return numbers;
    }

    private static String profile(String number, String status) {
        Profile profile = new Profile(
                number,
                "STREAMED " + number + " LIMITED",
                "ltd",
                LocalDate.of(2012, 5, 1),
                null,
                status,
                null,
                new Address("1 High Street", "York", "YO1 7HH", "England"),
                List.of("62020"),
                false,
                false,
                false,
                LocalDate.of(2025, 12, 31),
                false);
        return CompaniesHouseStreamWriter.line(
                CompaniesHouseStreamWriter.profile(profile, TIMEPOINTS.incrementAndGet(), "2026-11-20T10:00:00"));
    }

    private static long timepointOf(String line) {
        var m = java.util.regex.Pattern.compile("\"timepoint\":(\\d+)").matcher(line);
        m.find();
        return Long.parseLong(m.group(1));
    }

    private long position(String stream) {
        return jdbc
                .queryForList(
                        "select position from feed_connection where source = ? and stream = ?",
                        String.class,
                        SOURCE,
                        stream)
                .stream()
                .filter(java.util.Objects::nonNull)
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(-1);
    }

    private ConnectionState state(String stream) {
        return connections.states().stream()
                .filter(s -> s.source().equals(SOURCE) && s.stream().equals(stream))
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

    private long setAside() {
        return jdbc.queryForObject(
                "select coalesce(sum(rows_set_aside), 0) from feed_run where id > ? and source = ?",
                Long.class,
                startRun,
                SOURCE);
    }

    private List<String> codes(String number) {
        return jdbc.queryForList("""
                select e.code from signal_event e join company c on c.id = e.company_id
                where c.country = 'GB' and c.number = ? order by e.id""", String.class, number);
    }

    /** What the platform admin reads in English, from the code and arguments kept. */
    private String english(FeedMessage message) {
        return messages.getMessage(message, Locale.ENGLISH);
    }
}
