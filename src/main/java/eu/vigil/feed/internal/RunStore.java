package eu.vigil.feed.internal;

import eu.vigil.feed.QuarantinedRow;
import eu.vigil.feed.RunView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The feed_run and feed_quarantine tables. */
@Component
public class RunStore {

    private static final String COLUMNS = """
            id, source, file_name, extract_number, extract_type, snapshot_date, status, forced, triggered_by, created_at,
            started_at, finished_at, rows_read, rows_applied, rows_rejected, rows_set_aside, set_aside, companies_changed, companies_new,
            companies_left, signal_events, error""";

    private final JdbcTemplate jdbc;

    RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long create(
            String source, String fileName, String filePath, String sha256, boolean forced, String triggeredBy) {
        return jdbc.queryForObject("""
                insert into feed_run (source, file_name, file_path, file_sha256, status, forced, triggered_by)
                values (?, ?, ?, ?, 'QUEUED', ?, ?) returning id""", Long.class, source, fileName, filePath, sha256, forced, triggeredBy);
    }

    public Optional<RunView> find(long id) {
        return jdbc.query("select " + COLUMNS + " from feed_run where id = ?", RunStore::view, id).stream()
                .findFirst();
    }

    public List<RunView> recent(int limit) {
        return jdbc.query("select " + COLUMNS + " from feed_run order by id desc limit ?", RunStore::view, limit);
    }

    /** Finished runs whose uploaded file is older than {@code cutoff}, as (id, path). */
    public List<Map.Entry<Long, String>> finishedUploadsBefore(Instant cutoff) {
        return jdbc.query(
                "select id, file_path from feed_run where file_path is not null and finished_at < ? "
                        + "and status in ('COMPLETED', 'FAILED', 'REFUSED')",
                (rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)),
                Timestamp.from(cutoff));
    }

    public void forgetFile(long id) {
        jdbc.update("update feed_run set file_path = null where id = ?", id);
    }

    public Optional<String> filePath(long id) {
        return jdbc.queryForList("select file_path from feed_run where id = ?", String.class, id).stream()
                .findFirst();
    }

    public String sha256(long id) {
        return jdbc.queryForObject("select file_sha256 from feed_run where id = ?", String.class, id);
    }

    public String source(long id) {
        return jdbc.queryForObject("select source from feed_run where id = ?", String.class, id);
    }

    public boolean forced(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select forced from feed_run where id = ?", Boolean.class, id));
    }

    /** The last extract of this source that was applied. */
    public Optional<RunView> lastCompleted(String source) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from feed_run where source = ? and status = 'COMPLETED' "
                                + "order by finished_at desc, id desc limit 1",
                        RunStore::view,
                        source)
                .stream()
                .findFirst();
    }

    /** Whether an extract of this type (e.g. a KBO full) was ever applied. */
    public boolean completedOfType(String source, String type) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from feed_run where source = ? "
                        + "and status = 'COMPLETED' and lower(extract_type) = lower(?))",
                Boolean.class,
                source,
                type));
    }

    public Optional<Long> completedWithSameFile(String source, String sha256) {
        return jdbc
                .queryForList(
                        "select id from feed_run where source = ? and file_sha256 = ? and status = 'COMPLETED' "
                                + "order by id limit 1",
                        Long.class,
                        source,
                        sha256)
                .stream()
                .findFirst();
    }

    public void markRunning(long id) {
        jdbc.update(
                "update feed_run set status = 'RUNNING', started_at = clock_timestamp(), heartbeat_at = clock_timestamp(), "
                        + "error = null, rows_read = 0, rows_applied = 0, rows_rejected = 0, rows_set_aside = 0, set_aside = null, companies_changed = 0, companies_new = 0, "
                        + "companies_left = 0, signal_events = 0 where id = ?",
                id);
    }

    /** Runs of this source left RUNNING by a process that stopped: their transaction died with it. */
    public int markInterrupted(String source, long except) {
        return jdbc.update(
                "update feed_run set status = 'FAILED', finished_at = clock_timestamp(), "
                        + "error = 'Interrupted: the process running it stopped. Nothing of it was applied; ingest the extract again.' "
                        + "where source = ? and status = 'RUNNING' and id <> ?",
                source,
                except);
    }

    public void progress(long id, Counters counters) {
        jdbc.update(
                "update feed_run set heartbeat_at = clock_timestamp(), rows_read = ?, rows_applied = ?, rows_rejected = ?, "
                        + "rows_set_aside = ?, set_aside = ?::jsonb where id = ?",
                counters.read,
                counters.applied,
                counters.rejected,
                counters.setAside,
                counters.setAsideJson(),
                id);
    }

    public void describe(long id, Integer extractNumber, String extractType, LocalDate snapshot) {
        jdbc.update(
                "update feed_run set extract_number = ?, extract_type = ?, snapshot_date = ? where id = ?",
                extractNumber,
                extractType,
                snapshot,
                id);
    }

    public void complete(long id, Counters counters) {
        jdbc.update(
                """
                update feed_run set status = 'COMPLETED', finished_at = clock_timestamp(), heartbeat_at = clock_timestamp(),
                    rows_read = ?, rows_applied = ?, rows_rejected = ?, rows_set_aside = ?, set_aside = ?::jsonb,
                    companies_changed = ?, companies_new = ?, companies_left = ?, signal_events = ? where id = ?""",
                counters.read,
                counters.applied,
                counters.rejected,
                counters.setAside,
                counters.setAsideJson(),
                counters.changed,
                counters.created,
                counters.left,
                counters.signals,
                id);
    }

    public void fail(long id, String status, String error) {
        jdbc.update(
                "update feed_run set status = ?, finished_at = clock_timestamp(), error = ? where id = ?",
                status,
                error.length() > 4000 ? error.substring(0, 4000) : error,
                id);
    }

    public void quarantine(long runId, List<QuarantinedRow> rows) {
        jdbc.batchUpdate(
                "insert into feed_quarantine (run_id, file_name, line, raw, reason) values (?, ?, ?, ?, ?)",
                rows,
                500,
                (ps, row) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, row.fileName());
                    ps.setLong(3, row.line());
                    ps.setString(4, row.raw().length() > 4000 ? row.raw().substring(0, 4000) : row.raw());
                    ps.setString(5, row.reason().length() > 1000 ? row.reason().substring(0, 1000) : row.reason());
                });
    }

    /** The same, on a given connection (a writer thread working in the run's transaction). */
    public void quarantine(java.sql.Connection connection, long runId, List<QuarantinedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (var insert = connection.prepareStatement(
                "insert into feed_quarantine (run_id, file_name, line, raw, reason) values (?, ?, ?, ?, ?)")) {
            for (QuarantinedRow row : rows) {
                insert.setLong(1, runId);
                insert.setString(2, row.fileName());
                insert.setLong(3, row.line());
                insert.setString(4, row.raw().length() > 4000 ? row.raw().substring(0, 4000) : row.raw());
                insert.setString(5, row.reason().length() > 1000 ? row.reason().substring(0, 1000) : row.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store quarantined rows: " + e.getMessage(), e);
        }
    }

    public List<QuarantinedRow> quarantined(long runId, int limit) {
        return jdbc.query(
                "select file_name, line, raw, reason from feed_quarantine where run_id = ? order by id limit ?",
                (rs, n) -> new QuarantinedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                runId,
                limit);
    }

    private static RunView view(ResultSet rs, int row) throws SQLException {
        return new RunView(
                rs.getLong("id"),
                rs.getString("source"),
                rs.getString("file_name"),
                (Integer) rs.getObject("extract_number"),
                rs.getString("extract_type"),
                rs.getDate("snapshot_date") == null
                        ? null
                        : rs.getDate("snapshot_date").toLocalDate(),
                rs.getString("status"),
                rs.getBoolean("forced"),
                rs.getString("triggered_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getLong("rows_read"),
                rs.getLong("rows_applied"),
                rs.getLong("rows_rejected"),
                rs.getLong("rows_set_aside"),
                setAside(rs.getString("set_aside")),
                rs.getLong("companies_changed"),
                rs.getLong("companies_new"),
                rs.getLong("companies_left"),
                rs.getLong("signal_events"),
                rs.getString("error"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** What a run has counted so far. */
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private static Map<String, Long> setAside(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        JSON.readTree(json)
                .properties()
                .forEach(e -> reasons.put(e.getKey(), e.getValue().asLong()));
        return reasons;
    }

    public static final class Counters {
        public long read;
        public long applied;
        public long rejected;
        public long setAside;
        /** Rows set aside by reason, the reason first; the most frequent first when shown. */
        public final Map<String, Long> setAsideReasons = new java.util.TreeMap<>();

        String setAsideJson() {
            if (setAsideReasons.isEmpty()) {
                return null;
            }
            Map<String, Long> ordered = new java.util.LinkedHashMap<>();
            setAsideReasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            return JSON.writeValueAsString(ordered);
        }

        public long changed;
        public long created;
        public long left;
        public long signals;
    }
}
