package eu.vigil.feed.companieshouse;

import eu.vigil.feed.companieshouse.ChDocuments.Disqualification;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Vigil remembers of the streams beyond the companies' sections, on the run's connection: the last
 * event applied per resource (ch_stream_resource) and the disqualifications per officer (ch_disqualification).
 */
final class StreamMarks {

    private StreamMarks() {}

    /** The last event applied to a resource. */
    record Mark(String etag, Long timepoint, Instant publishedAt, boolean deleted) {

        static Mark of(StreamEvent event) {
            return new Mark(event.etag(), event.timepoint(), event.publishedAt(), event.deleted());
        }

        /** The same event again: the same etag (or a deletion again). */
        boolean same(StreamEvent event) {
            return deleted == event.deleted() && Objects.equals(etag, event.etag());
        }

        /** An event older than this one: an earlier timepoint, or when either has none, an earlier publication. */
        boolean newerThan(StreamEvent event) {
            if (timepoint != null && event.timepoint() != null) {
                return event.timepoint() < timepoint;
            }
            return event.publishedAt().isBefore(publishedAt);
        }
    }

    static Map<String, Mark> load(Connection connection, Collection<String> uris) {
        Map<String, Mark> marks = new HashMap<>();
        if (uris.isEmpty()) {
            return marks;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select resource_uri, etag, timepoint, published_at, deleted from ch_stream_resource where resource_uri = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", uris.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long timepoint = rs.getLong(3);
                    marks.put(
                            rs.getString(1),
                            new Mark(
                                    rs.getString(2),
                                    rs.wasNull() ? null : timepoint,
                                    rs.getTimestamp(4).toInstant(),
                                    rs.getBoolean(5)));
                }
            }
            return marks;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stream marks: " + e.getMessage(), e);
        }
    }

    static void save(Connection connection, Map<String, Mark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        List<String> uris = new ArrayList<>(marks.keySet());
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into ch_stream_resource (resource_uri, etag, timepoint, published_at, deleted)
                select * from unnest(?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::boolean[])
                on conflict (resource_uri) do update set etag = excluded.etag, timepoint = excluded.timepoint,
                    published_at = excluded.published_at, deleted = excluded.deleted""")) {
            upsert.setArray(1, connection.createArrayOf("text", uris.toArray()));
            upsert.setArray(
                    2,
                    connection.createArrayOf(
                            "text", uris.stream().map(u -> marks.get(u).etag()).toArray()));
            upsert.setArray(
                    3,
                    connection.createArrayOf(
                            "bigint",
                            uris.stream().map(u -> marks.get(u).timepoint()).toArray()));
            upsert.setArray(
                    4,
                    connection.createArrayOf(
                            "timestamptz",
                            uris.stream()
                                    .map(u -> Timestamp.from(marks.get(u).publishedAt()))
                                    .toArray()));
            upsert.setArray(
                    5,
                    connection.createArrayOf(
                            "boolean",
                            uris.stream().map(u -> marks.get(u).deleted()).toArray()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the stream marks: " + e.getMessage(), e);
        }
    }

    /** Replaces what Vigil holds of these officers' disqualifications (an empty list: none any more). */
    static void replaceDisqualifications(Connection connection, Map<String, List<Disqualification>> byOfficer) {
        if (byOfficer.isEmpty()) {
            return;
        }
        try (PreparedStatement delete =
                        connection.prepareStatement("delete from ch_disqualification where officer_key = any(?)");
                PreparedStatement insert = connection.prepareStatement("""
                     insert into ch_disqualification (officer_key, description, disqualified_from, disqualified_until)
                     values (?, ?, ?, ?) on conflict do nothing""")) {
            delete.setArray(
                    1, connection.createArrayOf("text", byOfficer.keySet().toArray()));
            delete.executeUpdate();
            for (List<Disqualification> list : byOfficer.values()) {
                for (Disqualification d : list) {
                    insert.setString(1, d.officer());
                    insert.setString(2, d.description());
                    insert.setDate(3, d.from() == null ? null : Date.valueOf(d.from()));
                    insert.setDate(4, d.until() == null ? null : Date.valueOf(d.until()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store disqualifications: " + e.getMessage(), e);
        }
    }

    /** The disqualifications of these officers in force on {@code day} (not ended before it), by officer. */
    static Map<String, List<Disqualification>> inForce(
            Connection connection, Collection<String> officers, LocalDate day) {
        Map<String, List<Disqualification>> found = new HashMap<>();
        if (officers.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                select officer_key, description, disqualified_from, disqualified_until from ch_disqualification
                where officer_key = any(?) and (disqualified_until is null or disqualified_until >= ?)""")) {
            select.setArray(1, connection.createArrayOf("text", officers.toArray()));
            select.setDate(2, Date.valueOf(day));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Date from = rs.getDate(3);
                    Date until = rs.getDate(4);
                    found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Disqualification(
                                    rs.getString(1),
                                    rs.getString(2),
                                    from == null ? null : from.toLocalDate().toString(),
                                    until == null ? null : until.toLocalDate().toString()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read disqualifications: " + e.getMessage(), e);
        }
    }
}
