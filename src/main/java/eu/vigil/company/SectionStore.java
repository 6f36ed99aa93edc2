package eu.vigil.company;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Batched writes of company state for feed ingestion, inside the caller's transaction: companies are
 * created on first sight, sections whose hash did not change are left alone, and the version a write
 * replaces moves to the history. Everything goes through COPY and set-based SQL, never row by row.
 */
@Component
public class SectionStore {

    private final DataSource dataSource;
    private final Connection fixed;
    private final CompanyNames names;
    /** A session's record of the identities it writes, taken in the caller's transaction (the writer may be another thread). */
    private final CompanyNames.Pending sessionNames;

    @org.springframework.beans.factory.annotation.Autowired
    SectionStore(DataSource dataSource, CompanyNames names) {
        this(dataSource, null, names, null);
    }

    private SectionStore(
            DataSource dataSource, Connection fixed, CompanyNames names, CompanyNames.Pending sessionNames) {
        this.dataSource = dataSource;
        this.fixed = fixed;
        this.names = names;
        this.sessionNames = sessionNames;
    }

    /**
     * The same operations on the connection of the caller's transaction, captured now, so that one
     * other thread (a bulk writer) may use it while the caller keeps off it.
     */
    public SectionStore session() {
        requireTransaction();
        Connection bound = connection();
        return new SectionStore(dataSource, bound, names, names.pending());
    }

    /** The ids of these companies, creating the ones Vigil has never seen; {@code created} holds the new ones. */
    public Resolved resolve(String country, Collection<String> numbers, long runId) {
        if (fixed == null) {
            requireTransaction();
        }
        Map<String, Long> ids = new HashMap<>(numbers.size() * 2);
        Set<String> created = new HashSet<>();
        try {
            Connection connection = connection();
            String[] wanted = numbers.toArray(String[]::new);
            Array array = connection.createArrayOf("text", wanted);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into company (country, number, first_run_id)
                    select ?, n, ? from unnest(?::text[]) as n
                    on conflict (country, number) do nothing
                    returning id, number""")) {
                insert.setString(1, country);
                insert.setLong(2, runId);
                insert.setArray(3, array);
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2), rs.getLong(1));
                        created.add(rs.getString(2));
                    }
                }
            }
            if (ids.size() < wanted.length) {
                try (PreparedStatement select = connection.prepareStatement(
                        "select id, number from company where country = ? and number = any(?::text[])")) {
                    select.setString(1, country);
                    select.setArray(2, array);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.putIfAbsent(rs.getString(2), rs.getLong(1));
                        }
                    }
                }
            }
            return new Resolved(ids, created);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resolve companies: " + e.getMessage(), e);
        }
    }

    /** The ids of companies Vigil already knows, without creating any. */
    public Map<String, Long> existing(String country, Collection<String> numbers) {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = connection()
                .prepareStatement("select id, number from company where country = ? and number = any(?::text[])")) {
            select.setString(1, country);
            select.setArray(2, connection().createArrayOf("text", numbers.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up companies: " + e.getMessage(), e);
        }
    }

    /** The current sections of these companies. */
    public Map<Long, StoredSection> load(Collection<Long> companyIds, Section section) {
        Map<Long, StoredSection> result = new HashMap<>(companyIds.size() * 2);
        if (companyIds.isEmpty()) {
            return result;
        }
        try (PreparedStatement select = connection().prepareStatement("""
                select company_id, doc::text, doc_hash, source, extract, as_of, run_id, updated_at
                from company_section where section = ? and company_id = any(?::bigint[])""")) {
            select.setString(1, section.key());
            select.setArray(2, connection().createArrayOf("bigint", companyIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.put(
                            rs.getLong(1),
                            new StoredSection(
                                    rs.getLong(1),
                                    section,
                                    rs.getString(2),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getDate(6).toLocalDate(),
                                    rs.getLong(7),
                                    rs.getTimestamp(8).toInstant()));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load sections: " + e.getMessage(), e);
        }
    }

    /**
     * Writes sections of companies that have none yet (just created in this run): straight COPY, the
     * fast path of a first full load.
     */
    public void insertNew(List<SectionWrite> writes, long runId) {
        if (writes.isEmpty()) {
            return;
        }
        copy(
                "copy company_section (company_id, section, doc, doc_hash, source, extract, as_of, run_id) from stdin",
                writes,
                runId);
    }

    /** Writes sections that may replace existing ones; answers the companies whose state actually changed. */
    public Set<Long> upsert(List<SectionWrite> writes, long runId) {
        return upsert(writes, runId, false).changed();
    }

    /**
     * Like {@link #upsert(List, long)}, and also hands back the versions the writes replaced, for a
     * caller that did not load them first (a full load comparing the whole registry).
     */
    public Upserted upsertReturningPrevious(List<SectionWrite> writes, long runId) {
        return upsert(writes, runId, true);
    }

    private Upserted upsert(List<SectionWrite> writes, long runId, boolean returnPrevious) {
        Set<Long> changed = new HashSet<>();
        Map<Long, Map<Section, String>> previous = new HashMap<>();
        if (writes.isEmpty()) {
            return new Upserted(changed, previous);
        }
        try {
            Connection connection = connection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        create temp table if not exists section_stage (
                            company_id bigint, section varchar(24), doc json, doc_hash bigint,
                            source varchar(32), extract varchar(64), as_of date, run_id bigint) on commit drop""");
                statement.execute("truncate section_stage");
            }
            copy(
                    "copy section_stage (company_id, section, doc, doc_hash, source, extract, as_of, run_id) from stdin",
                    writes,
                    runId);
            try (Statement statement = connection.createStatement()) {
                // one pass: the version a write replaces (PostgreSQL 18's RETURNING old) goes to the history as it is
                // replaced, so company_section is read once
                try (ResultSet rs =
                        statement.executeQuery("""
                        with written as (
                            insert into company_section (company_id, section, doc, doc_hash, source, extract, as_of, run_id)
                            select company_id, section, doc, doc_hash, source, extract, as_of, run_id from section_stage
                            on conflict (company_id, section) do update set
                                doc = excluded.doc, doc_hash = excluded.doc_hash, source = excluded.source,
                                extract = excluded.extract, as_of = excluded.as_of, run_id = excluded.run_id, updated_at = now()
                            where company_section.doc_hash <> excluded.doc_hash
                            returning new.company_id, new.run_id as replaced_by_run, old.section as replaced_section,
                                      old.doc, old.doc_hash, old.source, old.extract, old.as_of, old.run_id
                        ), history as (
                            insert into company_section_history
                                (company_id, section, doc, doc_hash, source, extract, as_of, run_id, replaced_by_run)
                            select company_id, replaced_section, doc, doc_hash, source, extract, as_of, run_id, replaced_by_run
                            from written where replaced_section is not null)
                        select company_id, replaced_section, """ + (returnPrevious ? "doc::text" : "null") + " from written")) {
                    while (rs.next()) {
                        changed.add(rs.getLong(1));
                        String section = rs.getString(2); // null: a first write, nothing replaced
                        if (returnPrevious && section != null) {
                            previous.computeIfAbsent(rs.getLong(1), id -> new java.util.EnumMap<>(Section.class))
                                    .put(Section.valueOf(section.toUpperCase(java.util.Locale.ROOT)), rs.getString(3));
                        }
                    }
                }
            }
            return new Upserted(changed, previous);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write sections: " + e.getMessage(), e);
        }
    }

    /** What an upsert changed: the companies, and (when asked) the section versions it replaced, as JSON. */
    public record Upserted(Set<Long> changed, Map<Long, Map<Section, String>> previous) {}

    /** The name search follows identities: each one written is refreshed in {@code company_name} once the transaction commits. */
    private void noteNames(List<SectionWrite> writes) {
        CompanyNames.Pending pending = null;
        for (SectionWrite write : writes) {
            if (write.section() == Section.IDENTITY) {
                pending = pending != null ? pending : sessionNames != null ? sessionNames : names.pending();
                if (pending == null) {
                    return;
                }
                pending.add(write.companyId());
            }
        }
    }

    private void copy(String sql, List<SectionWrite> writes, long runId) {
        noteNames(writes);
        try {
            CopyIn copyIn = connection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try (Writer out = new java.io.BufferedWriter(
                    new java.io.OutputStreamWriter(
                            new PGCopyOutputStream(copyIn), java.nio.charset.StandardCharsets.UTF_8),
                    1 << 16)) {
                for (SectionWrite write : writes) {
                    out.write(Long.toString(write.companyId()));
                    out.write('\t');
                    out.write(write.section().key());
                    out.write('\t');
                    CopyText.escape(write.json(), out);
                    out.write('\t');
                    out.write(Long.toString(write.hash()));
                    out.write('\t');
                    CopyText.escape(write.source(), out);
                    out.write('\t');
                    CopyText.escape(write.extract(), out);
                    out.write('\t');
                    out.write(write.asOf().toString());
                    out.write('\t');
                    out.write(Long.toString(runId));
                    out.write('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of sections failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("COPY of sections failed", e);
        }
    }

    /** The connection of the caller's transaction (or of the session). */
    public Connection connection() {
        return fixed != null ? fixed : DataSourceUtils.getConnection(dataSource);
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Section writes belong in the ingestion's transaction");
        }
    }

    public record Resolved(Map<String, Long> ids, Set<String> created) {}
}
