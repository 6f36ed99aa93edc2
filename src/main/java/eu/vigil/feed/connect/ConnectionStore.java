package eu.vigil.feed.connect;

import eu.vigil.feed.FeedMessage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The feed_connection table: positions, leases and states. */
@Component
class ConnectionStore {

    private static final String COLUMNS = """
            source, stream, position, newest_item_at, holder, connected, last_attempt_at, last_success_at,
            next_attempt_at, failures, failing_since, last_error_code, last_error_args, note_code, note_args, note_at, items_day, items_today, items_total, runs""";

    private final JdbcTemplate jdbc;

    ConnectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void ensure(String source, String stream) {
        jdbc.update(
                "insert into feed_connection (source, stream) values (?, ?) on conflict do nothing", source, stream);
    }

    /** Takes the lease when it is free, expired or already ours; true when ours now. */
    boolean claim(String source, String stream, String holder, Duration lease) {
        return jdbc.update("""
                update feed_connection set holder = ?, lease_until = clock_timestamp() + make_interval(secs => ?)
                where source = ? and stream = ? and (holder is null or holder = ? or lease_until < clock_timestamp())""", holder, lease.toMillis() / 1000.0, source, stream, holder) == 1;
    }

    /** Extends our lease; false when another instance took it (we were too slow to renew). */
    boolean renew(String source, String stream, String holder, Duration lease) {
        return jdbc.update("""
                update feed_connection set lease_until = clock_timestamp() + make_interval(secs => ?)
                where source = ? and stream = ? and holder = ?""", lease.toMillis() / 1000.0, source, stream, holder) == 1;
    }

    void release(String source, String stream, String holder) {
        jdbc.update(
                "update feed_connection set holder = null, lease_until = null, connected = false "
                        + "where source = ? and stream = ? and holder = ?",
                source,
                stream,
                holder);
    }

    Optional<ConnectionState> find(String source, String stream) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from feed_connection where source = ? and stream = ?",
                        ConnectionStore::state,
                        source,
                        stream)
                .stream()
                .findFirst();
    }

    List<ConnectionState> all() {
        return jdbc.query(
                "select " + COLUMNS + " from feed_connection order by source, stream", ConnectionStore::state);
    }

    void attempting(String source, String stream) {
        jdbc.update(
                "update feed_connection set last_attempt_at = clock_timestamp() where source = ? and stream = ?",
                source,
                stream);
    }

    void connected(String source, String stream, String holder, boolean connected) {
        jdbc.update(
                "update feed_connection set connected = ? where source = ? and stream = ? and holder = ?",
                connected,
                source,
                stream,
                holder);
    }

    /**
     * The new position, in the run's transaction, only while the lease is ours: an instance that lost it cannot
     * commit over the one that took it.
     */
    void commit(String source, String stream, String holder, String position, Instant newestItem, long items) {
        int updated = jdbc.update(
                """
                update feed_connection set position = ?,
                    newest_item_at = greatest(newest_item_at, ?),
                    items_today = case when items_day = (now() at time zone 'UTC')::date then items_today + ? else ? end,
                    items_day = (now() at time zone 'UTC')::date,
                    items_total = items_total + ?,
                    runs = runs + 1,
                    last_success_at = clock_timestamp(), failures = 0, failing_since = null, last_error_code = null,
                    last_error_args = null, next_attempt_at = null
                where source = ? and stream = ? and holder = ?""",
                position,
                newestItem == null ? null : Timestamp.from(newestItem),
                items,
                items,
                items,
                source,
                stream,
                holder);
        if (updated != 1) {
            throw new LeaseLostException(source, stream);
        }
    }

    /** A pull that ended well (a poll with or without news); the next one is due at {@code next} (null: at once). */
    void succeeded(String source, String stream, Instant next) {
        jdbc.update("""
                update feed_connection set last_success_at = clock_timestamp(), failures = 0, failing_since = null,
                    last_error_code = null, last_error_args = null, next_attempt_at = ? where source = ? and stream = ?""", next == null ? null : Timestamp.from(next), source, stream);
    }

    /** Counts a failure, keeps its reason and when the next attempt is; answers the failures in a row. */
    int failed(String source, String stream, FeedMessage reason, Duration wait) {
        return jdbc.queryForObject(
                """
                update feed_connection set failures = failures + 1, connected = false,
                    failing_since = coalesce(failing_since, clock_timestamp()), last_error_code = ?, last_error_args = ?,
                    next_attempt_at = clock_timestamp() + make_interval(secs => ?)
                where source = ? and stream = ? returning failures""", Integer.class, reason.code(), args(reason), wait.toMillis() / 1000.0, source, stream);
    }

    /** A note that is not a failure (a gap the source forced, a missing credential): kept until the next note. */
    void note(String source, String stream, FeedMessage note) {
        jdbc.update(
                "update feed_connection set note_code = ?, note_args = ?, note_at = clock_timestamp() "
                        + "where source = ? and stream = ?",
                note.code(),
                args(note),
                source,
                stream);
    }

    /** Marks the episode as told; true for the one instance that marks it first. */
    boolean claimAlert(String source, String stream) {
        return jdbc.update(
                        "update feed_connection set alert_sent_at = clock_timestamp() "
                                + "where source = ? and stream = ? and alert_sent_at is null",
                        source,
                        stream)
                == 1;
    }

    /** The connection is well again: a next episode is told again. */
    void clearAlert(String source, String stream) {
        jdbc.update(
                "update feed_connection set alert_sent_at = null where source = ? and stream = ? and alert_sent_at is not null",
                source,
                stream);
    }

    private static ConnectionState state(ResultSet rs, int row) throws SQLException {
        LocalDate day =
                rs.getDate("items_day") == null ? null : rs.getDate("items_day").toLocalDate();
        return new ConnectionState(
                rs.getString("source"),
                rs.getString("stream"),
                rs.getString("position"),
                instant(rs.getTimestamp("newest_item_at")),
                rs.getString("holder"),
                rs.getBoolean("connected"),
                instant(rs.getTimestamp("last_attempt_at")),
                instant(rs.getTimestamp("last_success_at")),
                instant(rs.getTimestamp("next_attempt_at")),
                rs.getInt("failures"),
                instant(rs.getTimestamp("failing_since")),
                message(rs, "last_error"),
                message(rs, "note"),
                instant(rs.getTimestamp("note_at")),
                ConnectionState.today(day, rs.getLong("items_today"), LocalDate.now(ZoneOffset.UTC)),
                rs.getLong("items_total"),
                rs.getLong("runs"));
    }

    private static FeedMessage message(ResultSet rs, String column) throws SQLException {
        String code = rs.getString(column + "_code");
        if (code == null) {
            return null;
        }
        Array args = rs.getArray(column + "_args");
        return new FeedMessage(code, args == null ? List.of() : Arrays.asList((String[]) args.getArray()));
    }

    /** Each argument cut to what a page can show: they come from servers and exceptions. */
    private static String[] args(FeedMessage message) {
        return message.args().stream()
                .map(a -> a.length() > 500 ? a.substring(0, 500) + "…" : a)
                .toArray(String[]::new);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Another instance holds the source now: what this one fetched is left for it. */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException(String source, String stream) {
            super("Another Vigil instance took over the " + source + " " + stream
                    + " connection; what this one fetched was not applied and will be fetched again.");
        }
    }
}
